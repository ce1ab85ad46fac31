/**
 * Words of kanji that hold a kanji term the linker leaves unlinked there.
 * Between two kanji a term links only where ICU's dictionary reads a word
 * boundary (see kanji-words.ts), so `確認可能` links no 認可 and `自動化`
 * no 自動, and nothing on the page says so: this lists each such word,
 * with the term, for the author to add the word as an alias where it
 * names the term (`自動化` under 自動 would link it whole), or to know why
 * the term stays unlinked there. They are not warnings, since most such
 * words name something else (`非同期` is no 同期).
 */
import type { AcronymSource } from './find-acronyms.js';
import type { UnlinkedCompound } from './katakana-compounds.js';
import { isKanji } from './kanji-words.js';
import { comparableForm, type Matcher } from './match-terms.js';

export interface KanjiWordOptions {
  /** Finds what the linker links. */
  matcher: Matcher;
  /** The term of each spelling written in kanji alone (`認可` → `認可`), of a term the linker links. */
  kanjiForms: ReadonlyMap<string, string>;
  /** Terms a file never links (its `glossary_exclude`), by file. Default: none. */
  excluded?: ((file: string) => ReadonlySet<string>) | undefined;
}

/** The runs of kanji in `line` (`isKanji`, as the linker reads them) two or more long, where a term can sit inside a word. */
function kanjiRuns(line: string): { text: string; at: number }[] {
  const runs: { text: string; at: number }[] = [];
  for (let at = 0; at < line.length; at++) {
    if (!isKanji(line.charCodeAt(at))) continue;
    let end = at + 1;
    while (end < line.length && isKanji(line.charCodeAt(end))) end++;
    if (end - at >= 2) runs.push({ text: line.slice(at, end), at });
    at = end;
  }
  return runs;
}

/**
 * The kanji words of the prose that hold a term the linker leaves unlinked
 * there, in order of first appearance. The word reported is the words the
 * term's text overlaps, as ICU reads the run (`確認可能` for 認可, `非同期`
 * for 同期), located where it starts, as katakana words are.
 */
export function findUnlinkedKanjiWords(sources: readonly AcronymSource[], options: KanjiWordOptions): UnlinkedCompound[] {
  if (options.kanjiForms.size === 0) return [];
  const found = new Map<string, UnlinkedCompound>();
  const longest = Math.max(...[...options.kanjiForms.keys()].map((form) => form.length));
  const words = new Intl.Segmenter('ja', { granularity: 'word' });
  for (const source of sources) {
    const excluded = options.excluded?.(source.file);
    source.lines.forEach((line, index) => {
      const runs = kanjiRuns(line);
      if (runs.length === 0) return;
      const linked = options.matcher.find(line);
      for (const { text, at } of runs) {
        for (const { start, end, key } of termsInside(text, options.kanjiForms, longest)) {
          if (excluded?.has(key)) continue;
          // Linked there, or inside a longer term the linker links: nothing to say.
          if (linked.some((match) => match.start <= at + start && at + end <= match.end)) continue;
          const { word, from } = overlappedWords(words, text, start, end);
          const id = `${word}\0${key}`;
          let entry = found.get(id);
          if (!entry) found.set(id, (entry = { word, key, count: 0, locations: [] }));
          entry.count++;
          entry.locations.push({ file: source.file, line: index + 1, column: at + from + 1 });
        }
      }
    });
  }
  return [...found.values()];
}

/** Each spelling in `kanjiForms` that `run` holds but is not, leftmost-longest. */
function* termsInside(run: string, kanjiForms: ReadonlyMap<string, string>, longest: number): Generator<{ start: number; end: number; key: string }> {
  for (let start = 0; start < run.length; ) {
    let match: { end: number; key: string } | undefined;
    for (let end = Math.min(run.length, start + longest); end > start; end--) {
      if (end - start === run.length) continue;
      const key = kanjiForms.get(comparableForm(run.slice(start, end)));
      if (key !== undefined) {
        match = { end, key };
        break;
      }
    }
    if (!match) {
      start++;
      continue;
    }
    yield { start, end: match.end, key: match.key };
    start = match.end;
  }
}

/** The words of `run` that `[start, end)` overlaps, joined, and where they start. */
function overlappedWords(words: Intl.Segmenter, run: string, start: number, end: number): { word: string; from: number } {
  let from = start;
  let to = end;
  for (const segment of words.segment(run)) {
    const segmentEnd = segment.index + segment.segment.length;
    if (segmentEnd <= start || segment.index >= end) continue;
    from = Math.min(from, segment.index);
    to = Math.max(to, segmentEnd);
  }
  return { word: run.slice(from, to), from };
}
