/**
 * Hexo's `tag.posts` (a tag's notes) and `tag.length` (how many), found
 * without copying every note–tag pair.
 *
 * Hexo's Tag model finds a tag's pairs in its index of them, copying each
 * pair as it goes, and then its notes with `posts.find({ _id: { $in: ids } })`,
 * which looks each note up in the tag's list of ids: for every tag, as many
 * comparisons as notes times the tag's notes. `tag.length` copies the pairs
 * to count them. hexo-generator-tag reads both of every tag on every
 * generation, and so do Hexo's `site.tags` and the plugin's auto tags;
 * auto tags give most notes a dozen or more tags. At 2,000 notes (some 80
 * tags, 73,000 pairs) the lookups took about 240 ms, and the copies about
 * 150 ms more, of each save under `hexo server`.
 *
 * Here the same notes, in the same order (that of `site.posts`), are picked
 * with a Set of their ids, read from the pairs' own records, and a tag's
 * count is the size of its set of pairs in Hexo's index. The getters are
 * replaced through warehouse's own API for a schema's virtuals
 * (`schema.path(name).get(getter)`); where Hexo's index is not shaped as
 * expected, Hexo's getters run.
 */
import type Hexo from 'hexo';
import { storedRecords } from './model-records.js';
import { pairIndex } from './pair-records.js';

interface Query {
  filter(test: (document: { _id?: unknown }) => boolean): Query;
}

interface VirtualPath {
  getter?: unknown;
  get(getter: (this: { _id?: unknown }) => unknown): unknown;
}

export function registerTagPosts(hexo: Hexo): void {
  const schema = (hexo.model('Tag') as unknown as { schema?: { path?(name: string): unknown } }).schema;
  const virtual = (name: string) => {
    const path = schema?.path?.(name) as VirtualPath | undefined;
    return typeof path?.getter === 'function' && typeof path.get === 'function' ? { path, original: path.getter as (this: unknown) => unknown } : undefined;
  };
  const posts = virtual('posts');
  const length = virtual('length');
  if (!posts || !length || !pairIndex(hexo, 'PostTag')) return;

  posts.path.get(function () {
    const index = pairIndex(hexo, 'PostTag');
    if (!index) return posts.original.call(this);
    // The pairs' own records, not copies (see model-records.ts).
    const pairs = storedRecords<{ post_id?: unknown }>(hexo, 'PostTag');
    const ids = new Set<unknown>();
    for (const pair of index.valueIndex.get(this._id) ?? []) ids.add(pairs[pair]?.post_id);
    return (hexo.locals.get('posts') as unknown as Query).filter((post) => ids.has(post._id));
  });
  length.path.get(function () {
    const index = pairIndex(hexo, 'PostTag');
    if (!index) return length.original.call(this);
    return index.valueIndex.get(this._id)?.size ?? 0;
  });
}
