/**
 * Notes keep the HTML their renderer produced; their glossary links are
 * spliced in only where a page shows them.
 *
 * Why: Hexo keeps every note's HTML in memory for the whole build, and
 * writes it twice (`content` and `more`) to db.json. Stored with its links,
 * which with their summaries make a note's HTML about three times longer,
 * that cost about 40% more peak memory at 2,000 notes. A note stores
 * instead where its links go (core/link-record.ts), a few hundred bytes.
 *
 * How: a `template_locals` filter hands the theme, in place of each note it
 * shows (`page` on a note's page; `page.posts` on index, archive, tag and
 * category pages), a copy whose `content`, `excerpt` and `more` are linked
 * when read. Nothing linked is kept: each read splices again (microseconds),
 * so linked HTML lives no longer than the page being rendered. Notes read
 * any other way (`site.posts`, a feed) come plain.
 */
import type Hexo from 'hexo';
import { spliceLinks } from '../core/link-html.js';
import { decodeLinkRecord, type LinkRecord } from '../core/link-record.js';
import { isMapping } from '../core/is-mapping.js';
import type { SiteLinker } from './link-filters.js';
import { lazyProperty } from './lazy-property.js';

/** A note as the theme gets it, with a link record. */
interface StoredNote {
  /** The note's file under `source/`. */
  source?: string;
  content: string;
  excerpt?: unknown;
  more?: unknown;
  glossary_links: string;
}

/** warehouse's Query: what `page.posts` is. */
interface NoteQuery {
  data: unknown[];
  constructor: new (data: unknown[]) => NoteQuery;
}

export function registerLinkedNotes(hexo: Hexo, linker: SiteLinker): void {
  const view = linkedNoteView(linker);
  plainNoteForOpenGraph(hexo);
  hexo.extend.filter.register('template_locals', (locals: { page?: unknown }) => {
    const { page } = locals;
    if (isStoredNote(page)) {
      locals.page = view(page);
    } else if (isMapping(page) && isNoteQuery(page['posts']) && page['posts'].data.some(isStoredNote)) {
      const posts = page['posts'];
      const linked = new posts.constructor(posts.data.map((post) => (isStoredNote(post) ? view(post) : post)));
      locals.page = copy(page, { posts: { value: linked, writable: true, enumerable: true, configurable: true } });
    }
    return locals;
  });
}

/** Marks views (on the view itself, not on the note). */
const isView = Symbol('glossary: linked note view');

/**
 * Makes views of notes: objects whose prototype is the note, whose
 * `content`, `excerpt` and `more` read linked. A view is small (a page
 * lists dozens of notes, and every page's locals live until the build
 * ends), so the accessors are shared and find the note as the prototype.
 *
 * A record made for another content (a filter after ours changed the HTML)
 * is replaced by a plan made when the note is first read, so it still links.
 */
export function linkedNoteView(linker: SiteLinker): <T extends StoredNote>(note: T) => T {
  // Read once per note, however many pages show it. Keyed by the stored
  // string: Hexo hands out a new copy of a note for every page and query.
  // Forgotten when the glossary changes (hexo server), with the plans
  // made for it.
  let records = new Map<string, LinkRecord | null>();
  // Plans made for contents that no longer match their record (a filter
  // after ours changed the HTML), by note: a note on many pages is planned
  // once.
  let replanned = new Map<string, { content: string; record: LinkRecord | null }>();
  // A theme may read a piece twice in one render (landscape tests
  // `post.excerpt`, then prints it): the last piece linked is kept.
  let last: { note: StoredNote; name: string; html: string } | undefined;
  let glossary: unknown;
  const forgetIfChanged = (): void => {
    if (linker.glossary() === glossary) return;
    glossary = linker.glossary();
    records = new Map();
    replanned = new Map();
    last = undefined;
  };
  const record = (note: StoredNote): LinkRecord | null => {
    let found = records.get(note.glossary_links);
    if (found === undefined) {
      found = decodeLinkRecord(note.glossary_links) ?? null;
      records.set(note.glossary_links, found);
    }
    if (!found || found.length === note.content.length) return found;
    // Made for another content (a filter after ours changed the HTML): plan it again.
    const id = note.source ?? note.content;
    let again = replanned.get(id);
    if (again?.content !== note.content) replanned.set(id, (again = { content: note.content, record: linker.plan(note) ?? null }));
    return again.record;
  };
  const piece = (name: 'content' | 'excerpt' | 'more'): PropertyDescriptor =>
    lazyProperty(name, function (this: StoredNote): unknown {
      const note = Object.getPrototypeOf(this) as StoredNote;
      const html = note[name];
      if (typeof html !== 'string' || html === '') return html;
      forgetIfChanged();
      if (last?.note === note && last.name === name) return last.html;
      const found = record(note);
      if (!found) return html;
      const at = name === 'content' ? 0 : name === 'excerpt' ? found.excerptAt : found.moreAt;
      // A piece that is no longer where it was cut (changed since) stays as it is.
      if (at < 0 || (name !== 'content' && !note.content.startsWith(html, at))) return html;
      last = { note, name, html: spliceLinks(html, found.plan, linker.openTag, at) };
      return last.html;
    });
  const descriptors: PropertyDescriptorMap = {
    [isView]: { value: true },
    content: piece('content'),
    excerpt: piece('excerpt'),
    more: piece('more'),
    // warehouse's own read the view's own keys only.
    toObject: {
      value(this: StoredNote) {
        const note = Object.getPrototypeOf(this) as { toObject?: () => object };
        const object = typeof note.toObject === 'function' ? note.toObject() : { ...note };
        return Object.assign(object, { content: this.content, excerpt: this.excerpt, more: this.more });
      },
    },
    toJSON: {
      value(this: StoredNote) {
        return (this as unknown as { toObject(): object }).toObject();
      },
    },
  };
  return <T extends StoredNote>(note: T) => Object.create(note, descriptors) as T;
}

/**
 * Hexo's `open_graph` helper reads a note's HTML only for its text (the
 * description) and its images, which links don't change: it gets the note
 * as stored. Stripping the linked HTML instead took some 150 ms more at
 * 2,000 notes.
 */
function plainNoteForOpenGraph(hexo: Hexo): void {
  const helpers = hexo.extend.helper;
  const openGraph = helpers.get('open_graph') as ((this: { page?: unknown }, ...args: unknown[]) => unknown) | undefined;
  if (!openGraph) return;
  helpers.register('open_graph', function (this: { page?: unknown }, ...args: unknown[]) {
    const { page } = this;
    if (!isMapping(page) || (page as { [isView]?: unknown })[isView] !== true) return openGraph.apply(this, args);
    return openGraph.apply(Object.create(this, { page: { value: Object.getPrototypeOf(page) as unknown } }) as object, args);
  });
}

/** A shallow copy of `value`, getters and prototype included, with `overrides`. */
function copy<T extends object>(value: T, overrides: PropertyDescriptorMap): T {
  return Object.create(Object.getPrototypeOf(value) as object | null, { ...Object.getOwnPropertyDescriptors(value), ...overrides }) as T;
}

function isStoredNote(value: unknown): value is StoredNote {
  return isMapping(value) && typeof value['glossary_links'] === 'string' && typeof value['content'] === 'string';
}

function isNoteQuery(value: unknown): value is NoteQuery {
  return isMapping(value) && Array.isArray(value['data']) && typeof value.constructor === 'function';
}
