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
  return { length: content.length, excerptAt: pieceAt(content, note.excerpt), moreAt: pieceAt(content, note.more), plan };
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

/** Where `piece` sits in `content`, or -1. Hexo's pieces start near the front of where they were cut. */
function pieceAt(content: string, piece: unknown): number {
  if (typeof piece !== 'string' || piece === '') return -1;
  if (piece === content) return 0;
  return content.indexOf(piece);
}

function isOffset(value: unknown, min = 0): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min;
}
