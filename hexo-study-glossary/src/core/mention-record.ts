/**
 * The mentions of one note, as stored on the note: one JSON string.
 *
 * Hexo's database deep-copies a document on every read (rfdc), and notes
 * are read for every page that lists them. Stored as an object, a note's
 * forty-odd mentions meant some two hundred objects copied per read; as a
 * string they are copied by reference. The record is also what db.json
 * keeps between builds, so it is compact: `[[key, count, before, match, after], …]`.
 */
import type { Mention, Snippet } from './link-html.js';

/** The record of `mentions` (in their order). */
export function encodeMentions(mentions: ReadonlyMap<string, Mention>): string {
  const rows: [string, number, string, string, string][] = [];
  for (const [key, { count, snippet }] of mentions) rows.push([key, count, snippet.before, snippet.match, snippet.after]);
  return JSON.stringify(rows);
}

/**
 * The mentions in a record, in their order. Anything that is not a record
 * this module wrote (absent, another version's shape, hand-edited db.json)
 * reads as no mentions rather than failing the build; the note's stamp
 * makes Hexo render it again anyway.
 */
export function decodeMentions(record: unknown): Map<string, Mention> {
  const mentions = new Map<string, Mention>();
  if (typeof record !== 'string' || record === '') return mentions;
  let rows: unknown;
  try {
    rows = JSON.parse(record);
  } catch {
    return mentions;
  }
  if (!Array.isArray(rows)) return mentions;
  for (const row of rows as unknown[]) {
    if (!Array.isArray(row) || row.length !== 5) continue;
    const [key, count, before, match, after] = row as unknown[];
    if (typeof key !== 'string' || typeof count !== 'number' || !(count > 0)) continue;
    if (typeof before !== 'string' || typeof match !== 'string' || typeof after !== 'string') continue;
    const snippet: Snippet = { before, match, after };
    mentions.set(key, { count, snippet });
  }
  return mentions;
}
