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

export function* modelRecords<T>(hexo: Hexo, name: string): Generator<[id: string, record: Readonly<T>]> {
  const records = (hexo.model(name) as unknown as { data: Record<string, T | null | undefined> }).data;
  for (const id in records) {
    const record = records[id];
    if (record) yield [id, record];
  }
}
