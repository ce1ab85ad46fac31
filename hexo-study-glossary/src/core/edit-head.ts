/**
 * Edits a page's `<head>`: `lang` on `<html>`, and markup at the end of `<head>`.
 *
 * Hexo's injector does the second too, but searches every page whole, twice
 * per insertion point, on every page of a build. Both edits are found in
 * the part before `</head>`, and made with the page's other edits in one
 * join (page-edits.ts): the rest of the page is not read.
 */
import { htmlLangEdit } from './page-language.js';
import type { PageEdit } from './page-edits.js';

export interface HeadEdit {
  /** For `<html lang>`, unless the page has one. `undefined`: leave it. */
  lang: string | undefined;
  /** Added just before `</head>`. */
  markup: string;
}

/** The edits that `edit` makes to `html`: none when there is nothing to do. A page without `</head>` only gets `lang`. */
export function headEdits(html: string, edit: HeadEdit): PageEdit[] {
  let at = html.indexOf('</head>');
  // Themes write it in lower case; anything else is rare enough to search for slowly.
  if (at === -1) at = html.search(/<\/head\s*>/i);
  // `<html>` is looked for in the head only: a page without one is not tokenized whole.
  const lang = htmlLangEdit(at === -1 ? html : html.slice(0, at), edit.lang);
  const edits = lang ? [lang] : [];
  if (at !== -1 && edit.markup !== '') edits.push({ start: at, end: at, text: edit.markup });
  return edits;
}
