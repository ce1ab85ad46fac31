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
import { termSearchMeta } from './search-markers.js';

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
 * Measured with every key and alias of this repository's glossary as a
 * query (164): the term's own page came first for 146 with `pageLength`
 * alone, 152 with `termSimilarity` 8 too, and 154 with the term's names as
 * metadata as well (render-pages.ts); any value from 4 to 20 is within one
 * of that. The rest are names inside longer names (VPC, Amazon VPC CNI plugin).
 */
export const searchRanking: Readonly<Record<string, number>> = Object.freeze({ pageLength: 0.3, termSimilarity: 8 });

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
    // A term page's names are metadata for ranking; Pagefind UI would list
    // them under the result as "Aliases: …", in English.
    processResult: function (result) {
      var hidden = ${JSON.stringify(Object.values(termSearchMeta))};
      for (var i = 0; i < hidden.length; i++) if (result.meta) delete result.meta[hidden[i]];
      return result;
    }
  });
  // Pagefind's field is named by its placeholder only; give it a real label.
  var field = results.querySelector('input[type="text"], input[type="search"], input');
  var label = results.getAttribute('data-label');
  if (field && label) field.setAttribute('aria-label', label);
  var query = new URLSearchParams(window.location.search).get('q');
  if (query) ui.triggerSearch(query);
})();
`;
