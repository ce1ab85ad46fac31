/**
 * The plugin's one `after_render:html` filter that edits pages: each part
 * of the plugin that edits a page adds a `PageEditor`, and the edits of all
 * are found on the page as Hexo's filters left it and made in one join
 * (see core/page-edits.ts for why).
 */
import type Hexo from 'hexo';
import { applyEdits, editsOverlap, type PageEdit } from '../core/page-edits.js';
import type { PageLocals } from './page-locals.js';

/**
 * The edits one part of the plugin makes to a page (`html`, as rendered),
 * or none; they must not overlap one another (each editor makes one kind
 * of change).
 */
export type PageEditor = (html: string, locals: PageLocals | undefined) => readonly PageEdit[];

export interface PageEditors {
  /** Edits are made in the order editors were added where they meet (two insertions before `</head>`). */
  add(editor: PageEditor): void;
}

/** After Hexo's own `after_render:html` filters (10). */
const editPriority = 20;

export function registerPageEdits(hexo: Hexo): PageEditors {
  const editors: PageEditor[] = [];
  hexo.extend.filter.register(
    'after_render:html',
    (html: unknown, locals?: PageLocals) => {
      if (typeof html !== 'string' || editors.length === 0) return html;
      const edits = editors.flatMap((editor) => editor(html, locals));
      if (!editsOverlap(edits)) return applyEdits(html, edits);
      // Edits of the same characters (a stylesheet link whose URL holds
      // `</head>`) are made one editor after the other, each on the page
      // the one before it left, as separate filters would.
      return editors.reduce((page, editor) => applyEdits(page, editor(page, locals)), html);
    },
    editPriority,
  );
  return { add: (editor) => void editors.push(editor) };
}
