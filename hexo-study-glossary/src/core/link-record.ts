/**
 * Where a note's links go, as stored on the note: one JSON string.
 *
 * A note keeps the HTML its renderer produced; its links are spliced in
 * where a page shows it (hexo/linked-notes.ts). The record says where, for
 * the note's `content` and for the two pieces Hexo cuts from it at
 * `<!-- more -->`: `excerpt` and `more`, found in `content` when the note
 * is planned. It is kept in db.json between builds, so it is compact:
 * `[length, excerptAt, moreAt, [start, end, …], [key, …]]`.
 */
import type { LinkPlan } from './link-html.js';
import { parseStoredList } from './stored-list.js';

export interface LinkRecord {
  /** Length of the `content` that was planned: a record for another content is stale. */
  length: number;
  /** Offset of the note's `excerpt` in its `content`, or -1 when it is empty or not a piece of it. */
  excerptAt: number;
  /** The same for `more`. */
  moreAt: number;
  plan: LinkPlan;
}

/** The pieces of a note a record is made for. */
export interface PlannedNote {
  content: string;
  excerpt?: unknown;
  more?: unknown;
}

/** The record of `plan`, made for `note`'s content. */
export function linkRecord(note: PlannedNote, plan: LinkPlan): LinkRecord {
  const { content } = note;
  return { length: content.length, excerptAt: excerptAt(content, note.excerpt), moreAt: moreAt(content, note.more), plan };
}

/** `record` as stored. */
export function encodeLinkRecord(record: LinkRecord): string {
  return JSON.stringify([record.length, record.excerptAt, record.moreAt, record.plan.ranges, record.plan.keys]);
}

/**
 * The record stored as `value`; `undefined` for anything this module did
 * not write (absent, another version's shape, hand-edited db.json): the
 * note's stamp has Hexo render it again anyway.
 */
export function decodeLinkRecord(value: unknown): LinkRecord | undefined {
  const row = parseStoredList(value);
  if (row?.length !== 5) return undefined;
  const [length, excerptAt, moreAt, ranges, keys] = row;
  if (!isOffset(length) || !isOffset(excerptAt, -1) || !isOffset(moreAt, -1)) return undefined;
  if (!Array.isArray(ranges) || !Array.isArray(keys) || ranges.length !== 2 * keys.length) return undefined;
  if (!keys.every((key) => typeof key === 'string')) return undefined;
  // Ranges in order, inside the content, not overlapping: what splicing needs.
  let last = 0;
  for (const offset of ranges as unknown[]) {
    if (!isOffset(offset) || offset < last || offset > length) return undefined;
    last = offset;
  }
  return { length, excerptAt, moreAt, plan: { ranges: ranges as number[], keys: keys as string[] } };
}

// Hexo's excerpt filter makes `content` `pre + '<span id="more"></span>' +
// post`, with `excerpt` `pre.trim()` and `more` `post.trim()`; without a cut,
// `more` is `content`. So each piece has one place it can be, and is looked
// for there only: searching found the first copy of a piece whose text also
// came earlier (`<p>VPC</p>` on both sides of the cut), and put the links
// of that copy into the piece.

/** Where `excerpt` sits in `content`: its start, past the whitespace Hexo trimmed; or -1. */
function excerptAt(content: string, excerpt: unknown): number {
  if (typeof excerpt !== 'string' || excerpt === '') return -1;
  // `trimStart` trims what Hexo's `trim` did.
  const at = content.length - content.trimStart().length;
  // An excerpt from front matter is (most often) not there.
  return content.startsWith(excerpt, at) ? at : -1;
}

/** Where `more` sits in `content`: it ends where `content` does, but for the whitespace Hexo trimmed; or -1. */
function moreAt(content: string, more: unknown): number {
  if (typeof more !== 'string' || more === '') return -1;
  if (more === content) return 0;
  const at = content.trimEnd().length - more.length;
  return at >= 0 && content.startsWith(more, at) ? at : -1;
}

function isOffset(value: unknown, min = 0): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min;
}
