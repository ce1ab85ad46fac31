/**
 * The date above the title of the pages the plugin makes.
 *
 * Landscape prints a date above every page's title, linked to the page
 * itself. The list pages the plugin makes (the glossary index, the tag
 * index, the search page) have no date of their own: without one Hexo
 * prints the build time, so their routes carry the newest note's date,
 * which keeps the output the same from build to build but read, above
 * 用語集, as the glossary's own date. The date's link is taken out of
 * landscape's `article-meta`; everything else in the page stays. A term
 * page's date is the newest note's that mentions the term: it keeps it,
 * with a label that says so (`最新の言及`), since alone it read as the
 * date the entry was written.
 */
import { escapeText } from './escape.js';
import type { PageEdit } from './page-edits.js';

/** Landscape's date link (`_partial/post/date.ejs`) first in its `article-meta`; its values are escaped, so hold no `"` or `<`. */
const metaDate = /<div class="article-meta">\s*<a href="[^"<]*" class="article-date">\s*<time [^<>]*>[^<]*<\/time>\s*<\/a>/;

/** The edit that takes out the date landscape writes above the page's title; none when it has none. */
export function pageDateRemoval(html: string): PageEdit | undefined {
  const found = metaDate.exec(html);
  return found ? { start: found.index, end: found.index + found[0].length, text: '<div class="article-meta">' } : undefined;
}

/** Class of the label put before a term page's date. */
const dateLabelClass = 'glossary-date-label';

/** The edit that puts `label` before the date landscape writes above the page's title, inside its link; none when it has none. */
export function pageDateLabel(html: string, label: string): PageEdit | undefined {
  const found = metaDate.exec(html);
  if (!found) return undefined;
  const at = found.index + found[0].indexOf('<time ');
  return { start: at, end: at, text: `<span class="${dateLabelClass}">${escapeText(label)}</span> ` };
}
