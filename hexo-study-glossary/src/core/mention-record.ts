/**
 * How often one note mentions each term, as stored on the note: one JSON
 * string, `[[key, count], …]` in order of first mention.
 *
 * Hexo's database deep-copies a document on every read (rfdc), and notes
 * are read for every page that lists them. Stored as an object, a note's
 * forty-odd mentions meant some two hundred objects copied per read; as a
 * string they are copied by reference.
 *
 * Snippets are not stored. A term page shows one only for its newest notes,
 * and takes it from the note's HTML when it is rendered (see
 * hexo/generators.ts). Stored for every mention of every note, they were
 * most of the record: some 14 MB of memory during a build, and 5 MB of
 * db.json, at 2,000 notes.
 */

import { planLinks, type LinkPlan, type PlanOptions, type PlanResult } from './link-html.js';
import type { Matcher } from './match-terms.js';
import { parseStoredList } from './stored-list.js';

/** What a note stores of its links: where they go, and its mention record. */
export interface StoredPlan {
  /** Where the note's links go, see `planLinks`. */
  plan: LinkPlan;
  /** The mention record (`encodeMentions`). */
  mentions: string;
}

/**
 * Plans `html` as a note is stored: its links, and how often it mentions
 * each term, without snippets (a term page takes those when it renders,
 * or from the linking thread: newest-snippets.ts).
 * Hexo's thread and the linking thread both plan notes this way.
 */
export function planStored(html: string, matcher: Matcher, options: PlanOptions): StoredPlan {
  return storedPlan(planLinks(html, matcher, { ...options, snippets: false }));
}

/** What a note stores of `planned`: its links, and its mention counts without their snippets. */
export function storedPlan(planned: PlanResult): StoredPlan {
  return { plan: planned.plan, mentions: encodeMentions(planned.mentions) };
}

/** How often a note mentions a term. */
export interface MentionCount {
  count: number;
}

/** The record of `mentions` (in their order). */
export function encodeMentions(mentions: ReadonlyMap<string, MentionCount>): string {
  const rows: [string, number][] = [];
  for (const [key, { count }] of mentions) rows.push([key, count]);
  return JSON.stringify(rows);
}

/**
 * The mentions in a record, in their order. Anything that is not a record
 * this module wrote (absent, another version's shape, hand-edited db.json)
 * reads as no mentions rather than failing the build; the note's stamp
 * makes Hexo render it again anyway.
 */
export function decodeMentions(record: unknown): Map<string, MentionCount> {
  const mentions = new Map<string, MentionCount>();
  for (const row of parseStoredList(record) ?? []) {
    if (!Array.isArray(row) || row.length !== 2) continue;
    const [key, count] = row as unknown[];
    if (typeof key !== 'string' || typeof count !== 'number' || !(count > 0)) continue;
    mentions.set(key, { count });
  }
  return mentions;
}
