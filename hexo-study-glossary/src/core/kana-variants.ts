/**
 * Katakana spellings of glossary terms that differ from every spelling the
 * glossary gives only in the ways katakana loanwords vary between writers:
 * - a long-vowel mark kept or dropped: `アベイラビリティーゾーン`, `コンテナー`;
 * - a middle dot or a space between the parts: `ロード・バランサー`;
 * - small or full-size kana: `ウインドウ` for `ウィンドウ`, `サブネツト`;
 * - ヴ for the バ row: `ヴァリデーション` for `バリデーション`;
 * - ヂ and ヅ for ジ and ズ.
 *
 * The matcher links exact spellings only (under NFKC), so a note that
 * writes a term another way silently misses its link. `hexo terms check`
 * reports these next to the ASCII near misses (see near-misses.ts), with
 * the glossary's spelling as the suggestion; adding the variant as an alias
 * links it from then on.
 *
 * Terms written in katakana only are compared. Those whose normalized
 * form has at least `minimumKanaLength` kana are looked for anywhere in a
 * run of katakana, where the longest variant found wins, left to right, as
 * the matcher would link. Shorter ones only as a whole run: `サーバー` and
 * `サーバ` both reduce to `サバ`, which `サバイバル` also starts with.
 */
import { editDistance } from './edit-distance.js';
import type { NearMiss, SpellChecker, TermSpelling } from './near-misses.js';

/** Fewest kana a term's normalized form needs to be compared at all. */
export const minimumKanaLength = 4;

/**
 * Katakana (full- and half-width, with voiced marks as combining
 * characters too, as decomposed (NFD) text has them) with ・
 * and ー, possibly split by single spaces.
 */
const katakanaRun = /[\u30a1-\u30fa\u30fb-\u30fe\uff65-\uff9f][\u30a1-\u30fa\u30fb-\u30fe\uff65-\uff9f\u3099\u309a]*(?:[ \u3000][\u30a1-\u30fa\u30fb-\u30fe\uff65-\uff9f][\u30a1-\u30fa\u30fb-\u30fe\uff65-\uff9f\u3099\u309a]*)*/g;
const katakanaOnly = /^[\u30a1-\u30fa\u30fc-\u30fe]+(?:[ \u3000・][\u30a1-\u30fa\u30fc-\u30fe]+)*$/;

/** Left out of the normalized form: long-vowel mark, middle dot, spaces. */
const ignored = new Set(['ー', '・', ' ', '\u3000']);

const fullSize: Readonly<Record<string, string>> = {
  ァ: 'ア',
  ィ: 'イ',
  ゥ: 'ウ',
  ェ: 'エ',
  ォ: 'オ',
  ッ: 'ツ',
  ャ: 'ヤ',
  ュ: 'ユ',
  ョ: 'ヨ',
  ヮ: 'ワ',
  ヵ: 'カ',
  ヶ: 'ケ',
  ヂ: 'ジ',
  ヅ: 'ズ',
};

/** ヴ and the small vowel after it, as the バ row. */
const vuSyllables: Readonly<Record<string, string>> = { ァ: 'バ', ィ: 'ビ', ゥ: 'ブ', ェ: 'ベ', ォ: 'ボ' };

interface Normalized {
  /** The form every variant shares. */
  key: string;
  /** For each unit of `key`, where the text it came from starts and ends. */
  from: number[];
  to: number[];
}

/** The shared form of a katakana text (already NFKC). */
export function kanaVariantKey(text: string): string {
  return normalize(text).key;
}

function normalize(text: string): Normalized {
  let key = '';
  const from: number[] = [];
  const to: number[] = [];
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (ignored.has(char)) continue;
    from.push(index);
    if (char === 'ヴ') {
      const vowel = vuSyllables[text[index + 1] ?? ''];
      key += vowel ?? 'ブ';
      // ヴァ is one unit of the key, from two of the text.
      if (vowel) index++;
    } else {
      key += fullSize[char] ?? char;
    }
    to.push(index + 1);
  }
  return { key, from, to };
}

interface KanaForm {
  spelling: TermSpelling;
  /** The spelling under NFKC, as notes are compared. */
  written: string;
}

export function createKanaVariantChecker(spellings: readonly TermSpelling[]): SpellChecker {
  /** Every spelling of every term, katakana or not: text written so is never a variant. */
  const exact = new Set(spellings.map((spelling) => spelling.form.normalize('NFKC')));
  /** Katakana spellings by their shared form; the first spelling of a form is the suggestion. */
  const byKey = new Map<string, KanaForm>();
  /** The shared forms by their first two kana, to try few at each position. */
  const byStart = new Map<string, string[]>();
  /** Katakana spellings too short to look for inside longer words, by their shared form. */
  const wholeWords = new Map<string, KanaForm>();

  for (const spelling of spellings) {
    const written = spelling.form.normalize('NFKC');
    if (!katakanaOnly.test(written)) continue;
    const key = kanaVariantKey(written);
    if (key.length < minimumKanaLength) {
      if (key.length >= 2 && !wholeWords.has(key)) wholeWords.set(key, { spelling, written });
      continue;
    }
    if (byKey.has(key)) continue;
    byKey.set(key, { spelling, written });
    const start = key.slice(0, 2);
    const list = byStart.get(start);
    if (list) list.push(key);
    else byStart.set(start, [key]);
  }
  // Longest first, so that the first one found at a position is the longest.
  for (const list of byStart.values()) list.sort((a, b) => b.length - a.length);
  // Made per checker, not as the module loads: every build imports this
  // module (through check-terms.ts), and making a segmenter loads ICU's
  // Japanese break rules, about 9–16 ms that only `hexo terms` needs.
  const graphemes = new Intl.Segmenter('ja', { granularity: 'grapheme' });

  return {
    check(file, lines) {
      const misses: NearMiss[] = [];
      if (byKey.size === 0 && wholeWords.size === 0) return misses;
      lines.forEach((line, lineIndex) => {
        // `written` as the note has it; `normalized`, under NFKC, as it is compared.
        const report = (form: KanaForm, written: string, normalized: string, column: number) =>
          misses.push({
            file,
            line: lineIndex + 1,
            column,
            text: written,
            suggestion: form.spelling.form,
            key: form.spelling.key,
            distance: editDistance(normalized, form.written),
          });
        for (const run of line.matchAll(katakanaRun)) {
          // Compared under NFKC, quoted as written: `ｺﾝﾃﾅｰ` is reported as it
          // stands in the note, at its own column.
          const { text, origin } = nfkcWithOrigins(run[0], graphemes);
          const { key, from, to } = normalize(text);
          const asWritten = (start: number, end: number) => run[0].slice(origin[start], origin[end]);
          const whole = wholeWords.get(key);
          if (whole) {
            if (!exact.has(text)) report(whole, run[0], text, run.index + 1);
            continue;
          }
          for (let index = 0; index + minimumKanaLength <= key.length; ) {
            const found = (byStart.get(key.slice(index, index + 2)) ?? []).find((candidate) => key.startsWith(candidate, index));
            if (!found) {
              index++;
              continue;
            }
            const form = byKey.get(found)!;
            const start = from[index]!;
            let end = to[index + found.length - 1]!;
            // A long-vowel mark right after the last kana belongs to the word:
            // `コンテナー` is a variant of `コンテナ`, not `コンテナ` and a mark.
            while (text[end] === 'ー') end++;
            const written = text.slice(start, end);
            if (!exact.has(written)) report(form, asWritten(start, end), written, run.index + origin[start]! + 1);
            index += found.length;
          }
        }
      });
      return misses;
    },
  };
}

/**
 * `run` under NFKC, with, for each unit of it (and one past its end), where
 * in `run` the character it came from starts. Half-width katakana takes
 * fewer units under NFKC (`ｶﾞ` is `ガ`): a whole grapheme is normalized at a
 * time, so that a voiced mark stays with its kana.
 */
function nfkcWithOrigins(run: string, graphemes: Intl.Segmenter): { text: string; origin: number[] } {
  let text = '';
  const origin: number[] = [];
  for (const { segment, index } of graphemes.segment(run)) {
    const normalized = segment.normalize('NFKC');
    text += normalized;
    for (let unit = 0; unit < normalized.length; unit++) origin.push(index);
  }
  origin.push(run.length);
  return { text, origin };
}
