import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isKanji, KanjiWords } from '../../hexo-study-glossary/src/core/kanji-words.js';

/** Offsets of `text` where a word boundary falls between two kanji, read by segmenting the whole text. */
function wholeTextBoundaries(text: string): number[] {
  const starts = new Set([...new Intl.Segmenter('ja', { granularity: 'word' }).segment(text)].map((segment) => segment.index));
  return [...text].flatMap((_, index) => (index > 0 && isKanji(text.charCodeAt(index - 1)) && isKanji(text.charCodeAt(index)) && starts.has(index) ? [index] : []));
}

function askedBoundaries(words: KanjiWords, text: string): number[] {
  return [...text].flatMap((_, index) => (index > 0 && isKanji(text.charCodeAt(index - 1)) && isKanji(text.charCodeAt(index)) && words.boundaryAt(text, index) ? [index] : []));
}

describe('isKanji', () => {
  it.each([
    ['認', true],
    ['々', true],
    ['㐀', true],
    ['豈', true],
    ['あ', false],
    ['ア', false],
    ['A', false],
    ['、', false],
  ])('reads %j as kanji: %s', (character, expected) => {
    expect(isKanji(character.charCodeAt(0))).toBe(expected);
  });
});

describe('KanjiWords.boundaryAt', () => {
  it.each([
    ['確認可能な設定', 1, false],
    ['確認可能な設定', 2, true],
    ['確認可能な設定', 3, false],
    ['非同期処理', 1, false],
    ['非同期処理', 3, true],
    ['負荷分散装置', 2, true],
    ['負荷分散装置', 4, true],
    ['自動化する', 2, false],
  ])('in %j, at %i: %s', (text, index, expected) => {
    expect(new KanjiWords().boundaryAt(text, index)).toBe(expected);
  });

  it('answers as segmenting the whole text does, asked once or again from what it kept', () => {
    const sentences = ['設定を確認可能な状態にする', '非同期処理と同期処理', '負荷分散装置で高可用性を実現し、冗長化構成にする', '多要素認証器と認証局の証明書', '暗号化と自動化と管理者権限'];
    const words = new KanjiWords();
    for (const sentence of sentences) {
      expect(askedBoundaries(words, sentence), sentence).toEqual(wholeTextBoundaries(sentence));
      expect(askedBoundaries(words, sentence), sentence).toEqual(wholeTextBoundaries(sentence));
    }
  });

  it('gives the same answers with its memo holding other runs as fresh', () => {
    const piece = fc.constantFrom('設定', '確認', '可能', '非同期', '処理', '負荷', '分散', '装置', 'を', 'の', 'する', 'データ', '、');
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 12 }), fc.array(piece, { maxLength: 12 }), (first, second) => {
        const shared = new KanjiWords();
        const text = first.join('');
        const other = second.join('');
        askedBoundaries(shared, other);
        expect(askedBoundaries(shared, text)).toEqual(askedBoundaries(new KanjiWords(), text));
      }),
      { numRuns: 200 },
    );
  });

  it('reads a run of kanji longer than it keeps around the junction alone', () => {
    const text = `${'設定'.repeat(40)}確認可能${'設定'.repeat(40)}`;
    const words = new KanjiWords();
    expect(words.boundaryAt(text, 80)).toBe(true);
    expect(words.boundaryAt(text, 81)).toBe(false);
    expect(words.boundaryAt(text, 82)).toBe(true);
    expect(words.boundaryAt(text, 83)).toBe(false);
  });
});
