/**
 * A heading naming what a list page lists, for themes that write none.
 *
 * Landscape's tag and category pages list their notes under years, and the
 * tag's name was only in `<title>`: nothing on the page said which tag it
 * showed, to the eye or to a screen reader's list of headings (WCAG 2.4.6,
 * 1.3.1). The heading goes first in landscape's main column
 * (`<section id="main">`); a page without one is left as it is.
 */
import { escapeText } from './escape.js';
import type { PageEdit } from './page-edits.js';

/** Where the heading goes: just after landscape's main column opens. */
const mainColumn = '<section id="main">';

/** The edit that puts an `<h1>` of `text` first in the main column of `html`; none without one, or with the heading already there. */
export function pageHeadingEdit(html: string, text: string): PageEdit | undefined {
  const at = html.indexOf(mainColumn);
  if (at === -1) return undefined;
  const heading = `<h1 class="reader-page-title">${escapeText(text)}</h1>`;
  const end = at + mainColumn.length;
  return html.startsWith(heading, end) ? undefined : { start: end, end, text: heading };
}
