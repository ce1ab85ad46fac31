/**
 * Where words of kanji begin and end, for terms written in kanji.
 *
 * Japanese writes words without spaces, and a run of kanji is often several
 * words (負荷分散装置 is 負荷, 分散 and 装置), so a kanji term must match
 * inside one. But not at every character: 認可 in 確認可能 (確認 and 可能)
 * or 同期 in 非同期 is no mention of the term. Where a match would start or
 * end between two kanji, ICU's dictionary-based word breaking
 * (`Intl.Segmenter`, with the full ICU data Node ships) says whether a word
 * boundary falls there. Its dictionary decides: 暗号化 is 暗号 and 化, while
 * 自動化 and 管理者 are words of their own.
 *
 * The word breaker reads the run of kanji around the junction, not the
 * sentence: over the 89,761 junctions between two kanji in 400 of the
 * bench's notes and the AWS note, it found the same boundaries as when it
 * read 12 characters each side. A note says the same runs again and again
 * (設定, 確認可能), so each run's boundaries are kept: with 20 common kanji
 * words as terms, matching the bench's 6.7 M characters of notes took
 * 148 ms with a word break at each junction, 44–49 ms with runs kept, and
 * 38 ms without the rule.
 */

/**
 * A kanji: CJK unified ideographs (with extension A and the compatibility
 * block) and the iteration mark `々`. Surrogate pairs (extension B on) are
 * not read as kanji, so no boundary is asked for next to one.
 */
export function isKanji(unit: number): boolean {
  return (unit >= 0x4e00 && unit <= 0x9fff) || (unit >= 0x3400 && unit <= 0x4dbf) || (unit >= 0xf900 && unit <= 0xfaff) || unit === 0x3005;
}

/** A run of kanji longer than this is read 32 characters each side of the junction, and not kept. */
const longestRun = 64;
/** Runs kept at most; then the memo starts again, so a site's notes hold no more than this. */
const keptRuns = 4096;

/** Word boundaries between kanji; make one per matcher (its word breaker is made at the first question). */
export class KanjiWords {
  private segmenter: Intl.Segmenter | undefined;
  /** For each run of kanji read, whether a word boundary falls at each of its offsets. */
  private readonly runs = new Map<string, Uint8Array>();

  /** Whether a word boundary falls at `index` of `text`, between two kanji. */
  boundaryAt(text: string, index: number): boolean {
    let start = index;
    while (start > 0 && index - start < longestRun && isKanji(text.charCodeAt(start - 1))) start--;
    let end = index;
    while (end < text.length && end - index < longestRun && isKanji(text.charCodeAt(end))) end++;
    if (end - start >= longestRun) {
      const from = Math.max(start, index - longestRun / 2);
      return this.boundaries(text.slice(from, Math.min(end, index + longestRun / 2)))[index - from] === 1;
    }
    const run = text.slice(start, end);
    let boundaries = this.runs.get(run);
    if (boundaries === undefined) {
      if (this.runs.size >= keptRuns) this.runs.clear();
      this.runs.set(run, (boundaries = this.boundaries(run)));
    }
    return boundaries[index - start] === 1;
  }

  /** Where `run` breaks into words: 1 at each boundary offset, ends included. */
  private boundaries(run: string): Uint8Array {
    this.segmenter ??= new Intl.Segmenter('ja', { granularity: 'word' });
    const boundaries = new Uint8Array(run.length + 1);
    for (const { index } of this.segmenter.segment(run)) boundaries[index] = 1;
    boundaries[run.length] = 1;
    return boundaries;
  }
}
