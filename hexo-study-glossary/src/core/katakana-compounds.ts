/**
 * Katakana words that end in a short katakana term the linker leaves
 * unlinked. A term that starts with fewer than four kana (`ログ`, `ノード`)
 * is linked inside a katakana word only after four kana or more of it, or
 * after another term (see match-terms.ts), since so short a run is more
 * often a piece of another loanword (`ブログ`, `カタログ`) than the last
 * part of a compound. Real compounds after a shorter part (`エラーログ`,
 * `ワーカーノード`) are left unlinked too, and nothing on the page says
 * so: this lists them, for the author to add as aliases. They are not
 * warnings, since most such words are words of their own.
 */
import { comparableForm, type Matcher } from './match-terms.js';
import type { AcronymSource } from './find-acronyms.js';

export interface UnlinkedCompound {
  /** The katakana word as written. */
  word: string;
  /** The term it ends in. */
  key: string;
  count: number;
  /** Every occurrence, in file order. */
  locations: { file: string; line: number; column: number }[];
}

export interface CompoundOptions {
  /** Finds what the linker links. */
  matcher: Matcher;
  /** The term of a short katakana spelling (`ログ` → `ログ`), of a term the linker links. */
  shortForms: ReadonlyMap<string, string>;
  /** Terms a file never links (its `glossary_exclude`), by file. Default: none. */
  excluded?: ((file: string) => ReadonlySet<string>) | undefined;
}

/**
 * A run of katakana as the linker reads one: full- and half-width letters,
 * long-vowel marks, and the voiced marks written as characters of their own.
 */
const katakanaWord = /[\u30a1-\u30fa\u30fc-\u30ff\u31f0-\u31ff\uff66-\uff9f\u3099\u309a]{3,}/g;

/** The katakana words of the prose that end in a short term which the linker leaves unlinked there, in order of first appearance. */
export function findUnlinkedCompounds(sources: readonly AcronymSource[], options: CompoundOptions): UnlinkedCompound[] {
  const found = new Map<string, UnlinkedCompound>();
  for (const source of sources) {
    const excluded = options.excluded?.(source.file);
    source.lines.forEach((line, index) => {
      for (const match of line.matchAll(katakanaWord)) {
        const word = match[0];
        const key = endingTerm(comparableForm(word), options.shortForms);
        if (key === undefined || excluded?.has(key)) continue;
        // Linked as it stands (an alias, or a part the rule takes): nothing to say.
        if (options.matcher.find(word).some((linked) => linked.end === word.length)) continue;
        const id = `${word}\0${key}`;
        let entry = found.get(id);
        if (!entry) found.set(id, (entry = { word, key, count: 0, locations: [] }));
        entry.count++;
        entry.locations.push({ file: source.file, line: index + 1, column: (match.index ?? 0) + 1 });
      }
    });
  }
  return [...found.values()];
}

/** The term of the longest short form that ends `word` and starts after its first kana. */
function endingTerm(word: string, shortForms: ReadonlyMap<string, string>): string | undefined {
  for (let start = 1; start < word.length - 1; start++) {
    const key = shortForms.get(word.slice(start));
    if (key !== undefined) return key;
  }
  return undefined;
}
