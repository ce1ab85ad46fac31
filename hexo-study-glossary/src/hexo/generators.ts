/**
 * Generators of the glossary index, the term pages and the tag index.
 *
 * Each returns routes whose first layout names the page kind (a theme may
 * provide `glossary`, `glossary-term` or `tag-index`) and falls back to
 * `page`, which in landscape renders `page.content` under `page.title`.
 * Hexo fills neither `date` nor `permalink` for generated routes, so each
 * route carries the date of the newest note it shows and its full URL.
 * Links in a page are root-absolute, or, with `relative_link`, relative to
 * that page, as Hexo's `url_for` writes them.
 */
import type Hexo from 'hexo';
import { safeDescriptionHtml } from '../core/safe-html.js';
import type { KeepClear } from './route-clashes.js';
import { linkHtml } from '../core/link-html.js';
import { compareTerms, groupTerms } from '../core/group-terms.js';
import type { GlossaryOptions } from '../core/options.js';
import { foldTag } from '../core/auto-tags.js';
import {
  renderGlossaryIndex,
  renderTagIndex,
  renderTermPage,
  sortTags,
  type IndexTerm,
  type TermLink,
} from '../core/render-pages.js';
import { escapeAttribute, escapeText } from '../core/escape.js';
import { printable } from '../core/shorten.js';
import { createRequire } from 'node:module';
import { languageTag } from '../core/page-language.js';
import { readerLabels } from '../core/reader-labels.js';
import type { GlossaryEntry } from '../core/types.js';
import { collectBacklinks, newestDate, type NoteDate, type PostLike, type TermBacklink, type TermBacklinks } from './backlinks.js';
import { excludedKeys, type GlossaryStore } from './store.js';
import { siteLinkOptions, type SiteLinker } from './link-filters.js';
import type { Mention } from '../core/link-html.js';
import { tagCounts } from './tag-counts.js';
import { glossaryPath, pageUrls, permalinkUrl, tagIndexDir, termPath, termRoute } from './urls.js';
import type { SitemapPages } from './sitemap-pages.js';
import { lazyProperty } from './lazy-property.js';
import { isMapping } from '../core/is-mapping.js';

/** A route's `content`, made when the theme reads it. */
const renderContent = Symbol('glossary: render content');

/** The page kinds; also the first layout tried, and the layout head assets are added for. */
export const pageLayouts = { index: 'glossary', term: 'glossary-term', tagIndex: 'tag-index' } as const;

interface QueryLike<T> {
  toArray(): T[];
}

interface TagLike {
  _id: string;
  name: string;
  path: string;
  /** Notes with the tag, drafts included (Hexo counts every PostTag); see `tagCounts`. */
  length: number;
}

interface Locals {
  posts: QueryLike<PostLike>;
  pages?: QueryLike<PostLike>;
  tags: QueryLike<TagLike>;
}


/** What a generated page's route carries: its full URL and date, and the theme's locals. */
type RouteData = Record<string, unknown> & { permalink: string; date: NoteDate | undefined };

interface Route {
  path: string;
  layout: string[];
  data: Record<PropertyKey, unknown>;
}

export function registerGenerators(hexo: Hexo, options: GlossaryOptions, store: GlossaryStore, linker: SiteLinker, sitemap: SitemapPages, keepClear: KeepClear): void {
  // Page titles and words follow the site's language, as the theme's own do.
  const labels = readerLabels(languageTag(hexo.config.language));
  const isExternalLink = hexoIsExternalLink();
  /** `routes`, each put into the sitemap (only those written: after `keepClear`). */
  const listed = (routes: Route[]): Route[] => {
    for (const { data } of routes) sitemap.add(data['permalink'] as string, data['date'] as NoteDate | undefined);
    return routes;
  };
  const urls = pageUrls(hexo.config);
  const context = () => ({
    siteUrl: hexo.config.url,
    dateFormat: hexo.config.date_format || 'YYYY-MM-DD',
  });

  // The index and the term pages in one generator: both need every note's
  // mentions, and reading them is the costly part.
  hexo.extend.generator.register('glossary', (locals) => {
    const { dateFormat } = context();
    const posts = (locals as unknown as Locals).posts.toArray();
    // Root-absolute here, as Hexo's url_for writes them (pretty_urls too); see `relink`.
    const backlinks = collectBacklinks(posts, (path) => urls.url(path), dateFormat);
    // The pages' date when no note mentions their term.
    const newestNote = newestDate(posts.map((post) => post.date));
    const routes = [glossaryIndex(newestNote, backlinks), ...termPages(locals as unknown as Locals, newestNote, backlinks)];
    // Listed now, in the order every build lists them; the term pages, which
    // render when Hexo writes them, after every generator, take the snippets
    // the linking thread kept, if it planned this build's notes.
    const done = listed(keepClear(routes, locals, 'glossary', `the glossary (glossary.path: ${options.path})`));
    return linker.keptSnippetsReady().then(() => done);
  });

  function glossaryIndex(newestNote: NoteDate | undefined, backlinks: ReadonlyMap<string, TermBacklinks>): Route {
    const { siteUrl } = context();
    const path = glossaryPath(options);
    const from = `${path}index.html`;
    const terms: IndexTerm[] = store.glossary.entries.map((entry) => ({
      key: entry.key,
      title: entry.title,
      summary: entry.summary,
      href: urls.url(termPath(options, entry.slug), from),
      // A note gives a term one backlink, however often it mentions it.
      noteCount: backlinks.get(entry.key)?.length ?? 0,
      reading: entry.reading,
    }));
    return route(path, pageLayouts.index, {
      title: labels.glossary,
      slug: options.path,
      date: newestNote,
      permalink: permalinkUrl(siteUrl, path),
      // Without one, the theme's open_graph takes the page's text: the jump
      // bar's letters, then every term's name and count run together.
      description: labels.glossaryDescription(terms.length),
      content: renderGlossaryIndex(groupTerms(terms), labels),
    });
  }

  function termPages(locals: Locals, newestNote: NoteDate | undefined, backlinks: ReadonlyMap<string, TermBacklinks>): Route[] {
    const { siteUrl } = context();
    const allTags = locals.tags.toArray();
    const tags = tagsByName(allTags, tagCounts(hexo, allTags, locals.posts.toArray()));
    const { entries, byKey } = store.glossary;
    /** A link to the term `key` from the page at the route `from`. */
    const link = (key: string, from: string): TermLink | undefined => {
      const entry = byKey.get(key);
      return entry && { text: entry.title, href: urls.url(termPath(options, entry.slug), from), key: entry.key, summary: entry.summary };
    };
    // Backlinks are made root-absolute once for every term page; with
    // `relative_link` each page's are made for it when it renders.
    const relink = (list: TermBacklink[], from: string): TermBacklink[] => {
      if (urls.relative) for (const note of list) note.href = urls.url(note.post.path, from);
      return list;
    };

    const routes: Route[] = [];
    // A term page's HTML (some 0.5 MB with 2,000 backlinks) is made when the
    // page is rendered (see `renderContent`), not kept with its route until
    // Hexo exits. It shows a snippet for its newest notes only: kept by the
    // linking thread, or else read again for their mentions, once each (the
    // newest notes mention most terms).
    const mentionsOf = new Map<PostLike, Map<string, Mention>>();
    const withSnippets = (notes: TermBacklinks | undefined, key: string): TermBacklink[] => {
      const list = notes?.toArray() ?? [];
      for (const note of list.slice(0, options.snippets)) {
        note.snippet = linker.keptSnippet(note.post, key);
        if (note.snippet) continue;
        let mentions = mentionsOf.get(note.post);
        if (!mentions) mentionsOf.set(note.post, (mentions = linker.mentions(note.post)));
        note.snippet = mentions.get(key)?.snippet;
      }
      return list;
    };
    // Related is both ways: a reader on EKS's page is as well served by GKE,
    // which names EKS, as by the terms EKS names.
    const namedBy = new Map<string, GlossaryEntry[]>();
    for (const other of entries) {
      for (const key of other.related) {
        if (key === other.key) continue;
        const list = namedBy.get(key);
        if (list) list.push(other);
        else namedBy.set(key, [other]);
      }
    }
    /** What `entry` names first, in its order, then the terms that name it. */
    const related = (entry: GlossaryEntry): string[] => {
      const keys = new Set(entry.related);
      for (const other of [...(namedBy.get(entry.key) ?? [])].sort(compareTerms)) keys.add(other.key);
      return [...keys];
    };
    // Notes that turn a term off are not among its backlinks: its page says how many.
    const optedOut = new Map<string, number>();
    for (const note of [...locals.posts.toArray(), ...(locals.pages?.toArray() ?? [])]) {
      for (const key of excludedKeys((note as { glossary_exclude?: unknown }).glossary_exclude, store)) optedOut.set(key, (optedOut.get(key) ?? 0) + 1);
    }
    // Slugs are unique: the loader keeps only the first term of a slug (load-glossary.ts).
    for (const entry of entries) {
      const notes = backlinks.get(entry.key);
      const tag = tags(entry.key);
      const children = entries.filter((other) => other.parent === entry.key).sort(compareTerms);
      const from = termRoute(options, entry.slug);
      const render = (): string =>
        renderTermPage({
          key: entry.key,
          title: entry.title,
          summary: entry.summary,
          reading: entry.reading,
          descriptionHtml: entry.description ? renderDescription(hexo, options, store, entry, from) : undefined,
          aliases: entry.aliases,
          parent: entry.parent === undefined ? undefined : link(entry.parent, from),
          children: children.flatMap((child) => link(child.key, from) ?? []),
          related: related(entry).flatMap((key) => link(key, from) ?? []),
          links: entry.links,
          backlinks: relink(withSnippets(notes, entry.key), from),
          snippets: options.snippets,
          autoLinked: entry.link,
          optedOut: optedOut.get(entry.key),
          tag: tag && { text: tag.name, href: urls.url(tag.path, from) },
          indexHref: urls.url(glossaryPath(options), from),
        }, labels);
      for (const official of entry.links) keepExternalLinkMemoSmall(hexo, isExternalLink, official.url);
      const path = termPath(options, entry.slug);
      const mentioned = notes?.newestDate();
      const termRouteEntry = route(path, pageLayouts.term, {
        title: entry.title,
        slug: entry.slug,
        date: mentioned ?? newestNote,
        permalink: permalinkUrl(siteUrl, path),
        // Hexo's open_graph strips tags from a description, then escapes it:
        // escaped here, a summary such as `Promise<void>` keeps its text.
        description: escapeText(entry.summary),
        glossary_term: entry.key,
        // Whether `date` is a note's that mentions the term (reader-theme.ts labels it), not the site's newest note's.
        glossary_mentioned: mentioned !== undefined,
      });
      termRouteEntry.data[renderContent] = render;
      routes.push(termRouteEntry);
    }
    return routes;
  }

  // Hexo copies a route's data into the theme's `page` with a spread, which
  // would read a getter at once: the page gets its getter here instead. The
  // theme reads it twice in a render (the article, then `open_graph` in the
  // head), with other pages rendered in between (Hexo renders 32 at once):
  // the HTML is kept on the `page` until its render ends. Kept for the last
  // term page rendered instead, nearly every term page was made twice. The
  // `page` lives with its route, until the next generation: keeping the
  // HTML after the render would keep every term page's until Hexo exits.
  const lazyContent = (page: Record<PropertyKey, unknown>, render: () => string): void => {
    Object.defineProperty(
      page,
      'content',
      lazyProperty('content', function (this: Record<PropertyKey, unknown>) {
        const html = render();
        // The setter: a plain value from now on.
        this['content'] = html;
        return html;
      }),
    );
  };
  hexo.extend.filter.register('template_locals', (locals: { page?: Record<PropertyKey, unknown> }) => {
    const page = locals.page;
    const render = page?.[renderContent];
    if (page && typeof render === 'function') lazyContent(page, render as () => string);
    return locals;
  });
  hexo.extend.filter.register('after_render:html', (html: unknown, locals?: { page?: Record<PropertyKey, unknown> }) => {
    const page = isMapping(locals) ? locals.page : undefined;
    const render = page?.[renderContent];
    if (page && typeof render === 'function' && !Object.getOwnPropertyDescriptor(page, 'content')?.get) lazyContent(page, render as () => string);
    return html;
  });

  hexo.extend.generator.register('tag-index', (locals) => {
    // hexo-generator-tag can write its own index at the same path; the user asked for that one.
    const tagGenerator = (hexo.config as unknown as Record<string, { enable_index_page?: boolean } | undefined>)['tag_generator'];
    if (tagGenerator?.enable_index_page) return [];
    const { siteUrl } = context();
    const path = tagIndexDir(hexo.config.tag_dir);
    const from = `${path}index.html`;
    const posts = (locals as unknown as Locals).posts.toArray();
    const allTags = (locals as unknown as Locals).tags.toArray();
    const counts = tagCounts(hexo, allTags, posts);
    const tags = allTags
      .filter((tag) => counts.has(tag._id))
      .map((tag) => ({ name: tag.name, href: urls.url(tag.path, from), count: counts.get(tag._id)! }));
    const index = route(path, pageLayouts.tagIndex, {
      title: labels.tags,
      slug: 'tags',
      date: newestDate(posts.map((post) => post.date)),
      permalink: permalinkUrl(siteUrl, path),
      description: labels.tagsDescription(tags.length),
      content: renderTagIndex(sortTags(tags), labels),
    });
    return listed(keepClear([index], locals, 'tag-index', 'the tag index'));
  });
}

/**
 * A route for the folder `dir` (`glossary/eks/`). `page.path` is the folder
 * too, so the theme links the page as `/glossary/eks/`, not `…/index.html`;
 * `layout` in the data names the page kind for the theme and for head assets.
 */
function route(dir: string, kind: string, data: RouteData): Route {
  // Without a date the theme would print the build time; leave the key out rather than pass undefined.
  const { date, ...rest } = data;
  return { path: `${dir}index.html`, layout: [kind, 'page'], data: { ...rest, ...(date ? { date } : {}), path: dir, layout: kind } };
}

/**
 * Hexo's `external_link` filter memoizes, for good, every absolute `href`
 * it meets in a page (hexo-util's `isExternalLink`), keyed by a slice of
 * that page's HTML: a slice keeps the whole page in memory. Each term page
 * has its own official links, so each term page stayed in memory until
 * Hexo exited (some 20 MB at 100 terms and 2,000 notes). Asking first, with
 * a string of our own, makes the filter find the answer instead of storing
 * its slice.
 */
function keepExternalLinkMemoSmall(hexo: Hexo, isExternalLink: IsExternalLink, url: string): void {
  const externalLink = (hexo.config as unknown as { external_link?: { exclude?: unknown } }).external_link;
  // The key is the `href` as written in the page: escaped.
  isExternalLink(escapeAttribute(url), hexo.config.url, externalLink?.exclude);
}

type IsExternalLink = (href: string, siteUrl: string, exclude: unknown) => boolean;

/** The hexo-util that Hexo's filter uses, not another copy: its memo is module state. */
function hexoIsExternalLink(): IsExternalLink {
  const hexoUtil = createRequire(require.resolve('hexo'))('hexo-util') as { isExternalLink: IsExternalLink };
  return hexoUtil.isExternalLink;
}

/**
 * A term's Markdown description as HTML (only what Markdown writes), linked
 * to other terms but never to itself, for the term page at the route `from`.
 */
function renderDescription(hexo: Hexo, options: GlossaryOptions, store: GlossaryStore, entry: GlossaryEntry, from: string): string {
  const markdown = entry.description ?? '';
  let html: string;
  try {
    html = String(hexo.render.renderSync({ text: markdown, engine: 'markdown' }));
  } catch (error) {
    hexo.log.warn(printable(`Glossary: could not render the description of "${entry.key}" as Markdown: ${(error as Error).message}`));
    html = `<p>${escapeText(markdown)}</p>`;
  }
  return linkHtml(safeDescriptionHtml(html), store.matcher, siteLinkOptions(hexo, options, store, new Set([entry.key]), from)).html;
}

/** Finds a term's tag: the tag named by its key, else one that differs only in case; only tags some note shows. */
function tagsByName(tags: readonly TagLike[], counts: ReadonlyMap<string, number>): (key: string) => TagLike | undefined {
  const exact = new Map<string, TagLike>();
  const folded = new Map<string, TagLike>();
  const count = (tag: TagLike) => counts.get(tag._id) ?? 0;
  for (const tag of tags) {
    if (count(tag) === 0) continue;
    exact.set(tag.name, tag);
    const previous = folded.get(foldTag(tag.name));
    if (!previous || count(tag) > count(previous)) folded.set(foldTag(tag.name), tag);
  }
  return (key) => exact.get(key) ?? folded.get(foldTag(key));
}
