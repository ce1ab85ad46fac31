/**
 * Edits of a finished page, found on the page as given and made in one join.
 *
 * Why: the plugin edits every page it writes (stable ids, the head, the
 * search icon, a list page's date…). Each edit used to return a new page
 * joined from slices of the old one, and V8 keeps such a join as a tree of
 * pieces that it copies whole, into one string, at the first search
 * through it: the next edit's. A linked build of 2,000 notes writes about
 * 85 million characters of pages, so each edit after the first cost a
 * copy of all of them. Found on the page as given, the edits are made in
 * one join, which Hexo copies once, as it writes the page.
 */

/** `text` in place of the page's characters from `start` to `end` (an insertion when they are equal). */
export interface PageEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * `html` with `edits` made, in the order of their positions; edits at one
 * point are made in the order given (two insertions before `</head>` come
 * out in that order). `html` itself when there are none. Edits are meant
 * not to overlap (see `editsOverlap`); one that starts inside an edit
 * before it is left out, rather than writing what lies between twice.
 */
export function applyEdits(html: string, edits: readonly PageEdit[]): string {
  if (edits.length === 0) return html;
  // Array.prototype.sort is stable: edits at one point keep their order.
  const sorted = edits.length === 1 ? edits : [...edits].sort((a, b) => a.start - b.start);
  let page = '';
  let copied = 0;
  for (const edit of sorted) {
    if (edit.start < copied) continue;
    page += html.slice(copied, edit.start) + edit.text;
    copied = edit.end;
  }
  return page + html.slice(copied);
}

/** `edit` as a list of edits: none when there is none. */
export function optional(edit: PageEdit | undefined): readonly PageEdit[] {
  return edit === undefined ? [] : [edit];
}

/**
 * Whether two of `edits` would change the same characters, or insert into
 * what another replaces (an insertion given after a replacement that starts
 * at its point: made first, it would go before the replacement instead).
 */
export function editsOverlap(edits: readonly PageEdit[]): boolean {
  if (edits.length < 2) return false;
  // Sorted as `applyEdits` sorts them.
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  for (let i = 1; i < sorted.length; i++) if (sorted[i]!.start < sorted[i - 1]!.end) return true;
  return false;
}
