/**
 * Plan the glossary links of every rendered note, and keep them fresh.
 *
 * A note keeps the HTML its renderer produced; what is stored with it is
 * where its links go (core/link-record.ts), and its mentions. The links are
 * spliced in where a page shows the note (linked-notes.ts).
 *
 * Hexo caches each note's rendered HTML in db.json and re-renders a note
 * only when its own file changes. Each rendered note is therefore stamped
 * with the glossary signature it was planned against; before Hexo renders,
 * notes with another stamp lose their cached HTML, so that editing the
 * glossary re-links everything (in `hexo server` and in `hexo generate`
 * without `hexo clean`).
 */
import { createHash } from 'node:crypto';
import type Hexo from 'hexo';
import { linkRules, planLinks, type LinkOptions, type LinkPlan, type Mention, type PlanResult, type Snippet } from '../core/link-html.js';
import { encodeLinkRecord, linkRecord, type LinkRecord, type PlannedNote } from '../core/link-record.js';
import { glossaryLinkOpenTags } from '../core/glossary-anchor.js';
import type { GlossaryOptions } from '../core/options.js';
import type { GlossaryStore } from './store.js';
import { pageUrls, termPath } from './urls.js';
import { formatProblem } from '../core/load-glossary.js';
import { todoMarker } from '../core/check-terms.js';
import { encodeMentions, planStored } from '../core/mention-record.js';
import { createMatcher } from '../core/match-terms.js';
import { createLinkPool, type ThreadGlossary, type ThreadResult } from './link-pool.js';
import { modelRecords, recordOf, setRecordFields } from './model-records.js';
import { commaSeparated, frontMatterLine } from './front-matter-problems.js';
import { printable, quoteShort } from '../core/shorten.js';
import { closestSpelling } from '../core/near-misses.js';
import { rendererTap } from './renderer-tap.js';

/**
 * After Hexo's own `after_post_render` filters (10): the plan is made for
 * the HTML as Hexo stores it, once the excerpt is cut and external links
 * are marked.
 */
const linkPriority = 20;
/**
 * Last among `after_post_render` filters: another plugin's filter after
 * ours may have changed the HTML the record describes.
 */
const verifyPriority = 1_000_000;
/** Hexo renders notes in a `before_generate` filter at priority 10. */
const refreshPriority = 1;
/** After the refresh and before Hexo renders: the thread starts while Markdown renders. */
const warmPriority = 2;
/** After that filter: every note of the build is linked. */
const releasePriority = 20;
/**
 * Notes of a build planned in place; the ones after them are planned in a
 * worker thread (see link-pool.ts). For fewer notes, starting the thread
 * (some 30 ms) costs more than it saves.
 */
const inPlaceNotes = 50;

/** What the plugin stores on each rendered note. */
export interface NoteStamp {
  /** `noteStamp(…)` of the glossary and settings the note was linked against. */
  glossary_signature?: string;
  /** The note's mentions, see core/mention-record.ts (`decodeMentions`). */
  glossary_mentions?: string;
  /** Where the note's links go, see core/link-record.ts; absent when it has none. */
  glossary_links?: string | undefined;
}

/**
 * The stamp of a note planned against a glossary (its `planSignature`, see
 * core/matchable-terms.ts, and its whole `signature`) with the `settings`
 * (see `linkSettings`). The prefix names the shape of what is stored (`p1`:
 * link records, and HTML without links) and the linker's `linkRules`:
 * notes cached by a version that stored anything else, or that linked by
 * other rules, carry another stamp, and are rendered again.
 */
function noteStamp(planSignature: string, signature: string, settings: string): string {
  return `${planStamp(planSignature)}${signature}:${settings}`;
}

/** How the stamp of a note planned against `planSignature` starts. */
function planStamp(planSignature: string): string {
  return `p1.${linkRules}:${planSignature}.`;
}

/**
 * A digest of what decides a note's links besides the glossary: the site's
 * `root` and `glossary.path` (the hrefs), `glossary.link` and `glossary.skip`.
 * It is part of each note's stamp because Hexo re-renders a cached note
 * only when its own file changes: without it, changing these in
 * `_config.yml` left old links (to old URLs) in `hexo generate` without
 * `hexo clean`.
 */
function linkSettings(root: string, options: Pick<GlossaryOptions, 'path' | 'link' | 'skip'>): string {
  const settings = JSON.stringify([root, options.path, options.link, options.skip ?? null]);
  return createHash('sha256').update(settings).digest('hex').slice(0, 8);
}

interface RenderedNote extends NoteStamp, PlannedNote {
  source?: string;
  /** The note's path, as Hexo hands it to the renderer. */
  full_source?: string;
  /** A moment, as Hexo stores it. */
  date?: { valueOf(): number };
  raw?: string;
  glossary?: unknown;
  glossary_exclude?: unknown;
}

interface CachedNote extends NoteStamp {
  content?: string | null;
  excerpt?: unknown;
  more?: unknown;
  source?: string;
  raw?: string;
  glossary?: unknown;
  glossary_exclude?: unknown;
}

/** A `{% term %}` tag in a note's source, any spacing and whitespace control. */
const termTagInSource = /\{%-?\s*term[\s%]/;

/** What Hexo's excerpt filter puts in place of `<!-- more -->`. */
const moreMarker = '<span id="more"></span>';

/**
 * Whether Hexo's excerpt filter cut `note` at `<!-- more -->`: then its
 * `excerpt` and `more` are pieces of its rendered HTML, not front matter.
 * (Without a cut, Hexo sets `more` to the whole content.)
 */
function cutAtMore(note: CachedNote): boolean {
  return typeof note.content === 'string' && typeof note.more === 'string' && note.more !== note.content && note.content.includes(moreMarker);
}

/** A cached note to plan again (see `planAll`). */
interface NoteToPlan {
  model: string;
  id: string;
  note: Readonly<CachedNote>;
  html: string;
  exclude: Set<string>;
}

/**
 * The share of a glossary edit's notes the linking thread plans: a little
 * under half, as it starts (loads its code, compiles the glossary) while
 * Hexo's thread plans its own share.
 */
const threadShare = 0.45;

interface CachedDocument extends CachedNote {
  save(): PromiseLike<unknown>;
}

/** What linked-notes.ts needs to link notes as this site does. */
export interface SiteLinker {
  /** The glossary now: another object once it changes. */
  glossary(): object;
  /** The opening tag of a link to `key`, for the current glossary. */
  openTag(key: string): string;
  /** A fresh record for `note`, planned now (a stored record was made for another content). */
  plan(note: RenderedNote): LinkRecord | undefined;
  /** The mentions of `note`, with their snippets, read from its HTML now. */
  mentions(note: Partial<RenderedNote>): Map<string, Mention>;
  /** Settles once the snippets the linking thread kept in this build (if any) are here. */
  keptSnippetsReady(): Promise<void>;
  /**
   * `key`'s snippet in `note`, as the linking thread kept it from the very
   * HTML `note` has now; `undefined` when it kept none (see `mentions`).
   */
  keptSnippet(note: Partial<RenderedNote>, key: string): Snippet | undefined;
}

export function registerLinkFilters(hexo: Hexo, options: GlossaryOptions, store: GlossaryStore): SiteLinker {
  const pool = createLinkPool();
  // Fixed for the process: Hexo reads _config.yml once.
  const settings = linkSettings(hexo.config.root, options);
  /** Finds no text: planning with it only reads the glossary links a note has. */
  const noTerms = createMatcher([]);
  hexo.on('exit', () => void pool.close());
  /** Notes linked in this build so far. */
  let linked = 0;
  /** The HTML each note was planned for, until the last filter checks it. */
  const plannedFor = new WeakMap<RenderedNote, string>();
  /**
   * Notes of a build large enough for the thread, by path, from their
   * `before_post_render` on: planned in the thread as soon as their renderer
   * returns (see renderer-tap.ts). `undefined` outside such a build.
   */
  let early: Map<string, EarlyPlan> | undefined;
  /** Notes of this build linked with their early plan. */
  let earlyUsed = 0;
  /**
   * The snippets the thread keeps for the term pages (the newest notes of
   * each term; core/newest-snippets.ts): the HTML each note was sent with,
   * then, from the end of the notes' planning, the snippets by note and term.
   */
  let kept:
    | { sent: Map<string, string>; ready?: Promise<void>; byNote?: Map<string, Map<string, Snippet>>; taken: number; missed: number }
    | undefined;
  const tapRenderers = rendererTap(hexo, (path, html) => {
    const note = early?.get(path);
    if (!note || note.result) return;
    const keep = kept && note.time !== undefined ? { note: path, time: note.time } : undefined;
    try {
      note.result = pool.link(html, note.exclude, keep);
    } catch {
      // The thread could not start: the link filter tries again, and reports it.
      return;
    }
    note.html = html;
    if (keep) kept?.sent.set(path, html);
    // Read (or dropped) by the link filter; a failure is reported there.
    note.result.catch(() => undefined);
  });

  hexo.extend.filter.register(
    'before_generate',
    async () => {
      linked = 0;
      const { changed, problems } = store.refresh();
      // Notes rendered in this process carry the current stamp; only notes
      // from db.json and a glossary change can leave stale ones.
      if (!changed) return;
      for (const problem of problems) hexo.log.error(printable(`Glossary: ${formatProblem(problem)}`));
      hexo.log.info(`Glossary: ${store.glossary.entries.length} terms loaded`);
      // Stubs (`hexo terms new`) build, so that writing can go on; say that they are published as they are.
      for (const entry of store.glossary.entries) {
        if (!entry.summary.startsWith(todoMarker)) continue;
        hexo.log.warn(printable(`${entry.position.file}:${entry.position.line}: "${entry.key}" is still a stub (its summary starts with ${todoMarker}), and is published as it is`));
      }
      // Reads the models' records, not copies: 2–3 ms per 2,000 notes.
      const signature = noteStamp(store.planSignature, store.glossary.signature, settings);
      const stale: PromiseLike<unknown>[] = [];
      const toPlan: NoteToPlan[] = [];
      let kept = 0;
      for (const name of ['Post', 'Page']) {
        for (const [id, record] of modelRecords<CachedNote>(hexo, name)) {
          if (record.content == null || record.glossary_signature === signature) continue;
          const again = replan(record, signature);
          if (again === 'keep') {
            setRecordFields<CachedNote>(hexo, name, id, { glossary_signature: signature });
            kept++;
            continue;
          }
          if (again === 'unlinked') {
            setRecordFields<CachedNote>(hexo, name, id, { glossary_links: undefined, glossary_mentions: encodeMentions(new Map()), glossary_signature: signature });
            kept++;
            continue;
          }
          if (again) {
            toPlan.push({ ...again, model: name, id });
            continue;
          }
          const document = hexo.model(name).findById(id) as unknown as CachedDocument;
          // Rendered again from its Markdown, as after an edit of its file.
          // Hexo's excerpt filter cuts only a note without an `excerpt`: one
          // left from the last cut would keep `<!-- more -->` in the page.
          if (cutAtMore(record)) document.excerpt = document.more = undefined;
          document.content = undefined;
          stale.push(document.save());
        }
      }
      await Promise.all(stale);
      const { results, inThread } = await planAll(toPlan);
      toPlan.forEach(({ model, id, note, html }, index) => {
        // Hexo may have stored another version of the note while the thread
        // planned (a save under `hexo server`): that one is linked when it renders.
        if (recordOf<CachedNote>(hexo, model, id)?.content !== html) return;
        const { plan, mentions } = results[index]!;
        const links = record({ content: html, excerpt: note.excerpt, more: note.more }, plan);
        setRecordFields<CachedNote>(hexo, model, id, { glossary_links: links, glossary_mentions: mentions, glossary_signature: signature });
      });
      hexo.log.debug(
        `Glossary: ${toPlan.length} cached notes linked again${inThread > 0 ? ` (${inThread} in a worker thread)` : ''}, ${kept} kept their links, ${stale.length} to render again`,
      );
    },
    refreshPriority,
  );

  /**
   * Plans a cached note again where it is, if its HTML doesn't depend on
   * the glossary: it is stored without links (the `p1` stamps), so only
   * where they go changes, and its Markdown needn't be rendered again (at
   * 2,000 notes a glossary edit took 4–5 s under `hexo server`, most of it
   * Markdown). A note with a glossary link in its HTML (`{% term %}`, whose
   * markup the glossary decides), with a problem, or stored otherwise, is
   * rendered again instead. When the glossary changed only in what links
   * say (a summary), not in where they go (`planSignature`), the note keeps
   * its links, and is only stamped: a summary edited under `hexo server`
   * plans no note again. Returns `'keep'` then, `'unlinked'` for a note
   * with `glossary: false`, what to plan when the note is to be planned
   * again (see `planAll`), and `undefined` when it must be rendered again.
   */
  function replan(note: Readonly<CachedNote>, signature: string): 'keep' | 'unlinked' | Pick<NoteToPlan, 'note' | 'html' | 'exclude'> | undefined {
    const html = note.content;
    if (typeof html !== 'string' || !note.glossary_signature?.startsWith('p1.') || html.includes('glossary-link')) return undefined;
    // A `{% term %}` must run against the new glossary (it may name a term
    // no longer there), even where its link was left out (in link text).
    if (typeof note.raw !== 'string' || termTagInSource.test(note.raw)) return undefined;
    const source = note.source ?? '';
    if (store.hasNoteProblems(source)) return undefined;
    const messages: string[] = [];
    const exclude = readExclude(note, source, store, messages);
    // Rendered again, where the link filter reports it.
    if (messages.length > 0) return undefined;
    const stamped = note.glossary_signature;
    if (stamped.startsWith(planStamp(store.planSignature)) && stamped.endsWith(`:${settings}`)) return 'keep';
    if (note.glossary === false) return 'unlinked';
    return { note, html, exclude };
  }

  /**
   * Plans the notes of a glossary edit. Past `inPlaceNotes`, the linking
   * thread plans the later `threadShare` of them, sent in one message,
   * while Hexo's thread plans the rest: at 2,000 notes planning took about
   * a second of a glossary edit under `hexo server`, all on Hexo's thread.
   * Should the thread fail, its share is planned in place.
   */
  async function planAll(notes: readonly NoteToPlan[]): Promise<{ results: ThreadResult[]; inThread: number }> {
    const here = (note: NoteToPlan): ThreadResult => planStored(note.html, store.matcher, { ...linkOptions(), exclude: note.exclude });
    if (notes.length <= inPlaceNotes) return { results: notes.map(here), inThread: 0 };
    current();
    const split = Math.ceil(notes.length * (1 - threadShare));
    const sent = notes.slice(split);
    const remote = pool.linkAll(sent);
    // Settled below; a failure is planned in place.
    remote.catch(() => undefined);
    const local = notes.slice(0, split).map(here);
    let inThread = sent.length;
    const far = await remote.catch(() => {
      inThread = 0;
      return sent.map(here);
    });
    pool.release();
    return { results: [...local, ...far], inThread };
  }
  // Hexo hands the notes to the link filter only once the last one's
  // Markdown is rendered. The thread starts before that, off the build's
  // path (loading its code, compiling the glossary), and plans each note as
  // its renderer returns it.
  hexo.extend.filter.register(
    'before_generate',
    () => {
      kept = undefined;
      if (store.glossary.entries.length === 0) return;
      let toRender = 0;
      for (const name of ['Post', 'Page']) {
        for (const [, record] of modelRecords<CachedNote>(hexo, name)) if (record.content == null) toRender++;
      }
      if (toRender <= inPlaceNotes) return;
      current();
      pool.warm();
      tapRenderers();
      early = new Map();
      earlyUsed = 0;
      kept = { sent: new Map(), taken: 0, missed: 0 };
    },
    warmPriority,
  );
  // The thread's memory (some 30 MB at 2,000 notes) would otherwise stay
  // until Hexo exits, through the writing of every page and db.json.
  hexo.extend.filter.register(
    'before_generate',
    () => {
      if (early) hexo.log.debug(`Glossary: ${earlyUsed} of ${linked} notes planned in a worker thread while Markdown rendered`);
      early = undefined;
      // Asked before the thread is let go: it answers once the notes sent before are planned.
      if (kept?.sent.size) {
        const into = kept;
        into.ready = pool.snippets().then(
          (snippets) => {
            hexo.log.debug(`Glossary: the linking thread kept ${snippets.length} snippets for the term pages`);
            into.byNote = new Map();
            for (const { note, key, snippet } of snippets) {
              let terms = into.byNote.get(note);
              if (!terms) into.byNote.set(note, (terms = new Map()));
              terms.set(key, snippet);
            }
          },
          // The term pages plan their notes again, as without the thread.
          () => undefined,
        );
      }
      pool.release();
    },
    releasePriority,
  );

  // The same for every note until the glossary changes; its memo of opening tags too.
  let linking: { glossary: object; options: LinkOptions; openTag: (key: string) => string } | undefined;
  const linkOptions = (): LinkOptions => current().options;
  const current = () => {
    if (linking?.glossary !== store.glossary) {
      const site = siteLinkOptions(hexo, options, store, new Set());
      linking = { glossary: store.glossary, options: site, openTag: glossaryLinkOpenTags(site) };
      pool.setGlossary(threadGlossary(store, linking.options, options.snippets));
    }
    return linking;
  };

  // Term pages render as Hexo writes them, after its generation ends.
  hexo.extend.filter.register('before_exit', () => {
    if (kept?.byNote) hexo.log.debug(`Glossary: term pages took ${kept.taken} snippets from the linking thread and read ${kept.missed} again`);
  });

  // Problems of a note are found again each time it renders.
  hexo.extend.filter.register('before_post_render', (data: RenderedNote) => {
    store.clearNoteProblems(data.source ?? '');
    if (early && data.glossary !== false && typeof data.full_source === 'string') {
      // Problems are reported by the link filter.
      const time = data.date?.valueOf();
      early.set(data.full_source, { exclude: readExclude(data, data.source ?? '', store, []), time: typeof time === 'number' ? time : undefined });
    }
    return data;
  });

  hexo.extend.filter.register(
    'after_post_render',
    (data: RenderedNote) => {
      const source = data.source ?? '';
      const messages: string[] = [];
      const exclude = readExclude(data, source, store, messages);
      for (const message of messages) {
        hexo.log.error(printable(message));
        store.addNoteProblem(source, message);
      }
      // A note with a problem (here, or an unknown `{% term %}`) is not
      // stamped: the next build renders it again and reports the problem
      // again, instead of taking it from db.json and passing.
      data.glossary_signature = store.hasNoteProblems(source) ? undefined : noteStamp(store.planSignature, store.glossary.signature, settings);
      if (data.glossary === false || store.glossary.entries.length === 0) {
        data.glossary_mentions = encodeMentions(explicitMentions(data.content, false));
        data.glossary_links = undefined;
        return data;
      }

      // Also hands a changed glossary to the thread, before the note.
      const base = linkOptions();
      linked++;
      const html = data.content;
      plannedFor.set(data, html);
      const planned = earlyResult(data.full_source, html, exclude);
      if (planned) earlyUsed++;
      else if (linked === inPlaceNotes + 1) hexo.log.debug(`Glossary: planning links in a worker thread from note ${linked} of this build on`);
      if (planned || linked > inPlaceNotes) {
        return (planned ?? pool.link(html, exclude)).then((result) => {
          data.glossary_links = record(data, result.plan);
          data.glossary_mentions = result.mentions;
          return data;
        });
      }
      // Notes store mention counts only (snippets are read when a term page renders).
      const result = planStored(html, store.matcher, { ...base, exclude });
      data.glossary_links = record(data, result.plan);
      data.glossary_mentions = result.mentions;
      return data;
    },
    linkPriority,
  );

  // A record is a list of offsets: one made for other HTML would put links
  // in the wrong places, even inside tags when the length happens to match.
  hexo.extend.filter.register(
    'after_post_render',
    (data: RenderedNote) => {
      const html = plannedFor.get(data);
      plannedFor.delete(data);
      if (html === undefined || html === data.content) return data;
      const planned = planNote(data, false);
      data.glossary_links = planned && record(data, planned.plan);
      data.glossary_mentions = encodeMentions(planned?.mentions ?? new Map());
      return data;
    },
    verifyPriority,
  );

  /** The early plan of the note at `path`, if it was made for `html` and `exclude`; forgotten once asked for. */
  function earlyResult(path: string | undefined, html: string, exclude: ReadonlySet<string>): Promise<ThreadResult> | undefined {
    if (!early || path === undefined) return undefined;
    const note = early.get(path);
    early.delete(path);
    if (note?.html !== html || !sameSet(note.exclude, exclude)) return undefined;
    return note.result;
  }

  return {
    glossary: () => store.glossary,
    openTag: (key) => current().openTag(key),
    plan(note) {
      const planned = planNote(note, false);
      return planned && linkRecord(note, planned.plan);
    },
    mentions(note) {
      if (note.glossary === false && typeof note.content === 'string') return explicitMentions(note.content, true);
      return planNote(note, true)?.mentions ?? new Map();
    },
    keptSnippetsReady: async () => {
      await kept?.ready;
    },
    keptSnippet(note, key) {
      if (!kept?.byNote) return undefined;
      const path = note.full_source;
      const snippet = path !== undefined && kept.sent.get(path) === note.content ? kept.byNote.get(path)?.get(key) : undefined;
      if (snippet) kept.taken++;
      else kept.missed++;
      return snippet;
    },
  };

  /**
   * The terms a note that is not linked (`glossary: false`) links all the
   * same, with `{% term %}`: its term pages list it, and auto tags count them.
   */
  function explicitMentions(html: string, snippets: boolean): Map<string, Mention> {
    return planLinks(html, noTerms, { snippets }).mentions;
  }

  /** Plans `note` now, as the link filter would (snippets only when asked); `undefined` when it isn't linked. */
  function planNote(note: Partial<RenderedNote>, snippets: boolean): PlanResult | undefined {
    if (note.glossary === false || typeof note.content !== 'string' || store.glossary.entries.length === 0) return undefined;
    const exclude = readExclude(note, note.source ?? '', store, []);
    return planLinks(note.content, store.matcher, { ...linkOptions(), exclude, snippets });
  }
}

/** A note of this build, before and after its renderer returned. */
interface EarlyPlan {
  /** The terms it excludes, read before it rendered. */
  exclude: ReadonlySet<string>;
  /** Its date (ms), which orders a term page's notes. */
  time: number | undefined;
  /** What its renderer returned, and the plan of that HTML. */
  html?: string;
  result?: Promise<ThreadResult>;
}

function sameSet<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  if (a.size !== b.size) return false;
  for (const value of a) if (!b.has(value)) return false;
  return true;
}

/** The stored record of `plan`; none when the note has no links. */
function record(note: PlannedNote, plan: LinkPlan): string | undefined {
  return plan.keys.length === 0 ? undefined : encodeLinkRecord(linkRecord(note, plan));
}

/**
 * How this site links terms: its mode and skip list, term URLs, summaries
 * as titles. The URLs are root-absolute, or, with `relative_link`, relative
 * to the page at the route `from` when given (a term page's description).
 */
export function siteLinkOptions(hexo: Hexo, options: GlossaryOptions, store: GlossaryStore, exclude: ReadonlySet<string>, from?: string): LinkOptions {
  const urls = pageUrls(hexo.config);
  const { byKey } = store.glossary;
  const hrefs = new Map<string, string>();
  return {
    mode: options.link,
    skip: options.skip,
    exclude: store.unlinked.size === 0 ? exclude : new Set([...store.unlinked, ...exclude]),
    href: (key) => {
      let href = hrefs.get(key);
      if (href === undefined) hrefs.set(key, (href = urls.url(termPath(options, byKey.get(key)?.slug ?? ''), from)));
      return href;
    },
    title: (key) => byKey.get(key)?.summary,
  };
}

/** What the linking thread needs to plan as `options` say. */
function threadGlossary(store: GlossaryStore, options: LinkOptions, snippets: number): ThreadGlossary {
  return { terms: store.terms, mode: options.mode ?? 'first', skip: options.skip, snippets };
}

/**
 * The terms a note does not link: those its `glossary_exclude` names, and
 * those never linked. A `glossary_exclude` of another type is reported with
 * the front matter's other problems (note-checks.ts) and excludes nothing;
 * a name the glossary lacks is reported here, at its line.
 */
function readExclude(data: Pick<RenderedNote, 'glossary_exclude' | 'raw'>, source: string, store: GlossaryStore, messages: string[]): Set<string> {
  // Entries with `link: false` are excluded from every note.
  const exclude = new Set<string>(store.unlinked);
  const value = data.glossary_exclude;
  if (value === undefined || value === null) return exclude;
  const names = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(names) || names.some((name) => typeof name !== 'string')) return exclude;
  (names as string[]).forEach((name, index) => {
    const entry = store.lookup(name);
    if (entry) {
      exclude.add(entry.key);
      return;
    }
    // A term whose entry has an error of its own is not linked anyway: the note is right.
    if (store.broken(name)) return;
    const line = data.raw === undefined ? undefined : frontMatterLine(data.raw, 'glossary_exclude', typeof value === 'string' ? undefined : index);
    // As `{% term %}` does: `eks` for `EKS` is the usual slip, and the message should name the fix.
    const suggestion = closestSpelling(name, store.glossary.entries.flatMap((known) => [known.key, ...known.aliases]));
    // `glossary_exclude: EKS, IAM` is one string in YAML, not two terms.
    const parts = commaSeparated(name);
    const several = typeof value === 'string' && parts.length > 1 && parts.every((part) => store.lookup(part) !== undefined);
    const hint = several
      ? `; to name several terms, write a list: [${parts.join(', ')}]`
      : suggestion === undefined
        ? ''
        : `; did you mean ${JSON.stringify(suggestion)}?`;
    messages.push(`source/${source}${line === undefined ? '' : `:${line}`}: "glossary_exclude" names ${quoteShort(name)}, which is not in the glossary${hint}`);
  });
  return exclude;
}
