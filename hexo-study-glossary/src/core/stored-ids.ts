/**
 * Finds the ids warehouse gives notes and pages (`'cuid' + nanoid()`: `cuid`
 * and 21 characters of `[A-Za-z0-9_-]`) in a page's HTML, not inside a
 * longer word, and gives the edits that write each as `replace` says.
 *
 * The same as `html.replace(/(?<![\w-])cuid[\w-]{21}(?![\w-])/g, …)`, in
 * about a third of its time: a pattern that begins with a lookbehind can't
 * have V8 search for its literal part, and every page of a build goes
 * through this (84 million characters of HTML at 2,000 notes). `indexOf`
 * finds `cuid`, and the rest is checked by hand.
 */
import { isAsciiWord } from './ascii.js';
import type { PageEdit } from './page-edits.js';

/** The length of an id: `cuid` and 21 more characters. */
const idLength = 25;

export function storedIdEdits(html: string, replace: (id: string) => string | undefined): PageEdit[] {
  const edits: PageEdit[] = [];
  let at = html.indexOf('cuid');
  while (at !== -1) {
    const end = at + idLength;
    if (isIdAt(html, at, end)) {
      const id = html.slice(at, end);
      const written = replace(id);
      if (written !== undefined && written !== id) edits.push({ start: at, end, text: written });
      // Nothing in an id's characters starts another: each is preceded by one of them.
      at = html.indexOf('cuid', end);
    } else {
      at = html.indexOf('cuid', at + 1);
    }
  }
  return edits;
}

/** Whether `html` has an id from `at` to `end`, with no id character on either side. */
function isIdAt(html: string, at: number, end: number): boolean {
  if (end > html.length || (at > 0 && isIdChar(html.charCodeAt(at - 1))) || isIdChar(html.charCodeAt(end))) return false;
  for (let i = at + 4; i < end; i++) if (!isIdChar(html.charCodeAt(i))) return false;
  return true;
}

/** `[\w-]`: an ASCII letter or digit, `_` or `-` (`NaN`, past the end, is not). */
function isIdChar(code: number): boolean {
  return isAsciiWord(code) || code === 45;
}
