/**
 * The snippets a term page shows, gathered while the notes are planned.
 *
 * A term page gives its `limit` newest notes a snippet (the `snippets`
 * option), and notes store no snippets (see mention-record.ts): planned
 * again on Hexo's thread while the term pages were written, those notes
 * took about a quarter of a second of a 2,000-note build, in code gone cold
 * by then. The linking thread plans every note anyway while Hexo renders
 * Markdown, so it keeps, for each term, the snippets of the newest notes
 * that mention it, and hands them over in one message.
 *
 * Pages order notes of the same date by title and URL, which the thread
 * doesn't know: every note whose date is among a term's `limit` newest is
 * kept, ties included, up to `cap` notes a term. What is not kept (a note
 * past the cap, one rendered in another build, one the thread never saw)
 * is planned again as before: a missing snippet costs time, never a wrong
 * page.
 */
import type { Snippet } from './link-html.js';

/** A note's snippet for one term. */
export interface KeptSnippet {
  /** The note, as its sender named it. */
  note: string;
  key: string;
  snippet: Snippet;
}

export interface NewestSnippets {
  /** Offers the snippets of the note `note`, dated `time` (ms). */
  add(note: string, time: number, mentions: ReadonlyMap<string, { snippet: Snippet }>): void;
  /** Every snippet kept so far, newest first for each term; starts over. */
  take(): KeptSnippet[];
}

interface Entry {
  note: string;
  time: number;
  snippet: Snippet;
}

/**
 * `limit`: notes a term page gives a snippet (Infinity for all). `cap`:
 * notes kept a term at most, ties included; four times `limit` by default.
 */
export function newestSnippets(limit: number, cap = 4 * limit): NewestSnippets {
  const byKey = new Map<string, Entry[]>();
  const keep = Math.max(0, limit);
  const most = Math.max(keep, cap);

  // Sorted newest first, then cut after the last note as new as the
  // `keep`th. Run once a list has `keep` more entries than `most`, so its
  // cost is spread over the notes added.
  const trim = (list: Entry[]): void => {
    list.sort((a, b) => b.time - a.time);
    if (list.length <= keep) return;
    const edge = list[keep - 1]!.time;
    let end = keep;
    while (end < list.length && end < most && list[end]!.time === edge) end++;
    list.length = end;
  };

  return {
    add(note, time, mentions) {
      if (keep === 0 || Number.isNaN(time)) return;
      for (const [key, mention] of mentions) {
        let list = byKey.get(key);
        if (!list) byKey.set(key, (list = []));
        list.push({ note, time, snippet: mention.snippet });
        if (list.length >= most + keep) trim(list);
      }
    },
    take() {
      const kept: KeptSnippet[] = [];
      for (const [key, list] of byKey) {
        trim(list);
        for (const entry of list) kept.push({ note: entry.note, key, snippet: entry.snippet });
      }
      byKey.clear();
      return kept;
    },
  };
}
