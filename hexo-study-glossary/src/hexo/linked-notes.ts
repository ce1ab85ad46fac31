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
 * category pages), a view whose `content`, `excerpt` and `more` are linked
 * when read. Nothing linked is kept: each read splices again (microseconds),
 * so linked HTML lives no longer than the page being rendered. Notes read
 * any other way (`site.posts`, a feed) come plain.
 *
 * With Hexo's `relative_link`, the glossary links a page shows are relative
 * to that page: a note is shown on several (its own, the home page, archive
 * pages), so its links are rebased as it is read, for the page that reads
 * it. That includes the links the `{% term %}` tag wrote into the stored
 * HTML, root-absolute since no page exists yet when it runs (and kept so in
 * the feed, which needs them whole).
 */
import type Hexo from 'hexo';
import { spliceLinks } from '../core/link-html.js';
import { decodeLinkRecord, type LinkRecord } from '../core/link-record.js';
import { isMapping } from '../core/is-mapping.js';
import { glossaryLinkStart, rebaseGlossaryLinks } from '../core/glossary-anchor.js';
import type { GlossaryOptions } from '../core/options.js';
import type { SiteLinker } from './link-filters.js';
import { glossaryPath, glossaryUrl, pagePath, pageUrls } from './urls.js';

/** A note as the theme gets it, with a link record. */
export interface StoredNote {
  /** The note's file under `source/`. */
  source?: string;
  content: string;
  excerpt?: unknown;
  more?: unknown;
  /** Absent on a note without links of its own making (it may still have `{% term %}` links). */
  glossary_links?: string | undefined;
}

/** warehouse's Query: what `page.posts` is. */
interface NoteQuery {
  data: unknown[];
  constructor: new (data: unknown[]) => NoteQuery;
}

export function registerLinkedNotes(hexo: Hexo, linker: SiteLinker, options: Pick<GlossaryOptions, 'path'>): void {
  const view = linkedNoteView(linker);
  plainNoteForOpenGraph(hexo);
  const urls = pageUrls(hexo.config);
  /** The glossary's URL in stored HTML (`{% term %}` links), and in the links spliced in. */
  const glossary = glossaryUrl(hexo.config.root, options);
  const path = glossaryPath(options);
  const linkStart = glossaryLinkStart(glossary);
  // A note shown with its links rebased: one with a link record, or with a
  // `{% term %}` link (and no other link: then it has no record).
  const shows = urls.relative
    ? (value: unknown): value is StoredNote => isMapping(value) && typeof value['content'] === 'string' && (typeof value['glossary_links'] === 'string' || value['content'].includes(linkStart))
    : isStoredNote;
  hexo.extend.filter.register('template_locals', (locals: { page?: unknown; path?: unknown }) => {
    const { page } = locals;
    let rebase: Rebase | undefined;
    if (urls.relative) {
      const to = urls.url(path, pagePath(locals));
      rebase = (html) => rebaseGlossaryLinks(html, glossary, to);
    }
    if (shows(page)) {
      locals.page = view(page, rebase);
    } else if (isMapping(page) && isNoteQuery(page['posts']) && page['posts'].data.some(shows)) {
      const posts = page['posts'];
      const linked = new posts.constructor(posts.data.map((post) => (shows(post) ? view(post, rebase) : post)));
      locals.page = copy(page, { posts: { value: linked, writable: true, enumerable: true, configurable: true } });
    }
    return locals;
  });
  // A note or page with `layout: false` is its HTML alone: Hexo's generators
  // route its stored content as is, with no template to hand a view to, so
  // it showed no links of its own making while its term pages listed it.
  hexo.extend.filter.register('after_generate', () => {
    for (const [kind, off] of [['posts', ['false']], ['pages', ['false', 'off']]] as const) {
      const query = hexo.locals.get(kind) as { toArray?: () => unknown[] } | undefined;
      for (const note of query?.toArray?.() ?? []) {
        if (!shows(note)) continue;
        const { layout, path: notePath } = note as StoredNote & { layout?: unknown; path?: unknown };
        if ((layout && !(off as readonly unknown[]).includes(layout)) || typeof notePath !== 'string') continue;
        const rebase: Rebase | undefined = urls.relative ? (html) => rebaseGlossaryLinks(html, glossary, urls.url(path, notePath)) : undefined;
        hexo.route.set(notePath, () => view(note, rebase).content);
      }
    }
  });
}

/**
 * Rewrites the glossary links of a note's HTML for the page it is shown on
 * (`relative_link`); see `rebaseGlossaryLinks`.
 */
export type Rebase = (html: string) => string;

/** Read on a view: the note it shows, as stored. */
const plainNote = Symbol('glossary: the note a view shows');

/** The pieces of a note that are read linked. */
type Piece = 'content' | 'excerpt' | 'more';
const isPiece = (key: PropertyKey): key is Piece => key === 'content' || key === 'excerpt' || key === 'more';

/**
 * Makes views of notes: proxies whose `content`, `excerpt` and `more` read
 * linked, and everything else as the note has it (Hexo's virtual getters,
 * `path` or `permalink`, included). A view must be small: a page lists
 * dozens of notes, and every page's locals live until the build ends.
 * A proxy is, and so is its note; a view whose prototype was the note
 * made each note copy a prototype, with hidden classes of its own (about
 * 6 MB at 2,000 notes, kept until Hexo exits).
 *
 * What a theme assigns to a view is kept by the view; the note is not
 * changed.
 *
 * A record made for another content (a filter after ours changed the HTML)
 * is replaced by a plan made when the note is first read, so it still links.
 *
 * A view made with `rebase` (the page's, under `relative_link`) reads its
 * pieces rebased: the links spliced in and those already in the note.
 */
export function linkedNoteView(linker: SiteLinker): NoteViews {
  // Read once per note, however many pages show it, and kept by note (its
  // source; Hexo hands out a new copy of a note for every page and query):
  // a saved note's new record takes the place of the old one. Keyed by the
  // stored string, every save under `hexo server` added a record that was
  // kept until the glossary changed. Forgotten when the glossary changes,
  // with the plans made for it.
  let records = new Map<string, { links: string; record: LinkRecord | null }>();
  // Plans made for contents that no longer match their record (a filter
  // after ours changed the HTML), by note: a note on many pages is planned
  // once.
  let replanned = new Map<string, { content: string; record: LinkRecord | null }>();
  // A theme may read a piece twice in one render (landscape tests
  // `post.excerpt`, then prints it): the last piece linked is kept.
  let last: { note: StoredNote; name: Piece; rebase: Rebase | undefined; html: string } | undefined;
  let glossary: unknown;
  // What themes assigned to views; a view has an entry only once assigned to.
  const assigned = new WeakMap<object, Map<PropertyKey, unknown>>();
  let anyAssigned = false;
  const forgetIfChanged = (): void => {
    if (linker.glossary() === glossary) return;
    glossary = linker.glossary();
    records = new Map();
    replanned = new Map();
    last = undefined;
  };
  const record = (note: StoredNote, links: string): LinkRecord | null => {
    let kept = records.get(note.source ?? links);
    if (kept?.links !== links) records.set(note.source ?? links, (kept = { links, record: decodeLinkRecord(links) ?? null }));
    const found = kept.record;
    if (!found || found.length === note.content.length) return found;
    // Made for another content (a filter after ours changed the HTML): plan it again.
    const id = note.source ?? note.content;
    let again = replanned.get(id);
    if (again?.content !== note.content) replanned.set(id, (again = { content: note.content, record: linker.plan(note) ?? null }));
    return again.record;
  };
  /** `html`, the note's piece `name`, with the note's links spliced in. */
  const spliced = (note: StoredNote, name: Piece, html: string): string => {
    const found = typeof note.glossary_links === 'string' ? record(note, note.glossary_links) : null;
    if (!found) return html;
    const at = name === 'content' ? 0 : name === 'excerpt' ? found.excerptAt : found.moreAt;
    // A piece that is no longer where it was cut (changed since) stays as it is.
    if (at < 0 || (name !== 'content' && !note.content.startsWith(html, at))) return html;
    return spliceLinks(html, found.plan, linker.openTag, at);
  };
  const linked = (note: StoredNote, name: Piece, rebase: Rebase | undefined): unknown => {
    const html = note[name];
    if (typeof html !== 'string' || html === '') return html;
    forgetIfChanged();
    if (last?.note === note && last.name === name && last.rebase === rebase) return last.html;
    const linkedHtml = rebase ? rebase(spliced(note, name, html)) : spliced(note, name, html);
    last = { note, name, rebase, html: linkedHtml };
    return linkedHtml;
  };
  // warehouse's own would read the note's fields as stored.
  function toObject(this: StoredNote & { [plainNote]: StoredNote & { toObject?: () => object } }): object {
    const note = this[plainNote];
    const object = typeof note.toObject === 'function' ? note.toObject() : { ...note };
    return Object.assign(object, { content: this.content, excerpt: this.excerpt, more: this.more });
  }
  function toJSON(this: { toObject(): object }): object {
    return this.toObject();
  }
  const handler = (rebase: Rebase | undefined): ProxyHandler<StoredNote> => ({
    get(note, key, view: object) {
      if (anyAssigned) {
        const own = assigned.get(view);
        if (own?.has(key)) return own.get(key);
      }
      if (isPiece(key)) return linked(note, key, rebase);
      if (key === plainNote) return note;
      if (key === 'toObject') return toObject;
      if (key === 'toJSON') return toJSON;
      return Reflect.get(note, key, view) as unknown;
    },
    set(_note, key, value: unknown, view: object) {
      let own = assigned.get(view);
      if (!own) assigned.set(view, (own = new Map()));
      anyAssigned = true;
      own.set(key, value);
      return true;
    },
  });
  const rootHandler = handler(undefined);
  // Views of one page share a handler (made for that page's `rebase`).
  let pageHandler: { rebase: Rebase; handler: ProxyHandler<StoredNote> } | undefined;
  const handlerFor = (rebase: Rebase | undefined): ProxyHandler<StoredNote> => {
    if (!rebase) return rootHandler;
    if (pageHandler?.rebase !== rebase) pageHandler = { rebase, handler: handler(rebase) };
    return pageHandler.handler;
  };
  // A view handed in again (a filter that sees the same locals twice) stays as it is: linked once.
  const views = <T extends StoredNote>(note: T, rebase?: Rebase) =>
    (note as { [plainNote]?: unknown })[plainNote] === undefined ? (new Proxy(note, handlerFor(rebase)) as T) : note;
  return Object.defineProperty(views, 'recordCount', { get: () => records.size }) as NoteViews;
}

/** Makes views of notes (see `linkedNoteView`). */
export interface NoteViews {
  <T extends StoredNote>(note: T, rebase?: Rebase): T;
  /** How many decoded link records are kept: at most one per note read since the glossary last changed. */
  readonly recordCount: number;
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
    const note = isMapping(page) ? (page as { [plainNote]?: unknown })[plainNote] : undefined;
    if (note === undefined) return openGraph.apply(this, args);
    // The note is swapped into the page's locals for the call, rather than
    // handed in on a new object whose prototype is the locals: a new object
    // made from each page's locals (a hundred-odd properties, which V8 sets
    // up as a prototype the first time) cost about 90 ms at 2,000 notes.
    // The locals get their page back before anything else runs. Locals that
    // can't be written to (never Hexo's) give the helper the view: the same
    // description, stripped of links.
    if (!Reflect.set(this, 'page', note)) return openGraph.apply(this, args);
    try {
      return openGraph.apply(this, args);
    } finally {
      Reflect.set(this, 'page', page);
    }
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
