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
  /** Own tags this plugin spelled as their term last time (`[]` when none or unknown). */
  previousRenamed?: readonly string[] | undefined;
  mentions: MentionCounts | undefined;
  /** `false`: add no tags; otherwise the fewest mentions that earn a tag. */
  autoTags: false | { minMentions: number };
  /**
   * The key of the term a tag names in another case or width (`kubernetes`,
   * `ＥＫＳ`) or by an alias (`k8s`), if any: `tagTermKeys`. Default: none.
   */
  termKey?: ((tag: string) => string | undefined) | undefined;
  /**
   * `foldTag`, or a memo of it: a site's notes share a few dozen tags, and
   * folding each again for every note took 50 ms a generation at 2,000 notes.
   * Default: `foldTag`.
   */
  fold?: ((tag: string) => string) | undefined;
}

export interface AutoTagResult {
  /** Own tags first, then the earned ones; no case-insensitive duplicates among the earned. */
  tags: string[];
  /** The tags this call added (record them for the next call). */
  added: string[];
  /** Own tags this call spelled as their term (record them for the next call). */
  renamed: string[];
}

/**
 * With auto tags on, an own tag that names a term in another case or
 * width, or by an alias, is spelled as the term: otherwise one note's
 * `kubernetes` and the others' earned `Kubernetes` are two tags, with two
 * pages (one file on macOS and Windows), and the term page's link to its
 * tag misses that note. The spelling is recorded as added and the
 * original as renamed, so the next call, or one with auto tags off, gives
 * the note its own spelling back.
 */
export function mergeAutoTags({ current, previousAuto, previousRenamed = [], mentions, autoTags, termKey, fold = foldTag }: AutoTagInput): AutoTagResult {
  const own = ownTags(current, previousAuto);
  for (const tag of previousRenamed) if (!own.includes(tag)) own.push(tag);
  const earned = autoTags === false ? [] : earnedTags(mentions, autoTags.minMentions);
  const rename = autoTags === false ? undefined : termKey;
  const tags: string[] = [];
  const added: string[] = [];
  const renamed: string[] = [];
  const seen = new Set<string>();
  for (const tag of own) {
    const key = rename?.(tag);
    if (key === undefined || key === tag) {
      seen.add(fold(tag));
      tags.push(tag);
      continue;
    }
    renamed.push(tag);
    // The note has the term's own spelling too, or another tag renamed to it.
    if (own.includes(key) || seen.has(fold(key))) continue;
    seen.add(fold(key));
    tags.push(key);
    added.push(key);
  }
  for (const tag of earned) {
    const folded = fold(tag);
    if (seen.has(folded)) continue;
    seen.add(folded);
    tags.push(tag);
    added.push(tag);
  }
  return { tags, added, renamed };
}

/**
 * The term a tag names, by its key or one of its aliases, in any case or
 * width: the `termKey` of `mergeAutoTags`. A note tagged `k8s`, an alias
 * of Kubernetes, then sits on the term's one tag page with the notes that
 * earned it, as one tagged `kubernetes` does. A key wins over another
 * entry's alias that folds the same, and the first entry over later ones.
 */
export function tagTermKeys(
  entries: Iterable<{ key: string; aliases: readonly string[] }>,
  fold: (tag: string) => string = foldTag,
): (tag: string) => string | undefined {
  const keys = new Map<string, string>();
  const list = [...entries];
  for (const entry of list) if (!keys.has(fold(entry.key))) keys.set(fold(entry.key), entry.key);
  for (const entry of list) {
    for (const alias of entry.aliases) if (!keys.has(fold(alias))) keys.set(fold(alias), entry.key);
  }
  return (tag) => keys.get(fold(tag));
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

/** `foldTag` with a memo of the tags it has folded: make one per generation, not one per site. */
export function memoFoldTag(): (tag: string) => string {
  const folded = new Map<string, string>();
  return (tag) => {
    let result = folded.get(tag);
    if (result === undefined) folded.set(tag, (result = foldTag(tag)));
    return result;
  };
}
