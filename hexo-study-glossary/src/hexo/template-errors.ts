/**
 * A note whose tags Nunjucks can't run (`{% terms EKS %}`, a typo of
 * `term`; an `{% if %}` without `{% endif %}`) must not take the build
 * with it. Hexo lets the error end `hexo generate` before it writes a
 * single page, and names a line of the note's HTML, not of its file.
 *
 * Here the error is reported as a problem of the note, with the line of
 * its file that holds the tag, and the note is rendered again with its tags
 * left as written (Hexo's own `disableNunjucks`), so every page is written
 * and the command exits 1. The note is not stamped (see link-filters.ts):
 * the next build renders it again and fails again until it is mended.
 */
import type Hexo from 'hexo';
import { closestSpelling } from '../core/near-misses.js';
import { printable, shorten } from '../core/shorten.js';
import { runTags, templateErrorLine } from '../core/template-errors.js';
import type { GlossaryStore } from './store.js';
import type { NoteStamp } from './link-filters.js';

interface RenderData extends NoteStamp {
  source?: string;
  raw?: string;
  content?: string | null;
  disableNunjucks?: boolean;
}

/** What Hexo's tag module makes of a Nunjucks error (hexo/dist/extend/tag.js). */
interface NunjucksError extends Error {
  line?: number;
  type?: string;
  location?: string;
}

/** Hexo's `post.render`: it returns a Bluebird promise, which callers may use as one. */
type Render = (source: string | undefined, data?: RenderData, callback?: unknown) => Promise<unknown>;

export function registerTemplateErrors(hexo: Hexo, store: GlossaryStore): void {
  const post = hexo.post as unknown as { render: Render };
  const render = post.render.bind(post);
  post.render = (source, data = {}, callback) => {
    // Tag plugins render Markdown through here too, without a note.
    if (typeof callback === 'function' || typeof data.source !== 'string') return render(source, data, callback);
    const note = data.source;
    const input = data.content;
    const disableNunjucks = data.disableNunjucks;
    // Bluebird's `catch` keeps the promise Hexo's (`asCallback`, `thenReturn`).
    return render(source, data).catch(async (error: unknown) => {
      if (!isNunjucksError(error) || data.disableNunjucks === true) throw error;
      // What Nunjucks was given: the note's HTML, tags restored.
      const html = typeof data.content === 'string' ? data.content : '';
      data.content = input;
      data.disableNunjucks = true;
      try {
        await render(source, data);
      } finally {
        if (disableNunjucks === undefined) delete data.disableNunjucks;
        else data.disableNunjucks = disableNunjucks;
      }
      const message = describe(hexo, note, data.raw ?? '', html, error);
      hexo.log.error(printable(message));
      store.addNoteProblem(note, message);
      data.glossary_signature = undefined;
      return data;
    });
  };
}

function describe(hexo: Hexo, note: string, raw: string, html: string, error: NunjucksError): string {
  // Hexo trims a located error to its type; an unlocated one is "where\n  what".
  const type = (error.type ?? (error.message.trim().split('\n').pop() ?? '').trim()).replace(/^Error: /, '').replace(/\.$/, '');
  // Hexo keeps Nunjucks' "[Line N, Column M]" in the error's first line.
  const column = /Column (\d+)/.exec(error.location ?? error.message)?.[1];
  const line = templateErrorLine(raw, html, error.line ?? 0, type, column === undefined ? undefined : Number(column));
  const unknown = /^unknown block tag: ([\w-]+)/.exec(type)?.[1];
  const tags = [...Object.keys((hexo.extend.tag as unknown as { env: { extensions: Record<string, unknown> } }).env.extensions), ...nunjucksTags];
  const closest = unknown === undefined ? undefined : closestSpelling(unknown, tags);
  // An end tag Nunjucks knows is unexpected, not misspelled.
  const suggestion = closest === unknown ? undefined : closest;
  // An end tag Nunjucks didn't expect: the line is that of the block left open before it.
  const leftOpen = unknown?.startsWith('end') && line !== undefined && !runTags(raw).some((tag) => tag.line === line && tag.name === unknown);
  const unclosed = leftOpen ? `; the block opened on this line is not closed before {% ${unknown} %}` : '';
  return (
    `source/${note}${line === undefined ? '' : `:${line}`}: Nunjucks: ${shorten(type)}${unclosed}` +
    (suggestion === undefined ? '.' : `; did you mean {% ${suggestion} %}?`) +
    " The page shows this note's tags as written (a literal {% or {{ goes inside {% raw %}…{% endraw %})"
  );
}

/** Nunjucks' own tags, for "did you mean". */
const nunjucksTags = ['if', 'elif', 'else', 'endif', 'for', 'endfor', 'set', 'endset', 'macro', 'endmacro', 'call', 'endcall', 'filter', 'endfilter', 'raw', 'endraw', 'include', 'import'];

function isNunjucksError(error: unknown): error is NunjucksError {
  return error instanceof Error && (error.name === 'Nunjucks Error' || error.name === 'Template render error');
}
