/**
 * The search script, served as a static file on every page.
 *
 * - In the header, the theme's search icon is a link to the search page
 *   (so keyboards and readers without scripts reach search); with scripts
 *   the theme opens its search box in place, so the link's navigation is
 *   cancelled here.
 * - On the search page, it starts Pagefind's UI (loaded by the page
 *   before this script), hides the plain form that Pagefind's own box
 *   replaces, and runs the query that came in `?q=`.
 */
import { termSearchMeta, textAnchorId, titleWordsMeta } from './search-markers.js';

export { textAnchorId };

/** Id of the element Pagefind's UI is mounted in (see render-search.ts). */
export const resultsId = 'reader-search-results';

/**
 * Pagefind's ranking options for the search page.
 *
 * - `pageLength` 0.3 (Pagefind: 0.75): Pagefind favours short pages. Term
 *   pages are short and notes long, so by default a note that mentions a
 *   term once ranks below every term page around it; 0.3 keeps notes on the
 *   first page of results.
 * - `termSimilarity` 8 (Pagefind: 1): a query also matches longer words
 *   that start with it, and at 1 the eksctl term page, which says "Amazon
 *   EKS" and whose name starts with "eks", came before the EKS term page
 *   for "EKS". Higher values favour the word as typed.
 *
 * - `metaWeights`: the title's words are searched in the `titlewords`
 *   field, spelled out from each letter (search-markers.ts, searchWords),
 *   with the weight Pagefind gives a title (5); the `title` field, the
 *   title as written, gets none, or a title would count twice.
 *
 * Measured with every key and alias of this repository's glossary as a
 * query (164): the term's own page came first for 146 with `pageLength`
 * alone, 152 with `termSimilarity` 8 too, 154 with the term's names as
 * metadata as well (render-pages.ts), and 156 with the names and the title
 * spelled out; any `termSimilarity` from 4 to 20 is within one of that. The
 * rest are names inside longer names (VPC, Amazon VPC CNI plugin).
 * `node bench/search-probe.mjs` measures it (after `npm run build`).
 */
export const searchRanking: Readonly<SearchRanking> = Object.freeze({
  pageLength: 0.3,
  termSimilarity: 8,
  metaWeights: Object.freeze({ title: 0, [titleWordsMeta]: 5 }),
});

/** The part of Pagefind's `ranking` option set here. */
export interface SearchRanking {
  pageLength: number;
  termSimilarity: number;
  metaWeights: Readonly<Record<string, number>>;
}

/** Metadata that is for ranking only, left out of the results shown. */
export const hiddenSearchMeta: readonly string[] = Object.freeze([...Object.values(termSearchMeta), titleWordsMeta]);

/**
 * A query as the search page hands it to Pagefind (Pagefind UI's
 * `processTerm`). Japanese input methods type full-width Latin (ＥＫＳ) and
 * some keyboards half-width kana (ｻﾌﾞﾈｯﾄ); Pagefind indexes the page's text
 * as written and found nothing for them. NFKC folds both to the forms notes
 * are written in.
 *
 * It runs in the browser as written here (the search script carries its
 * source): plain JavaScript, nothing from outside the function.
 */
export function searchQuery(term: string): string {
  return term.normalize('NFKC');
}

/** What shownResult reads and changes of a Pagefind result (a fragment with its sections). */
export interface PagefindResult {
  url: string;
  content?: string;
  excerpt?: string;
  meta?: Record<string, string | undefined>;
  sub_results?: PagefindSection[];
}

export interface PagefindSection {
  title?: string | undefined;
  url: string;
  excerpt?: string;
  anchor?: { id?: string };
  locations?: number[];
  weighted_locations?: unknown[];
}

/**
 * A result as the search page shows it (Pagefind UI's `processResult`):
 *
 * - without the metadata in `hidden` (a term page's names and the title's
 *   words, for ranking only), which Pagefind UI would list under the result
 *   as "Aliases: …", in English;
 * - with the excerpt of the page's text, not of its title. The page's own
 *   section is its title alone (search-markers.ts, anchorAfterTitle), and
 *   the result already shows the title as its heading: the text's section
 *   after it (at `textAnchor`) stands for the page instead. A page found by
 *   its title alone shows the start of its text.
 *
 * It runs in the browser as written here (the search script carries its
 * source): plain JavaScript, nothing from outside the function.
 */
export function shownResult(result: PagefindResult, hidden: readonly string[], textAnchor: string): PagefindResult {
  const meta = result.meta ?? {};
  for (const name of hidden) delete meta[name];
  const url = meta['url'] || result.url;
  const title = meta['title'] || '';
  const sections = Array.isArray(result.sub_results) ? result.sub_results : [];
  if (sections.length > 0 && sections[0]?.url === url && !sections[0]?.anchor) sections.shift();
  const text = sections[0];
  if (text && text.anchor && text.anchor.id === textAnchor) {
    text.url = url;
    text.title = title;
    result.excerpt = text.excerpt ?? '';
  } else if (sections.length === 0 && typeof result.content === 'string') {
    let start = result.content.trim();
    if (title && start.startsWith(title)) start = start.slice(title.length).trim();
    // About as long as Pagefind's excerpts of Japanese (30 words); Pagefind UI shows it as HTML.
    const excerpt = Array.from(start).slice(0, 60).join('').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    result.excerpt = excerpt;
    sections.push({ title, url, excerpt, locations: [], weighted_locations: [] });
  }
  result.sub_results = sections;
  return result;
}

export const searchScript = `(function () {
  'use strict';
  var doc = document;
  var icon = doc.querySelector('.nav-search-btn[href]');
  if (icon && doc.getElementById('search-form-wrap')) {
    icon.addEventListener('click', function (event) { event.preventDefault(); });
  }

  var results = doc.getElementById(${JSON.stringify(resultsId)});
  if (!results) return;
  if (typeof window.PagefindUI !== 'function') {
    results.textContent = results.getAttribute('data-unavailable') || '';
    return;
  }
  var form = doc.querySelector('.reader-search-form');
  if (form) form.hidden = true;
  var ui = new window.PagefindUI({
    element: '#' + ${JSON.stringify(resultsId)},
    bundlePath: results.getAttribute('data-bundle') || undefined,
    showSubResults: true,
    showImages: false,
    autofocus: true,
    pageSize: 10,
    // See searchRanking in search-client.ts.
    ranking: ${JSON.stringify(searchRanking)},
    // See searchQuery in search-client.ts.
    processTerm: ${searchQuery.toString()},
    // See shownResult in search-client.ts.
    processResult: function (result) {
      return (${shownResult.toString()})(result, ${JSON.stringify(hiddenSearchMeta)}, ${JSON.stringify(textAnchorId)});
    }
  });
  // Pagefind's field is named by its placeholder only; give it a real label.
  var field = results.querySelector('input[type="text"], input[type="search"], input');
  var label = results.getAttribute('data-label');
  if (field && label) field.setAttribute('aria-label', label);
  // The query typed is kept in the address (?q=), as one sent from the
  // header's box is: a reload, the preview's after a save included, or a
  // link copied from the address bar, shows the same results.
  if (field && window.history && history.replaceState) {
    field.addEventListener('input', function () {
      var params = new URLSearchParams(window.location.search);
      if (field.value) params.set('q', field.value);
      else params.delete('q');
      var search = params.toString();
      history.replaceState(history.state, '', window.location.pathname + (search ? '?' + search : '') + window.location.hash);
    });
  }
  // Pagefind UI writes how many results it found into a paragraph it makes
  // and remakes, not a live region: a screen reader heard nothing as the
  // results changed (WCAG 4.1.3). A status of our own says it, once the
  // count has held for a moment, not at every letter typed.
  var status = doc.createElement('p');
  status.className = 'reader-search-status';
  status.setAttribute('role', 'status');
  status.style.cssText = 'position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap';
  results.parentNode.insertBefore(status, results.nextSibling);
  var timer = 0;
  new MutationObserver(function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var message = results.querySelector('.pagefind-ui__message');
      var text = message ? message.textContent.trim() : '';
      if (status.textContent !== text) status.textContent = text;
    }, 500);
  }).observe(results, { childList: true, subtree: true, characterData: true });
  var query = new URLSearchParams(window.location.search).get('q');
  if (query) ui.triggerSearch(query);
})();
`;
