/**
 * Hexo's stored documents, read without copying them.
 *
 * Hexo's models (warehouse) deep-copy every document they hand out, with
 * its rendered HTML: `toArray()` over 2,000 notes takes some 80 ms. Checks
 * that only read a few fields of every note read the model's own records
 * instead (warehouse's public `data`, by id; a removed document's record is
 * `null`), and must not change them.
 */
import type Hexo from 'hexo';

/** The model's records by id: warehouse's `data` itself, not a copy. */
export function storedRecords<T>(hexo: Hexo, name: string): Readonly<Record<string, T | null | undefined>> {
  return (hexo.model(name) as unknown as { data: Record<string, T | null | undefined> }).data;
}

export function* modelRecords<T>(hexo: Hexo, name: string): Generator<[id: string, record: Readonly<T>]> {
  const records = storedRecords<T>(hexo, name);
  for (const id in records) {
    const record = records[id];
    if (record) yield [id, record];
  }
}

/** The stored record of document `id` (not a copy: read it, don't change it), if there is one. */
export function recordOf<T>(hexo: Hexo, name: string, id: string): Readonly<T> | undefined {
  return storedRecords<T>(hexo, name)[id] ?? undefined;
}

/**
 * Sets `fields` of the stored document `id` in place. warehouse's `save()`
 * deep-copies the document it is given, with its HTML, into a new record,
 * after `findById` copied it once already: for 2,000 notes the two copies
 * took about 200 ms of a glossary edit under `hexo server`. Setting the
 * fields on the record is what that save comes to for fields that no
 * schema setter or hook reads, as the fields this plugin adds to Hexo's
 * notes and pages (Hexo's Post and Page schemas have neither).
 */
export function setRecordFields<T extends object>(hexo: Hexo, name: string, id: string, fields: Partial<T>): void {
  const record = storedRecords<T>(hexo, name)[id];
  if (record) Object.assign(record, fields);
}

/** `raw` (the file as Hexo read it) of every stored post and page, by `source` (its path under `source/`). */
export function storedSources(hexo: Hexo): Map<string, string | undefined> {
  const stored = new Map<string, string | undefined>();
  for (const model of ['Post', 'Page'] as const) {
    for (const [, record] of modelRecords<{ source: string; raw?: string }>(hexo, model)) stored.set(record.source, record.raw);
  }
  return stored;
}

/** Hexo's Cache model (warehouse): a record per file its source box has read, as Box reads and writes it. */
export interface CacheModel {
  findById(id: string): { _id: string; hash: string; modified: number } | undefined;
  save(record: { _id: string; hash: string; modified: number }): PromiseLike<unknown>;
  /** Box's comparison of a file with its record, which makes the record of a file that has none. */
  compareFile(id: string, hash: (id: string) => Promise<string>, stats: (id: string) => Promise<{ mtime: Date }>): PromiseLike<unknown>;
}

export function cacheModel(hexo: Hexo): CacheModel {
  return hexo.model('Cache') as unknown as CacheModel;
}
