/**
 * Adds markup at the end of a page's `<head>`.
 *
 * Hexo's injector does this too, but searches every page whole, twice per
 * insertion point (once for its own marker, once for the tag), on every page
 * of a build; the end of `<head>` comes within its first few kilobytes.
 */

/** `html` with `markup` just before its first `</head>`; `html` itself when there is none. */
export function insertIntoHead(html: string, markup: string): string {
  if (markup === '') return html;
  let at = html.indexOf('</head>');
  // Themes write it in lower case; anything else is rare enough to search for slowly.
  if (at === -1) at = html.search(/<\/head\s*>/i);
  if (at === -1) return html;
  return html.slice(0, at) + markup + html.slice(at);
}
