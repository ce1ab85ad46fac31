/**
 * Near-miss spellings of glossary terms in prose: `CloudCormation` for
 * `CloudFormation`, `Spot Instans` for `Spot Instance`, `Livenss Probe`,
 * `livenessProve`, `Readinessprove`.
 *
 * Words and phrases are compared with their spaces, hyphens and camelCase
 * boundaries removed and case folded (`livenessProve` ~ `Liveness Probe`),
 * by Damerau-Levenshtein distance: at most 1 when the shorter side has 5–8
 * letters, at most 2 from 9 letters on, never below 5.
 *
 * What keeps false alarms down, since a warning nobody trusts is noise:
 * - words that already spell a term (any case, plural `s`/`es`/`ies`) are
 *   taken as correct first, and no candidate overlaps them, so
 *   `a CloudFormation` is never "near" `CloudFormation`;
 * - a candidate has no more space-separated words than the term, so short
 *   words next to a term never make a near miss;
 * - capitals-only words and words with digits must appear as they are in the
 *   term: `Amazon ECS` is not a misspelling of `Amazon EKS`;
 * - a candidate that is a common word (`isCommonWord`, e.g. an English
 *   dictionary) is never reported: `prove` is a word, `livenessprove` is not.
 * Only terms written in ASCII are compared here; katakana spellings that
 * vary the way loanwords do are found by kana-variants.ts, and
 * case-sensitive terms written in another case by case-misses.ts.
 */
import { asciiWords, type AsciiWord } from './ascii-words.js';
import { editDistance } from './edit-distance.js';

/** One spelling (key or alias) of a term. */
export interface TermSpelling {
  key: string;
  form: string;
}

export interface NearMiss {
  file: string;
  line: number;
  column: number;
  /** The text as written. */
  text: string;
  /** The spelling it is closest to. */
  suggestion: string;
  /** The term of that spelling. */
  key: string;
  distance: number;
}

export interface NearMissOptions {
  /** Words (lowercase, spaces removed) never reported. Default: none. */
  isCommonWord?: ((word: string) => boolean) | undefined;
}

export interface SpellChecker {
  /** Near misses in the prose lines of one file. */
  check(file: string, lines: readonly string[]): NearMiss[];
}

/** Fewest letters a candidate needs to be compared at all. */
export const minimumLength = 5;

/** The largest distance accepted between spellings of these lengths. */
export function allowedDistance(length: number): number {
  if (length >= 9) return 2;
  if (length >= minimumLength) return 1;
  return 0;
}

interface PreparedForm {
  spelling: TermSpelling;
  squashed: string;
  /** Space- or hyphen-separated groups. */
  segments: number;
  /** Words that must be written exactly: capitals only, or with digits. */
  strict: Set<string>;
  /** Letter and digit counts of `squashed`, for a quick lower bound on the distance. */
  counts: Uint8Array;
}

/** Verdicts remembered at most; past this the memory is cleared (a site has few distinct misspellings). */
const maxRemembered = 200_000;

export function createSpellChecker(spellings: readonly TermSpelling[], options: NearMissOptions = {}): SpellChecker {
  const isCommonWord = options.isCommonWord ?? (() => false);
  const exact = new Set<string>();
  const byLength = new Map<number, PreparedForm[]>();
  let maxWords = 1;
  let maxLength = 0;

  for (const spelling of spellings) {
    const form = spelling.form.normalize('NFKC');
    if (!/^[\x20-\x7e]+$/.test(form) || !/[A-Za-z]/.test(form)) continue;
    const words = asciiWords(form);
    const squashed = squash(words);
    if (!squashed) continue;
    exact.add(squashed);
    maxWords = Math.max(maxWords, words.length);
    maxLength = Math.max(maxLength, squashed.length);
    const prepared: PreparedForm = {
      spelling,
      squashed,
      segments: segmentsOf(words),
      strict: new Set(words.filter((word) => isStrict(word.text)).map((word) => word.text)),
      counts: letterCounts(squashed),
    };
    const list = byLength.get(squashed.length);
    if (list) list.push(prepared);
    else byLength.set(squashed.length, [prepared]);
  }

  const isExact = (squashed: string): boolean =>
    exact.has(squashed) ||
    (squashed.endsWith('s') && exact.has(squashed.slice(0, -1))) ||
    (squashed.endsWith('es') && exact.has(squashed.slice(0, -2))) ||
    (squashed.endsWith('ies') && exact.has(`${squashed.slice(0, -3)}y`));

  // Candidates repeat a lot across notes; remember each verdict.
  const verdicts = new Map<string, { form: PreparedForm; distance: number } | null>();
  const closest = (words: readonly AsciiWord[], written: string): { form: PreparedForm; distance: number } | null => {
    const squashed = squash(words);
    const segments = segmentsOf(words);
    const cacheKey = `${segments}\0${written}`;
    const known = verdicts.get(cacheKey);
    if (known !== undefined) return known;
    let best: { form: PreparedForm; distance: number } | null = null;
    if (squashed.length >= minimumLength && !isCommonWord(squashed)) {
      const strict = words.filter((word) => isStrict(word.text)).map((word) => word.text);
      const counts = letterCounts(squashed);
      for (let length = squashed.length - 2; length <= squashed.length + 2; length++) {
        for (const form of byLength.get(length) ?? []) {
          if (segments > form.segments) continue;
          if (strict.some((word) => !form.strict.has(word))) continue;
          const allowed = allowedDistance(Math.min(squashed.length, form.squashed.length));
          if (allowed === 0 || !withinCounts(counts, form.counts, allowed)) continue;
          const distance = editDistance(squashed, form.squashed, allowed);
          if (distance === 0 || distance > allowed) continue;
          // Of equally close spellings, suggest the one written most like the text: livenessProve → livenessProbe.
          if (!best || distance < best.distance || (distance === best.distance && closerAsWritten(written, form, best.form))) {
            best = { form, distance };
          }
        }
      }
    }
    if (verdicts.size >= maxRemembered) verdicts.clear();
    verdicts.set(cacheKey, best);
    return best;
  };

  return {
    check(file, lines) {
      const misses: NearMiss[] = [];
      lines.forEach((line, index) => {
        if (!/[A-Za-z]/.test(line)) return;
        const words = asciiWords(line);
        const correct = markCorrect(words, isExact, maxWords, maxLength + 3);
        for (let start = 0; start < words.length; ) {
          if (correct[start]) {
            start++;
            continue;
          }
          // The longest run of joined words from here that touches nothing correct.
          let limit = 1;
          while (
            limit < maxWords &&
            start + limit < words.length &&
            !correct[start + limit] &&
            words[start + limit]!.joint !== undefined &&
            words[start + limit]!.end - words[start]!.start <= maxLength * 2
          ) {
            limit++;
          }
          let found = false;
          for (let count = limit; count >= 1; count--) {
            const last = words[start + count - 1]!;
            const squashedLength = lettersBetween(words, start, count);
            if (squashedLength < minimumLength || squashedLength > maxLength + 2) continue;
            const candidate = words.slice(start, start + count);
            const first = candidate[0]!;
            const verdict = closest(candidate, line.slice(first.start, last.end));
            if (!verdict) continue;
            misses.push({
              file,
              line: index + 1,
              column: first.start + 1,
              text: line.slice(first.start, last.end),
              suggestion: verdict.form.spelling.form,
              key: verdict.form.spelling.key,
              distance: verdict.distance,
            });
            start += count;
            found = true;
            break;
          }
          if (!found) start++;
        }
      });
      return misses;
    },
  };
}

/**
 * The spelling closest to `name` (compared case-folded, under NFKC), for
 * "did you mean" in a message about a name nothing spells: within 1 edit
 * from 3 characters on, 2 from 9 on. Unlike prose, a name the author typed
 * on purpose is worth a guess even when short. The earliest spelling wins a tie.
 */
export function closestSpelling(name: string, spellings: readonly string[]): string | undefined {
  const folded = fold(name);
  const allowed = folded.length >= 9 ? 2 : folded.length >= 3 ? 1 : 0;
  if (allowed === 0) return undefined;
  let best: { spelling: string; distance: number } | undefined;
  for (const spelling of spellings) {
    const distance = editDistance(folded, fold(spelling), best ? best.distance - 1 : allowed);
    if (distance <= (best ? best.distance - 1 : allowed)) best = { spelling, distance };
  }
  return best?.spelling;
}

function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function closerAsWritten(written: string, form: PreparedForm, than: PreparedForm): boolean {
  return editDistance(written, form.spelling.form) < editDistance(written, than.spelling.form);
}

/** Marks the words that spell a term, longest spelling first, left to right. */
function markCorrect(words: readonly AsciiWord[], isExact: (squashed: string) => boolean, maxWords: number, maxLength: number): boolean[] {
  const correct = new Array<boolean>(words.length).fill(false);
  for (let start = 0; start < words.length; ) {
    let limit = 1;
    while (limit < maxWords + 1 && start + limit < words.length && words[start + limit]!.joint !== undefined) limit++;
    let matched = 0;
    for (let count = limit; count >= 1; count--) {
      if (lettersBetween(words, start, count) <= maxLength && isExact(squash(words.slice(start, start + count)))) {
        matched = count;
        break;
      }
    }
    if (matched === 0) {
      start++;
      continue;
    }
    for (let index = start; index < start + matched; index++) correct[index] = true;
    start += matched;
  }
  return correct;
}

/** How often each letter and digit occurs (saturating at 255). */
function letterCounts(squashed: string): Uint8Array {
  const counts = new Uint8Array(36);
  for (let index = 0; index < squashed.length; index++) {
    const code = squashed.charCodeAt(index);
    const slot = code >= 97 && code <= 122 ? code - 97 : code >= 48 && code <= 57 ? code - 22 : -1;
    if (slot >= 0 && counts[slot]! < 255) counts[slot]!++;
  }
  return counts;
}

/**
 * A cheap bound that rules out most pairs before the real distance: each
 * edit changes the letter counts by at most 2 in total (a swap by none).
 */
function withinCounts(a: Uint8Array, b: Uint8Array, distance: number): boolean {
  let difference = 0;
  for (let slot = 0; slot < 36; slot++) {
    difference += Math.abs(a[slot]! - b[slot]!);
    if (difference > 2 * distance) return false;
  }
  return true;
}

/** Letters and digits of `count` words from `start`. */
function lettersBetween(words: readonly AsciiWord[], start: number, count: number): number {
  let length = 0;
  for (let index = start; index < start + count; index++) length += words[index]!.text.length;
  return length;
}

function squash(words: readonly AsciiWord[]): string {
  return words.map((word) => word.text).join('').toLowerCase();
}

function segmentsOf(words: readonly AsciiWord[]): number {
  let segments = 0;
  words.forEach((word, index) => {
    if (index === 0 || word.joint !== '') segments++;
  });
  return segments;
}

/** Capitals-only words of two or more letters, and words with digits. */
function isStrict(word: string): boolean {
  return /[0-9]/.test(word) || /^[A-Z]{2,}$/.test(word);
}
