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

/** Id of the element Pagefind's UI is mounted in (see render-search.ts). */
export const resultsId = 'reader-search-results';

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
    // Pagefind favours short pages (pageLength 0.75). Term pages are short and
    // notes long, so by default a note that mentions a term once ranks below
    // every term page around it; 0.3 keeps notes on the first page of results.
    ranking: { pageLength: 0.3 }
  });
  // Pagefind's field is named by its placeholder only; give it a real label.
  var field = results.querySelector('input[type="text"], input[type="search"], input');
  var label = results.getAttribute('data-label');
  if (field && label) field.setAttribute('aria-label', label);
  var query = new URLSearchParams(window.location.search).get('q');
  if (query) ui.triggerSearch(query);
})();
`;
