/**
 * Hexo's `tag.posts` (a tag's notes), found in time linear in the notes.
 *
 * Hexo's Tag model finds them with `posts.find({ _id: { $in: ids } })`,
 * which looks each note up in the tag's list of note ids: for every tag,
 * as many comparisons as notes times the tag's notes. hexo-generator-tag
 * reads `tag.posts` of every tag on every generation, and auto tags give
 * most notes a dozen or more tags: at 2,000 notes (some 80 tags, 73,000
 * note–tag pairs) the lookups took about 240 ms of each save under `hexo
 * server`. Here the same notes, in the same order (the order of
 * `site.posts`), are picked with a Set of the ids, through warehouse's own
 * API for a schema's virtual (`schema.path(name).get(getter)`). When Hexo's
 * model or index is not shaped as expected, Hexo's getter stays.
 */
import type Hexo from 'hexo';

interface Query {
  filter(test: (document: { _id?: unknown }) => boolean): Query;
}

interface VirtualPath {
  getter?: unknown;
  get(getter: (this: { _id?: unknown }) => unknown): unknown;
}

interface TagIndex {
  find(query: { tag_id: unknown }): ({ post_id?: unknown } | undefined)[];
}

export function registerTagPosts(hexo: Hexo): void {
  const schema = (hexo.model('Tag') as unknown as { schema?: { path?(name: string): unknown } }).schema;
  const posts = schema?.path?.('posts') as VirtualPath | undefined;
  const original = posts?.getter;
  if (typeof original !== 'function' || typeof posts?.get !== 'function' || !tagIndex(hexo)) return;
  posts.get(function () {
    const index = tagIndex(hexo);
    if (!index) return (original as (this: unknown) => unknown).call(this);
    const ids = new Set(index.find({ tag_id: this._id }).map((pair) => pair?.post_id));
    return (hexo.locals.get('posts') as unknown as Query).filter((post) => ids.has(post._id));
  });
}

/** Hexo's index of note–tag pairs, as its own getter reads it (read on each call: Hexo may make it again). */
function tagIndex(hexo: Hexo): TagIndex | undefined {
  const index = (hexo as unknown as { _binaryRelationIndex?: { post_tag?: Partial<TagIndex> } })._binaryRelationIndex?.post_tag;
  return typeof index?.find === 'function' ? (index as TagIndex) : undefined;
}
