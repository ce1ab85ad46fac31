/**
 * A note's line breaks and tabs kept in the feeds.
 *
 * hexo-generator-feed writes each note's HTML through its `noControlChars`
 * filter, which removes every C0 control character, tab, line feed and
 * carriage return included. XML forbids the others, but not those three,
 * and in HTML they are text: a `<pre>` lost its line breaks (an indented
 * code block of two commands read as one line, `aws eks list-clustersaws
 * eks describe-cluster`), a Makefile its tabs, and a paragraph written
 * over two lines with `breaks: false` (hexo-renderer-marked's default) ran
 * the last word of a line into the first of the next. Here each note's
 * HTML in a feed is found as the filter left it and put back with only the
 * characters XML forbids left out.
 */
import { replaceNoteSections } from './feed-cdata.js';

/** What hexo-generator-feed's `noControlChars` leaves of a note's HTML. */
export function withoutControlChars(html: string): string {
  return html.replace(/[\x00-\x1F\x7F]/g, '');
}

/**
 * A note's HTML with the white space the filter removes kept: tab, line
 * feed and carriage return, which XML allows. The other control characters
 * stay out, as the filter leaves them (XML forbids all but DEL).
 */
export function withXmlWhitespace(html: string): string {
  return html.replace(/[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/g, '');
}

/** Characters of a note's filtered HTML that pick its candidates: most notes differ within them. */
const keyLength = 64;

/** The first `keyLength` characters of `withoutControlChars(html)`, without filtering all of it. */
function key(html: string): string {
  let kept = '';
  for (let index = 0; index < html.length && kept.length < keyLength; index += keyLength) {
    kept += withoutControlChars(html.slice(index, index + keyLength));
  }
  return kept.slice(0, keyLength);
}

/**
 * `feed` with each note's HTML (a CDATA section, see `replaceNoteSections`)
 * that is one of `notes` as the filter left it replaced by that note's
 * `withXmlWhitespace`. A section that matches no note stays as it is; one
 * that two notes alike but for their control characters match gets the
 * first one's.
 * A feed holds a few notes of many: a note is compared with a section
 * only when its first characters are the section's, and filtered only
 * when it is the one.
 */
export function keepFeedWhitespace(feed: string, notes: Iterable<string>): string {
  let byKey: Map<string, string[]> | undefined;
  return replaceNoteSections(feed, (html) => {
    if (byKey === undefined) {
      byKey = new Map();
      for (const note of notes) {
        const noteKey = key(note);
        const list = byKey.get(noteKey);
        if (list) list.push(note);
        else byKey.set(noteKey, [note]);
      }
    }
    for (const note of byKey.get(html.slice(0, keyLength)) ?? []) {
      if (filtersTo(note, html)) return withXmlWhitespace(note);
    }
    return html;
  });
}

/**
 * Whether `withoutControlChars(note)` is `html`, compared as it goes: notes
 * made from one template can share much more than `keyLength` characters,
 * and a note that isn't the one differs from it long before its end.
 */
function filtersTo(note: string, html: string): boolean {
  let at = 0;
  for (let index = 0; index < note.length; index++) {
    const unit = note.charCodeAt(index);
    if (unit < 0x20 || unit === 0x7f) continue;
    if (at === html.length || html.charCodeAt(at) !== unit) return false;
    at++;
  }
  return at === html.length;
}
