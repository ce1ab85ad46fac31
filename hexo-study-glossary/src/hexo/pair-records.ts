/**
 * Every note–tag or note–category pair Hexo stores, read through Hexo's own
 * index of them.
 *
 * The pairs are records of warehouse models (`PostTag`, `PostCategory`),
 * kept in one object by id. Going through such an object's keys is slow
 * once it is large: auto tags make 73,000 pairs at 2,000 notes, and each
 * pass over them took 35–70 ms of every generation (the sitemap's tag
 * dates, the auto tags' check). Hexo keeps an index of the pairs' ids by
 * note (its `_binaryRelationIndex`, which its own `post.tags` reads): going
 * through that index's sets and looking each record up takes a few
 * milliseconds. Without the index, in the shape expected, the model's
 * records are read as `modelRecords` reads them.
 */
import type Hexo from 'hexo';
import { modelRecords, storedRecords } from './model-records.js';

const indexes = { PostTag: 'post_tag', PostCategory: 'post_category' } as const;

/** Hexo's index of a model's pairs: the ids of the pairs (records of `model`) by note id and by tag or category id. */
export interface PairIndex {
  keyIndex: Map<unknown, Set<string>>;
  valueIndex: Map<unknown, Set<string>>;
}

/** Hexo's index of `model`'s pairs (read on each call: Hexo may make it again), if it is shaped as expected. */
export function pairIndex(hexo: Hexo, model: keyof typeof indexes): PairIndex | undefined {
  const index = (hexo as unknown as { _binaryRelationIndex?: Record<string, Partial<PairIndex> | undefined> })._binaryRelationIndex?.[indexes[model]];
  return index?.keyIndex instanceof Map && index.valueIndex instanceof Map ? (index as PairIndex) : undefined;
}

export function* pairRecords<T>(hexo: Hexo, model: keyof typeof indexes): Generator<Readonly<T>> {
  const index = pairIndex(hexo, model);
  if (!index) {
    for (const [, record] of modelRecords<T>(hexo, model)) yield record;
    return;
  }
  // The model's own records, not copies (see model-records.ts).
  const records = storedRecords<T>(hexo, model);
  for (const ids of index.keyIndex.values()) {
    for (const id of ids) {
      const record = records[id];
      if (record) yield record;
    }
  }
}
