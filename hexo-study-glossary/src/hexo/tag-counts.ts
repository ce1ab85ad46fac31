/**
 * How many notes the site shows have each tag.
 *
 * Hexo's `tag.length` counts every note with the tag, drafts included, and
 * keeps the tags a draft had in a `--draft` build (and those of a note with
 * `published: false`): pages listing tags by it listed tags whose page was
 * never written.
 */
import type Hexo from 'hexo';
import { modelRecords } from './model-records.js';
import { pairRecords } from './pair-records.js';

export interface CountedTag {
  _id: string;
  /** Hexo's count, drafts included. */
  length: number;
}

/**
 * How many of the site's notes (`posts`: Hexo's locals, without drafts
 * unless it shows them) have each tag, by tag id; tags of none are left
 * out. Notes the site doesn't show are few (usually none), so their tags
 * are taken off Hexo's counts rather than every note's tags counted again.
 */
export function tagCounts(hexo: Hexo, tags: readonly CountedTag[], posts: readonly { _id?: string }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const tag of tags) {
    const length = tag.length;
    if (length > 0) counts.set(tag._id, length);
  }
  const visible = new Set(posts.map((post) => post._id));
  const hidden = new Set<string>();
  for (const [id] of modelRecords(hexo, 'Post')) if (!visible.has(id)) hidden.add(id);
  if (hidden.size === 0) return counts;
  for (const link of pairRecords<{ post_id: string; tag_id: string }>(hexo, 'PostTag')) {
    if (!hidden.has(link.post_id)) continue;
    const count = (counts.get(link.tag_id) ?? 0) - 1;
    if (count > 0) counts.set(link.tag_id, count);
    else counts.delete(link.tag_id);
  }
  return counts;
}

