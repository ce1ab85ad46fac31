/**
 * Finds glossary terms in plain text.
 *
 * Every form (key and aliases) of every term goes into a character trie, so
 * the cost of a scan barely depends on the number of terms, and no regular
 * expression is ever built from term text. Text is compared under NFKC (so
 * `ＥＫＳ` is `EKS` and `ｶﾞ` is `ガ`), normalized one cluster (a character
 * plus its combining marks) at a time, while offsets are reported in the
 * original string. Typographic quotes and dashes are compared as the ASCII
 * that smartypants (on by default in hexo-renderer-marked) makes them from:
 * `’` and `‘` as `'`, `“` and `”` as `"`, `–` as `--`, `—` as `---`; so the
 * term `Let's Encrypt` matches the rendered `Let’s Encrypt`, and the other
 * way round. Variation selectors are left out of the comparison: `葛`
 * U+E0100 `城`, an ideographic variation sequence, is the term `葛城` (the
 * match takes the selector in with its character).
 *
 * Rules:
 * - leftmost-longest across all forms; scanning resumes after a match;
 * - a match that starts with an ASCII letter, digit or symbol must not
 *   follow an ASCII letter, digit or `_`, and a match that ends with one
 *   must not be followed by one (judged on normalized text): `.NET` is not
 *   linked in `ASP.NET`, nor `C++` in `C++11`, nor `ECR` in `ECR_REPO`;
 *   a dot between two of them joins a word too, as in a host or file name:
 *   `API` is not linked in `api.example.com`, nor `Node` in `Node.js`;
 *   when the longest form at a position fails this, shorter forms at the
 *   same position are tried;
 * - a match that ends with katakana must not be followed by katakana:
 *   a Japanese compound names what its last part names, so
 *   `プライベートサブネット` is a subnet, while `サブネットマスク` is a
 *   mask and `ポッドキャスト` no Pod; a term ending in kana does not end
 *   before a long-vowel mark either (`コンテナー` is a spelling of its own);
 * - a form that starts with fewer than four kana of katakana (long-vowel
 *   marks not counted: `ポート` is two) must not start inside a katakana
 *   word after fewer than four kana of it, unless a form ends where it
 *   starts: so short a run of katakana is more often a piece of another
 *   loanword (`ブログ`, `サポート`, `エクスポート`) than the last part of a
 *   compound, while four kana or more before it are a word of their own
 *   (`アクセスログ`, `メッセージキュー`), and so is a term
 *   (`サーバーログ` with `サーバー` in the glossary);
 * - a match that starts or ends between two kanji must start or end a
 *   word there, as ICU's dictionary reads the text (kanji-words.ts): `認可`
 *   is not linked in `確認可能`, nor `同期` in `非同期`, while `負荷分散`
 *   is in `負荷分散装置`;
 * - there are no other word boundaries, so Japanese terms match inside
 *   Japanese text;
 * - case-sensitive unless the term says `caseSensitive: false`;
 * - empty forms are ignored; of two identical forms, the first term's wins.
 */
import { isAsciiVisible, isAsciiWord } from './ascii.js';
import { isKanji, KanjiWords } from './kanji-words.js';
import { isKatakana, isLongVowelMark, startsWithShortKatakana } from './katakana.js';
import type { MatchableTerm } from './types.js';
import { isHighSurrogate, isLowSurrogate } from './utf16.js';

/** One term found in a text; `start`/`end` are UTF-16 offsets into that text. */
export interface TermMatch {
  start: number;
  end: number;
  key: string;
}

export interface Matcher {
  /**
   * Matches in `text`, sorted and non-overlapping. A match that `accept`
   * refuses is passed over as one whose boundary fails: shorter forms at
   * the same position are tried, then later positions. `after` gives the
   * first character a reader sees after `text` (as a UTF-16 unit; `NaN`
   * for none), when `text` is a run the caller cut off at a tag: asked only
   * where a boundary depends on it. `before` gives the text a reader sees
   * just before `text` (a few dozen units at least, in reading order; `''`
   * for none), likewise.
   */
  find(text: string, accept?: (start: number, end: number) => boolean, after?: () => number, before?: () => string): TermMatch[];
}

export interface MatcherOptions {
  /**
   * Rule out most start positions by their first units before walking the
   * trie. They only save work; tests turn them off to check exactly that.
   * Default: `true`.
   */
  filters?: boolean;
}

/** Builds a matcher once per glossary; reuse it for every text. */
export function createMatcher(terms: readonly MatchableTerm[], options: MatcherOptions = {}): Matcher {
  const matcher = new TrieMatcher(options.filters ?? true);
  terms.forEach((term, order) => {
    for (const form of term.forms) matcher.add(form, term.key, order, term.caseSensitive);
  });
  matcher.seal();
  return matcher;
}

/** What a trie node stands for when a form ends there. */
interface Output {
  key: string;
  /** Index of the term in the input; the lower wins a tie between tries. */
  order: number;
  /** The form starts with fewer than four kana of katakana: it starts no katakana word's later part alone (see the rules above). */
  shortKatakana: boolean;
}

class TrieNode {
  out: Output | undefined = undefined;
  // Most nodes have a single child: comparing with its unit is cheaper than
  // a Map lookup, and the walk does one per character.
  private firstUnit = -1;
  private firstChild: TrieNode | undefined = undefined;
  private others: Map<number, TrieNode> | undefined = undefined;

  child(unit: number): TrieNode | undefined {
    return unit === this.firstUnit ? this.firstChild : this.others?.get(unit);
  }

  /** The child for `unit`, made if missing. */
  grow(unit: number): TrieNode {
    let child = this.child(unit);
    if (child) return child;
    child = new TrieNode();
    if (this.firstChild === undefined) {
      this.firstUnit = unit;
      this.firstChild = child;
    } else {
      (this.others ??= new Map()).set(unit, child);
    }
    return child;
  }

  /** Units that lead to a child. */
  units(): number[] {
    return this.firstChild === undefined ? [] : [this.firstUnit, ...(this.others?.keys() ?? [])];
  }
}

/** A cluster's NFKC form (smartypants' quotes and dashes as ASCII), and that form case-folded. */
interface Folded {
  norm: string;
  fold: string;
}

// Per-code-unit flags, filled lazily in `TrieMatcher.info`.
const KNOWN = 1;
/** A cluster starting with this unit may start a match. */
const STARTS = 2;
/** NFKC (with smartypants' quotes and dashes as ASCII) and case folding leave the unit as it is. */
const PLAIN = 4;
/** Belongs to the cluster of the unit before it. */
const COMBINING = 8;
/** Some one-unit form is this unit (folded): the pair filter can't rule it out. */
const SHORT = 16;

const combiningMark = /^\p{M}$/u;

class TrieMatcher implements Matcher {
  constructor(private readonly filters: boolean) {}

  /** Forms compared as written (after NFKC). */
  private readonly sensitive = new TrieNode();
  /** Forms compared case-folded (after NFKC). */
  private readonly insensitive = new TrieNode();
  private hasInsensitive = false;
  /** First units of forms, plus their NFD base, per trie: the start filter. */
  private readonly sensitiveStarts = new Set<number>();
  private readonly insensitiveStarts = new Set<number>();
  /**
   * Second filter, on the first two units of every form (folded, hashed):
   * with thousands of terms most characters start some form, but few pairs do.
   */
  private readonly pairs = new Uint8Array(0x10000);
  private readonly shortForms = new Set<number>();
  /**
   * Third filter, on the first three units of the longer forms: with
   * thousands of katakana terms, two in five katakana pairs start one, and
   * each of those was a trie walk that failed a character later.
   */
  private readonly triples = new Uint8Array(0x10000);
  /** Pairs (hashed) that are whole forms, which the third filter can't rule out. */
  private readonly pairForms = new Uint8Array(0x10000);

  // Caches; they grow with the distinct characters seen, never with text size.
  private readonly info = new Uint8Array(0x10000);
  private readonly charForms = new Map<number, Folded>();
  private readonly clusterForms = new Map<string, Folded>();
  // Candidate ends of the match being walked (see `matchAt`), reused from
  // call to call: allocating them per match was a fifth of its time.
  private readonly candidateEnds: number[] = [];
  private readonly candidateOuts: Output[] = [];
  private readonly candidateLasts: number[] = [];
  private readonly kanjiWords = new KanjiWords();

  add(form: string, key: string, order: number, caseSensitive: boolean): void {
    if (form === '') return;
    // Text matches a form's space with any run of ASCII whitespace (see
    // `matchAt`); whitespace around a form would only take its neighbours'.
    const { norm, fold } = this.foldedText(form.replace(asciiSpaceRun, ' ').replace(asciiSpaceEdges, ''));
    const units = caseSensitive ? norm : fold;
    if (units === '') return;
    let node = caseSensitive ? this.sensitive : this.insensitive;
    for (let index = 0; index < units.length; index++) node = node.grow(units.charCodeAt(index));
    // First term wins a duplicate form.
    node.out ??= { key, order, shortKatakana: startsWithShortKatakana(norm) };
    if (fold.length === 1) {
      this.shortForms.add(fold.charCodeAt(0));
    } else {
      const pair = pairHash(fold.charCodeAt(0), fold.charCodeAt(1));
      this.pairs[pair] = 1;
      if (fold.length === 2) this.pairForms[pair] = 1;
      else this.triples[tripleHash(pair, fold.charCodeAt(2))] = 1;
    }
    if (!caseSensitive) this.hasInsensitive = true;
  }

  /** Settles the start filter; call once after the last `add`. */
  seal(): void {
    collectStarts(this.sensitive, this.sensitiveStarts);
    collectStarts(this.insensitive, this.insensitiveStarts);
    this.info.fill(0);
  }

  find(text: string, accept?: (start: number, end: number) => boolean, after?: () => number, before?: () => string): TermMatch[] {
    const matches: TermMatch[] = [];
    const n = text.length;
    const info = this.info;
    let index = 0;
    while (index < n) {
      const unit = text.charCodeAt(index);
      const flags = info[unit] || this.classify(unit);
      if (flags & STARTS && !(this.filters && this.ruledOut(text, index, unit, flags))) {
        const match = this.matchAt(text, index, accept, after, before);
        if (match) {
          matches.push(match);
          index = match.end;
          continue;
        }
      }
      index++;
      // No match can start inside a run of ASCII letters, digits and `_`:
      // the character before it would be one too. The run's last character
      // is an exception when a combining mark follows (`e` + U+0301 is `é`).
      if (isAsciiWord(unit)) {
        const runStart = index;
        while (index < n && isAsciiWord(text.charCodeAt(index))) index++;
        if (index > runStart && index < n && this.isCombining(text.charCodeAt(index))) index--;
      }
    }
    return matches;
  }

  /**
   * Whether the pair and triple filters prove no form starts at `index`.
   * They only speak when the units are their own normalized, folded forms.
   */
  private ruledOut(text: string, index: number, unit: number, flags: number): boolean {
    if (flags & SHORT || isAsciiSpace(unit)) return false;
    const first = unit < 0x80 ? asciiLower(unit) : flags & PLAIN ? unit : -1;
    if (first < 0) return false;
    if (index + 1 >= text.length) return true;
    const next = text.charCodeAt(index + 1);
    // A run of whitespace is one space to the walk: only the pair can tell.
    if (isAsciiSpace(next)) return this.pairs[pairHash(first, 32)] === 0;
    const second = next < 0x80 ? asciiLower(next) : (this.info[next] || this.classify(next)) & PLAIN ? next : -1;
    if (second < 0) return false;
    // A combining mark after `next` may change what `next` normalizes to.
    if (index + 2 < text.length && this.isCombining(text.charCodeAt(index + 2))) return false;
    const pair = pairHash(first, second);
    if (this.pairs[pair] === 0) return true;
    if (this.pairForms[pair] !== 0) return false;
    // Only forms of three units or more start with this pair.
    if (index + 2 >= text.length) return true;
    const after = text.charCodeAt(index + 2);
    const third = isAsciiSpace(after) ? 32 : after < 0x80 ? asciiLower(after) : (this.info[after] || this.classify(after)) & PLAIN ? after : -1;
    if (third < 0) return false;
    if (index + 3 < text.length && this.isCombining(text.charCodeAt(index + 3))) return false;
    return this.triples[tripleHash(pair, third)] === 0;
  }

  /** The best match starting at `start`, trying shorter forms when a boundary fails. */
  private matchAt(
    text: string,
    start: number,
    accept: ((start: number, end: number) => boolean) | undefined,
    after: (() => number) | undefined,
    before: (() => string) | undefined,
  ): TermMatch | undefined {
    const n = text.length;
    let sNode: TrieNode | undefined = this.sensitive;
    let iNode: TrieNode | undefined = this.hasInsensitive ? this.insensitive : undefined;
    // Candidate ends, longest last; each with its output and last normalized unit.
    const ends = this.candidateEnds;
    const outs = this.candidateOuts;
    const lasts = this.candidateLasts;
    let candidates = 0;
    let pos = start;

    while (pos < n && (sNode || iNode)) {
      const from = pos;
      const unit = text.charCodeAt(pos);
      const following = pos + 1 < n ? text.charCodeAt(pos + 1) : 0;
      let first: number;
      let last: number;
      if (isAsciiSpace(unit) && !this.isCombining(following)) {
        // A line break, a tab or several spaces show as one space, and are
        // one to a form: `AWS Load Balancer⏎Controller` is the term.
        sNode = sNode?.child(32);
        iNode = iNode?.child(32);
        first = last = 32;
        pos++;
        while (pos < n && isAsciiSpace(text.charCodeAt(pos)) && !this.isCombining(pos + 1 < n ? text.charCodeAt(pos + 1) : 0)) pos++;
      } else if (unit < 0x80 && following < 0x300) {
        sNode = sNode?.child(unit);
        iNode = iNode?.child(asciiLower(unit));
        first = last = unit;
        pos++;
      } else {
        const flags = this.info[unit] || this.classify(unit);
        if (flags & COMBINING) break; // a match never starts or ends inside a cluster
        // A plain unit before a mark, or before an ideographic variation
        // selector (a surrogate pair, not in `info`), is a longer cluster.
        if (flags & PLAIN && following !== ivsHigh && !this.isCombining(following)) {
          sNode = sNode?.child(unit);
          iNode = iNode?.child(unit);
          first = last = unit;
          pos++;
        } else {
          const end = this.clusterEnd(text, pos);
          const { norm, fold } = this.forms(text, pos, end);
          // Only a selector with no character before it normalizes to nothing.
          if (norm === '') break;
          sNode = walk(sNode, norm);
          iNode = walk(iNode, fold);
          first = norm.charCodeAt(0);
          last = norm.charCodeAt(norm.length - 1);
          pos = end;
        }
      }
      // The start boundary holds for every form at this position or for none.
      if (from === start && isAsciiVisible(first) && (this.wordBefore(text, start) || (isAsciiWord(first) && this.dottedBefore(text, start)))) return undefined;
      const sOut = sNode?.out;
      const iOut = iNode?.out;
      if (sOut || iOut) {
        const out = sOut && iOut ? (sOut.order <= iOut.order ? sOut : iOut) : (sOut ?? iOut)!;
        ends[candidates] = pos;
        outs[candidates] = out;
        lasts[candidates] = last;
        candidates++;
      }
    }

    // Every form here starts at `start`: inside a word of kanji, none may.
    if (candidates > 0 && start > 0 && isKanji(text.charCodeAt(start)) && isKanji(text.charCodeAt(start - 1)) && !this.kanjiWords.boundaryAt(text, start)) {
      return undefined;
    }
    // Asked once, for the first short katakana form: whether the match
    // would start inside a katakana word that no form ends in at `start`.
    let midWord: boolean | undefined;
    for (let candidate = candidates - 1; candidate >= 0; candidate--) {
      const end = ends[candidate]!;
      if (outs[candidate]!.shortKatakana && (midWord ??= this.insideKatakanaWord(text, start, before))) continue;
      if (isAsciiVisible(lasts[candidate]!) && this.wordAt(text, end)) continue;
      if (isAsciiWord(lasts[candidate]!) && end + 1 < n && isDot(text.charCodeAt(end)) && this.wordAt(text, end + 1)) continue;
      // A long-vowel mark belongs to the kana before it: `コンテナー` is a
      // spelling of its own (see kana-variants.ts), not `コンテナ` and `ー`.
      if (isKana(lasts[candidate]!) && end < n && isLongVowelMark(text.charCodeAt(end))) continue;
      // A katakana word goes on: the compound names something else
      // (`ポッドキャスト` is no Pod; see the rules above).
      if (isKatakana(lasts[candidate]!) && isKatakana(end < n ? text.charCodeAt(end) : after ? after() : NaN)) continue;
      // Nor does a kanji term end inside a word of kanji (`認可` in `確認可能`).
      if (isKanji(lasts[candidate]!) && end < n && isKanji(text.charCodeAt(end)) && !this.kanjiWords.boundaryAt(text, end)) continue;
      if (accept && !accept(start, end)) continue;
      return { start, end, key: outs[candidate]!.key };
    }
    return undefined;
  }

  /**
   * Whether `start` is inside a katakana word, past a part of fewer than
   * four kana that is no form: `ロ` in `ブログ`, but not in `アクセスログ`,
   * nor in `サーバーログ` when `サーバー` is a form, nor after long-vowel
   * marks alone (`結果ーログ`, a dash). When the word reaches back to the
   * start of `text` (a run the caller cut off at a tag), `before` gives
   * what a reader sees there. It looks back `katakanaReach` units at most:
   * so long a run of marks is no word, and a long note costs no more.
   */
  private insideKatakanaWord(text: string, start: number, before: (() => string) | undefined): boolean {
    const near = this.katakanaBefore(text, start, katakanaReach, 0);
    if (near.kana >= 4) return false;
    let kana = near.kana;
    let part = text.slice(near.start, start);
    if (near.start === 0 && before) {
      const seen = before();
      const far = this.katakanaBefore(seen, seen.length, katakanaReach - part.length, kana);
      if (far.kana >= 4) return false;
      kana = far.kana;
      part = seen.slice(far.start) + part;
    }
    if (kana === 0) return false;
    for (let from = 0; from < part.length; from++) {
      if (this.isCombining(part.charCodeAt(from))) continue;
      if (this.formSpans(part, from, part.length)) return false;
    }
    return true;
  }

  /**
   * Where the katakana word that `text` has just before `end` starts,
   * reading back at most `room` units, and its kana (`counted` so far, plus
   * those read; long-vowel and combining marks not counted), up to four.
   */
  private katakanaBefore(text: string, end: number, room: number, counted: number): { start: number; kana: number } {
    let kana = counted;
    let at = end;
    for (; at > 0 && end - at < room; at--) {
      const unit = text.charCodeAt(at - 1);
      if (this.isCombining(unit)) continue;
      if (!isKatakana(unit)) break;
      if (!isLongVowelMark(unit) && ++kana >= 4) break;
    }
    return { start: at, kana };
  }

  /** Whether `text[from, to)` is a whole form, compared as text is. */
  private formSpans(text: string, from: number, to: number): boolean {
    const { norm, fold } = this.foldedText(text.slice(from, to));
    return walk(this.sensitive, norm)?.out !== undefined || (this.hasInsensitive && walk(this.insensitive, fold)?.out !== undefined);
  }

  /** Whether a dot stands just before `index`, after an ASCII letter, digit or `_` (`api.` in `api.example.com`). */
  private dottedBefore(text: string, index: number): boolean {
    return index > 1 && isDot(text.charCodeAt(index - 1)) && this.wordBefore(text, index - 1);
  }

  /** Whether the normalized text just before `index` ends with an ASCII letter, digit or `_`. */
  private wordBefore(text: string, index: number): boolean {
    if (index === 0) return false;
    const unit = text.charCodeAt(index - 1);
    if (unit < 0x80) return isAsciiWord(unit);
    if ((this.info[unit] || this.classify(unit)) & PLAIN) return false;
    // The whole cluster before `index`: a mark or a variation selector
    // belongs to the character before it (`EKS` U+FE0F `EKS` reads as `EKSEKS`).
    let from = index;
    for (;;) {
      const last = text.charCodeAt(from - 1);
      if (this.isCombining(last)) from--;
      else if (from > 1 && isIvsLow(last) && text.charCodeAt(from - 2) === ivsHigh) from -= 2;
      else break;
      if (from === 0) return false; // marks with no character before them
    }
    from--;
    if (isLowSurrogate(text.charCodeAt(from)) && from > 0 && isHighSurrogate(text.charCodeAt(from - 1))) from--;
    const { norm } = this.forms(text, from, index);
    return isAsciiWord(norm.charCodeAt(norm.length - 1));
  }

  /** Whether the normalized cluster at `index` starts with an ASCII letter, digit or `_`. */
  private wordAt(text: string, index: number): boolean {
    if (index >= text.length) return false;
    const unit = text.charCodeAt(index);
    const following = index + 1 < text.length ? text.charCodeAt(index + 1) : 0;
    if (unit < 0x80 && following < 0x300) return isAsciiWord(unit);
    // A plain unit (kana after `EKS` in `EKSでは`) starts its cluster's
    // normalized form, marks or selectors after it or not: no lookup needed.
    if (unit >= 0x80 && (this.info[unit] || this.classify(unit)) & PLAIN) return false;
    const { norm } = this.forms(text, index, this.clusterEnd(text, index));
    return isAsciiWord(norm.charCodeAt(0));
  }

  /** End of the cluster starting at `index`: a code point and its combining marks (ideographic variation selectors too). */
  private clusterEnd(text: string, index: number): number {
    const n = text.length;
    let end = index + 1;
    if (isHighSurrogate(text.charCodeAt(index)) && end < n && isLowSurrogate(text.charCodeAt(end))) end++;
    while (end < n) {
      const unit = text.charCodeAt(end);
      if (this.isCombining(unit)) end++;
      else if (unit === ivsHigh && end + 1 < n && isIvsLow(text.charCodeAt(end + 1))) end += 2;
      else break;
    }
    return end;
  }

  private isCombining(unit: number): boolean {
    if (unit < 0x300) return false;
    return ((this.info[unit] || this.classify(unit)) & COMBINING) !== 0;
  }

  /** NFKC and folded forms of `text[start, end)`, cached. */
  private forms(text: string, start: number, end: number): Folded {
    if (end - start === 1) return this.charFolded(text.charCodeAt(start));
    const cluster = text.slice(start, end);
    let folded = this.clusterForms.get(cluster);
    if (!folded) {
      folded = computeFolded(cluster);
      this.clusterForms.set(cluster, folded);
    }
    return folded;
  }

  private charFolded(unit: number): Folded {
    let folded = this.charForms.get(unit);
    if (!folded) {
      const char = String.fromCharCode(unit);
      folded = isStable(unit) ? { norm: char, fold: char } : computeFolded(char);
      this.charForms.set(unit, folded);
    }
    return folded;
  }

  /** Normalized and folded forms of a whole string (a term form), cluster by cluster. */
  private foldedText(text: string): Folded {
    let norm = '';
    let fold = '';
    for (let index = 0; index < text.length; ) {
      const end = this.clusterEnd(text, index);
      const forms = this.forms(text, index, end);
      norm += forms.norm;
      fold += forms.fold;
      index = end;
    }
    return { norm, fold };
  }

  /** Computes and stores the flags of one code unit. */
  private classify(unit: number): number {
    let flags = KNOWN;
    if (isHighSurrogate(unit)) {
      flags |= STARTS; // decided by the walk, which sees the whole pair
    } else if (isLowSurrogate(unit)) {
      // a lone low surrogate starts nothing
    } else if (unit === 0xff9e || unit === 0xff9f || combiningMark.test(String.fromCharCode(unit))) {
      flags |= COMBINING;
    } else {
      const { norm, fold } = unit < 0x80 ? asciiFolded(unit) : this.charFolded(unit);
      const char = String.fromCharCode(unit);
      if (norm === char && fold === char) flags |= PLAIN;
      if (
        this.sensitiveStarts.has(norm.charCodeAt(0)) ||
        (this.hasInsensitive && this.insensitiveStarts.has(fold.charCodeAt(0)))
      ) {
        flags |= STARTS;
      }
      if (fold.length === 1 && this.shortForms.has(fold.charCodeAt(0))) flags |= SHORT;
    }
    this.info[unit] = flags;
    return flags;
  }
}

function walk(node: TrieNode | undefined, units: string): TrieNode | undefined {
  for (let index = 0; node && index < units.length; index++) {
    node = node.child(units.charCodeAt(index));
  }
  return node;
}

/**
 * First units of the forms, plus the base of their canonical decomposition,
 * so that `カ` followed by a combining mark (which may compose to `ガ`) is
 * still looked at.
 */
function collectStarts(root: TrieNode, starts: Set<number>): void {
  for (const unit of root.units()) {
    starts.add(unit);
    starts.add(String.fromCharCode(unit).normalize('NFD').charCodeAt(0));
  }
}

/** What smartypants makes of ASCII quotes and dashes (see the top of this file). */
const smartPunctuation = /[\u2013\u2014\u2018\u2019\u201c\u201d]/g;
const smartToAscii: Readonly<Record<string, string>> = {
  '\u2013': '--',
  '\u2014': '---',
  '\u2018': "'",
  '\u2019': "'",
  '\u201c': '"',
  '\u201d': '"',
};

// Called once per distinct cluster (the results are cached), never per
// character of text: the replace costs nothing on the hot path.
/**
 * `text` as the matcher compares it, before case: NFKC, with smartypants'
 * quotes and dashes as ASCII. For looking up a name the way text is matched.
 */
export function comparableForm(text: string): string {
  return text.normalize('NFKC').replace(smartPunctuation, (char) => smartToAscii[char]!).replace(variationSelectors, '');
}

/**
 * Variation selectors pick a glyph of the character before them (`葛`
 * U+E0100 is a `葛` drawn otherwise; U+FE0F asks for an emoji's colour form): the
 * same character to a reader, and to the matcher.
 */
const variationSelectors = /[\uFE00-\uFE0F]|\uDB40[\uDD00-\uDDEF]/g;
/** An ideographic variation selector (U+E0100–U+E01EF) is this high surrogate and a low one from U+DD00 to U+DDEF. */
const ivsHigh = 0xdb40;

function isIvsLow(unit: number): boolean {
  return unit >= 0xdd00 && unit <= 0xddef;
}

/**
 * `text` case-folded character by character, as the matcher folds each
 * cluster: lower, upper, lower, so `ß` is `ss` and `ς` is `σ` (a plain
 * toLowerCase() leaves `Straße` and `STRASSE` apart, which the matcher
 * takes for one). For looking up a name the way text is matched.
 */
export function caseFold(text: string): string {
  let folded = '';
  for (const char of text) folded += char.toLowerCase().toUpperCase().toLowerCase();
  return folded;
}

function computeFolded(cluster: string): Folded {
  // NFKC leaves these characters alone. A dash becomes two or three units,
  // which the walk and the offsets handle as they handle `㌔` (`キロ`).
  const norm = comparableForm(cluster);
  // Lower, upper, lower: maps ß/ẞ to ss and ς to σ, like full case folding.
  return { norm, fold: norm.toLowerCase().toUpperCase().toLowerCase() };
}

function asciiFolded(unit: number): Folded {
  const char = String.fromCharCode(unit);
  return { norm: char, fold: unit >= 65 && unit <= 90 ? String.fromCharCode(unit + 32) : char };
}

/** Units NFKC leaves alone and that have no case: kana, CJK, Hangul, CJK punctuation. */
function isStable(unit: number): boolean {
  return (
    (unit >= 0x3001 && unit <= 0x3035) ||
    (unit >= 0x3041 && unit <= 0x3096) ||
    (unit >= 0x30a0 && unit <= 0x30fe) ||
    (unit >= 0x3400 && unit <= 0x4dbf) ||
    (unit >= 0x4e00 && unit <= 0x9fff) ||
    (unit >= 0xac00 && unit <= 0xd7a3)
  );
}

function pairHash(first: number, second: number): number {
  return (Math.imul(first, 31) + second) & 0xffff;
}

/** Fibonacci hashing of the pair's hash and the third unit, both 16 bits. */
function tripleHash(pair: number, third: number): number {
  return Math.imul((pair << 16) | third, 0x9e3779b1) >>> 16;
}

function asciiLower(unit: number): number {
  return unit >= 65 && unit <= 90 ? unit + 32 : unit;
}

/** Hiragana and katakana (full-width, as NFKC gives them). */
function isKana(unit: number): boolean {
  return unit >= 0x3041 && unit <= 0x30ff;
}

/** How far back, in UTF-16 units, the katakana rule reads for the word a short form would start inside. */
const katakanaReach = 64;

/** `.`, full-width too. */
function isDot(unit: number): boolean {
  return unit === 46 || unit === 0xff0e;
}

/** Whitespace as HTML collapses it: space, tab, line feed, form feed, carriage return. */
function isAsciiSpace(unit: number): boolean {
  return unit === 32 || unit === 9 || unit === 10 || unit === 12 || unit === 13;
}

const asciiSpaceRun = /[ \t\n\f\r]+/g;
const asciiSpaceEdges = /^ | $/g;
