/**
 * The list a note's record stores as JSON (see link-record.ts and
 * mention-record.ts); `undefined` for anything that is not one: absent,
 * empty, not JSON, or JSON of another shape. Records come from db.json,
 * which may hold another version's records or be edited by hand, so a bad
 * one reads as none rather than failing the build.
 */
export function parseStoredList(value: unknown): unknown[] | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return undefined;
  }
  return Array.isArray(parsed) ? parsed : undefined;
}
