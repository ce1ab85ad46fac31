/**
 * Site search with Pagefind, in place of landscape's external search form.
 *
 * - The `search_form` helper (which landscape calls for its header box) is
 *   replaced: the box now sends `q` to this site's search page.
 * - A search page at `/search/` runs Pagefind's UI with that query.
 * - Notes, pages and term pages are marked for indexing (search-markers.ts).
 * - The index itself is built from the rendered routes after each
 *   generation (reader-search-index.ts), so `hexo generate` writes it to
 *   `public/pagefind/` and `hexo server` serves it, with no separate step.
 */
import type Hexo from 'hexo';
import type { KeepClear } from './route-clashes.js';
import type { GlossaryOptions } from '../core/options.js';
import { languageTag } from '../core/page-language.js';
import { readerLabels } from '../core/reader-labels.js';
import { renderSearchForm, renderSearchPage, searchIconLink } from '../core/render-search.js';
import { searchScript } from '../core/search-client.js';
import { searchableEdits } from '../core/search-markers.js';
import { newestDate, type PostLike } from './backlinks.js';
import { pageLayouts } from './generators.js';
import type { HeadAssets } from './head-assets.js';
import { registerSearchIndex } from './reader-search-index.js';
import { registerBusyRequests } from './busy-requests.js';
import { registerSearchableRoutes } from './searchable-routes.js';
import type { PageEditors } from './page-edits.js';
import { optional } from '../core/page-edits.js';
import { glossaryPath, pagePath, pageUrls, permalinkUrl, tagIndexDir } from './urls.js';

/** Folder of the search page. */
export const searchPagePath = 'search/';
/** Folder Pagefind's bundle is served from. */
export const bundlePath = 'pagefind/';
/** Route of the search script. */
const searchScriptPath = 'js/reader-search.js';
/** Page kind (first layout, and the layout its head assets are added for) of the search page. */
export const searchLayout = 'search';

/** Page kinds whose article is indexed: notes, pages (About…) and term pages. */
export const searchableLayouts: readonly string[] = Object.freeze(['post', 'page', pageLayouts.term]);

export function registerReaderSearch(hexo: Hexo, options: GlossaryOptions, assets: HeadAssets, pageEditors: PageEditors, keepClear: KeepClear): void {
  if (!options.search) {
    // No index, so no box either: landscape's own form would send readers to
    // another host. The icon that opens the box, left without an `href`, is
    // hidden by reader.css (reader-styles.ts).
    hexo.extend.helper.register('search_form', () => '');
    return;
  }
  const urls = pageUrls(hexo.config);
  const labels = readerLabels(languageTag(hexo.config.language));
  // The same on every page, unless URLs are relative to each (`relative_link`).
  const pageUrl = urls.url(searchPagePath);
  const searchUrl = urls.relative ? (locals: unknown) => urls.url(searchPagePath, pagePath(locals)) : () => pageUrl;
  /** The search page's route: its links are relative to it. */
  const searchRoute = `${searchPagePath}index.html`;

  hexo.extend.helper.register('search_form', function (this: unknown, formOptions?: { class?: string; text?: string }) {
    return renderSearchForm({ action: searchUrl(this), className: formOptions?.class, placeholder: formOptions?.text }, labels);
  });

  hexo.extend.generator.register('reader-search', (locals) => {
    const posts = (locals as unknown as { posts: { toArray(): PostLike[] } }).posts.toArray();
    const date = newestDate(posts.map((post) => post.date));
    const content = renderSearchPage(
      {
        action: urls.url(searchPagePath, searchRoute),
        // Pagefind's UI finds its bundle by its script's URL: a relative
        // bundle path would have it link results from the host's root.
        bundle: urls.relative ? undefined : urls.url(bundlePath),
        alternatives: [
          { text: labels.glossary, href: urls.url(glossaryPath(options), searchRoute) },
          { text: labels.tags, href: urls.url(tagIndexDir(hexo.config.tag_dir), searchRoute) },
        ],
      },
      labels,
    );
    const data: Record<string, unknown> = {
      title: labels.search,
      slug: 'search',
      description: labels.searchDescription,
      path: searchPagePath,
      layout: searchLayout,
      permalink: permalinkUrl(hexo.config.url, searchPagePath),
      content,
    };
    // Landscape prints a page's date, and the build time when there is none.
    if (date) data['date'] = date;
    return keepClear(
      [
        { path: searchRoute, layout: [searchLayout, 'page'], data },
        { path: searchScriptPath, data: searchScript },
      ],
      locals,
      'reader-search',
      'the search page',
    );
  });

  assets.add((url) => `<link rel="stylesheet" href="${url(`${bundlePath}pagefind-ui.css`)}">`, [searchLayout]);
  // Deferred scripts run in order: Pagefind's UI first, so the search script finds `PagefindUI`.
  assets.add((url) => `<script src="${url(`${bundlePath}pagefind-ui.js`)}" defer></script>`, [searchLayout]);
  assets.add((url) => `<script src="${url(searchScriptPath)}" defer></script>`);

  pageEditors.add((html, locals) => optional(searchIconLink(html, searchUrl(locals))));
  pageEditors.add((html, locals) => {
    const page = locals?.page;
    if (!page || typeof page.layout !== 'string' || !searchableLayouts.includes(page.layout)) return [];
    return searchableEdits(html, typeof page.title === 'string' ? page.title : undefined);
  });

  // A result links its page as the site's links do: as a folder, and
  // without `.html` under `pretty_urls.trailing_html: false` (Hexo's
  // relative links keep it, and so do results then).
  const results = pageUrls({ root: '/', pretty_urls: urls.relative ? undefined : hexo.config.pretty_urls });
  registerSearchIndex(hexo, { bundlePath, resultUrl: (route) => results.url(route.replace(/(^|\/)index\.html$/, '$1')) }, registerBusyRequests(hexo), registerSearchableRoutes(hexo, searchableLayouts));
}
