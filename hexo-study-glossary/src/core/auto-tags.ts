/**
 * Tags a note earns by mentioning glossary terms.
 *
 * Hexo keeps only one list of tags per note and does not remember which of
 * them came from front matter, so the adapter records the tags it added
 * and hands them back here: the note's own tags are its current tags minus
 * those. That way a tag disappears again when its mention does.
 */

/** How many times a note mentions each term, by term key, in order of first mention. */
export type MentionCounts = ReadonlyMap<string, { count: number }>;

export interface AutoTagInput {
  /** The note's tags as Hexo has them now. */
  current: readonly string[];
  /** Tags this plugin added last time (`[]` when none or unknown). */
  previousAuto: readonly string[];
  mentions: MentionCounts | undefined;
  /** `false`: add no tags; otherwise the fewest mentions that earn a tag. */
  autoTags: false | { minMentions: number };
}

export interface AutoTagResult {
  /** Own tags first, then the earned ones; no case-insensitive duplicates among the earned. */
  tags: string[];
  /** The tags this call added (record them for the next call). */
  added: string[];
}

export function mergeAutoTags({ current, previousAuto, mentions, autoTags }: AutoTagInput): AutoTagResult {
  const own = ownTags(current, previousAuto);
  const earned = autoTags === false ? [] : earnedTags(mentions, autoTags.minMentions);
  const seen = new Set(own.map(foldTag));
  const added: string[] = [];
  for (const tag of earned) {
    const folded = foldTag(tag);
    if (seen.has(folded)) continue;
    seen.add(folded);
    added.push(tag);
  }
  return { tags: [...own, ...added], added };
}

/** The note's own tags: what it has minus what was added automatically. */
export function ownTags(current: readonly string[], previousAuto: readonly string[]): string[] {
  const auto = new Set(previousAuto);
  return current.filter((tag) => !auto.has(tag));
}

/** Term keys mentioned at least `minMentions` times, in the order given. */
export function earnedTags(mentions: MentionCounts | undefined, minMentions: number): string[] {
  if (!mentions) return [];
  const earned: string[] = [];
  for (const [key, mention] of mentions) if (mention.count >= minMentions) earned.push(key);
  return earned;
}

/** How tags are compared: `EKS`, `eks` and `ＥＫＳ` are the same tag. */
export function foldTag(tag: string): string {
  return tag.normalize('NFKC').toLowerCase();
}

/** Whether two tag lists hold the same tags (order ignored, case kept). */
export function sameTags(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((tag) => right.has(tag));
}
