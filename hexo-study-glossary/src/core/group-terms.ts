/**
 * Groups glossary terms for the index page, the way a Japanese reader looks
 * them up: Latin letters A–Z first, then the kana rows (あ か さ た な は ま
 * や ら わ), then everything else (その他).
 *
 * - A term whose key starts with a Latin letter (after NFKC, accents
 *   removed) goes under that letter: readers look a term up by the word
 *   they met in their notes, which is the key, not the display title.
 * - Otherwise its `reading` decides the kana row when given, else the key
 *   itself when it starts with kana. Katakana counts as hiragana, voiced
 *   and small kana fold to their row (が→か, ぱ→は, ゃ→や), and a leading
 *   long-vowel mark `ー` is ignored.
 * - Anything else (digits, kanji without a reading, symbols) is その他.
 *
 * Inside a group, terms are ordered by reading (as hiragana) or key with a
 * Japanese collator, then by key, so the order never depends on input order.
 */

/** What grouping needs to know of a term. */
export interface GroupableTerm {
  key: string;
  reading?: string | undefined;
}

export interface TermGroup<T extends GroupableTerm> {
  /** Stable, ASCII-only id, usable as an HTML id (`A`, `kana-ka`, `other`). */
  id: string;
  /** What the reader sees (`A`, `か`, `その他`). */
  label: string;
  terms: T[];
}

/** The kana rows in order: label, id, and the hiragana of each row. */
const kanaRows: readonly { label: string; id: string; kana: string }[] = [
  { label: 'あ', id: 'kana-a', kana: 'あいうえおぁぃぅぇぉゔ' },
  { label: 'か', id: 'kana-ka', kana: 'かきくけこゕゖ' },
  { label: 'さ', id: 'kana-sa', kana: 'さしすせそ' },
  { label: 'た', id: 'kana-ta', kana: 'たちつてとっ' },
  { label: 'な', id: 'kana-na', kana: 'なにぬねの' },
  { label: 'は', id: 'kana-ha', kana: 'はひふへほ' },
  { label: 'ま', id: 'kana-ma', kana: 'まみむめも' },
  { label: 'や', id: 'kana-ya', kana: 'やゆよゃゅょ' },
  { label: 'ら', id: 'kana-ra', kana: 'らりるれろ' },
  { label: 'わ', id: 'kana-wa', kana: 'わゐゑをんゎ' },
];

export const otherGroup = { label: 'その他', id: 'other' } as const;

const latinLetters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Order of every possible group id, for sorting groups. */
const groupOrder: ReadonlyMap<string, number> = new Map(
  [...latinLetters, ...kanaRows.map((row) => row.id), otherGroup.id].map((id, index) => [id, index]),
);

const rowOfKana: ReadonlyMap<string, (typeof kanaRows)[number]> = new Map(kanaRows.flatMap((row) => [...row.kana].map((kana) => [kana, row] as const)));

const collator = new Intl.Collator('ja');

/** The group a term belongs to: `{ id, label }`. */
export function groupOf(term: GroupableTerm): { id: string; label: string } {
  const letter = latinInitial(term.key);
  if (letter) return { id: letter, label: letter };
  const row = kanaRow(term.reading ?? '') ?? kanaRow(term.key);
  if (row) return { id: row.id, label: row.label };
  return { ...otherGroup };
}

/** Non-empty groups in index order, each sorted; the input is not changed. */
export function groupTerms<T extends GroupableTerm>(terms: readonly T[]): TermGroup<T>[] {
  const groups = new Map<string, TermGroup<T>>();
  for (const term of terms) {
    const { id, label } = groupOf(term);
    const group = groups.get(id) ?? { id, label, terms: [] };
    group.terms.push(term);
    groups.set(id, group);
  }
  const sorted = [...groups.values()].sort((a, b) => (groupOrder.get(a.id) ?? 0) - (groupOrder.get(b.id) ?? 0));
  for (const group of sorted) group.terms.sort(compareTerms);
  return sorted;
}

/** Index order of two terms in the same group. */
export function compareTerms(a: GroupableTerm, b: GroupableTerm): number {
  return collator.compare(sortKey(a), sortKey(b)) || collator.compare(a.key, b.key) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** What a term sorts by: its reading as hiragana, else its normalized key. */
export function sortKey(term: GroupableTerm): string {
  if (term.reading && !latinInitial(term.key)) return toHiragana(term.reading.normalize('NFKC'));
  return toHiragana(term.key.normalize('NFKC').toUpperCase());
}

/** `A`–`Z` when the text starts with a Latin letter (accents ignored). */
function latinInitial(text: string): string | undefined {
  const first = text.normalize('NFKC').trimStart().normalize('NFD').charAt(0).toUpperCase();
  return first !== '' && latinLetters.includes(first) ? first : undefined;
}

/** The kana row of the first kana of `text`, skipping a leading `ー`. */
function kanaRow(text: string): (typeof kanaRows)[number] | undefined {
  const trimmed = text.normalize('NFKC').replace(/^[\sー・]+/u, '');
  const first = [...trimmed][0];
  if (!first) return undefined;
  // NFD splits off the (semi-)voiced mark: が → か + U+3099.
  const base = toHiragana(first.normalize('NFD').charAt(0));
  return rowOfKana.get(base);
}

/** Katakana → hiragana; everything else unchanged. */
export function toHiragana(text: string): string {
  return text.replace(/[\u30A1-\u30F6]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0x60));
}
