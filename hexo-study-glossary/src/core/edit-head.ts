/**
 * Edits a page's `<head>`: `lang` on `<html>`, and markup at the end of `<head>`.
 *
 * Hexo's injector does the second too, but searches every page whole, twice
 * per insertion point, on every page of a build. Both edits are made on the
 * part before `</head>`, and the rest of the page is joined on unread: a
 * search through an edited page would copy it whole first (V8 flattens the
 * joined string), and a build's pages add up to hundreds of megabytes.
 */
import { setHtmlLang } from './page-language.js';

export interface HeadEdit {
  /** For `<html lang>`, unless the page has one. `undefined`: leave it. */
  lang: string | undefined;
  /** Added just before `</head>`. */
  markup: string;
}

/** `html` with `edit` made; `html` itself when there is nothing to do. A page without `</head>` only gets `lang`. */
export function editHead(html: string, edit: HeadEdit): string {
  let at = html.indexOf('</head>');
  // Themes write it in lower case; anything else is rare enough to search for slowly.
  if (at === -1) at = html.search(/<\/head\s*>/i);
  if (at === -1) return setHtmlLang(html, edit.lang);
  const head = html.slice(0, at);
  const edited = setHtmlLang(head, edit.lang);
  if (edited === head && edit.markup === '') return html;
  return edited + edit.markup + html.slice(at);
}
