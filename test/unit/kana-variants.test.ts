import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { checkTerms } from '../../hexo-study-glossary/src/core/check-terms.js';
import { createKanaVariantChecker, kanaVariantKey, minimumKanaLength } from '../../hexo-study-glossary/src/core/kana-variants.js';
import { loadGlossary } from '../../hexo-study-glossary/src/core/load-glossary.js';
import type { TermSpelling } from '../../hexo-study-glossary/src/core/near-misses.js';

const runs = Number(process.env.FC_RUNS ?? 1000);

const spellings: TermSpelling[] = [
  { key: 'アベイラビリティゾーン', form: 'アベイラビリティゾーン' },
  { key: 'アベイラビリティゾーン', form: 'AZ' },
  { key: 'コンテナ', form: 'コンテナ' },
  { key: 'ロードバランサー', form: 'ロードバランサー' },
  { key: 'Application Load Balancer', form: 'アプリケーションロードバランサー' },
  { key: 'ウィンドウ関数', form: 'ウィンドウ' },
  { key: 'サブネット', form: 'サブネット' },
  { key: 'バリデーション', form: 'バリデーション' },
  { key: 'Java', form: 'ジャバ' },
  { key: 'ハンバーバ', form: 'ハンバーバ' },
  { key: 'サーバー', form: 'サーバー' },
  { key: 'スポットインスタンス', form: 'スポットインスタンス' },
  { key: 'スポットインスタンス', form: 'スポットインスタンス群' },
];
const checker = createKanaVariantChecker(spellings);
const check = (line: string) => checker.check('note.md', [line]).map(({ text, suggestion, column }) => ({ text, suggestion, column }));

describe('katakana variants of terms', () => {
  it.each([
    ['a long-vowel mark added', '各アベイラビリティーゾーンに置く', 'アベイラビリティーゾーン', 'アベイラビリティゾーン'],
    ['a long-vowel mark added at the end', 'コンテナーを動かす', 'コンテナー', 'コンテナ'],
    ['a long-vowel mark dropped at the end', 'ロードバランサで振り分ける', 'ロードバランサ', 'ロードバランサー'],
    ['a middle dot between the parts', 'ロード・バランサーで', 'ロード・バランサー', 'ロードバランサー'],
    ['a space between the parts', 'ロード バランサーで', 'ロード バランサー', 'ロードバランサー'],
    ['full-size kana for small ones', 'ウインドウを開く', 'ウインドウ', 'ウィンドウ'],
    ['a full-size ツ for the small one', 'サブネツトを切る', 'サブネツト', 'サブネット'],
    ['ヴ for the バ row', 'ヴァリデーションする', 'ヴァリデーション', 'バリデーション'],
    ['ヴ and a small vowel as a whole short word', 'ジャヴァを書く', 'ジャヴァ', 'ジャバ'],
    ['ヴ and a small vowel ending a longer word', 'ハンバーヴァの', 'ハンバーヴァ', 'ハンバーバ'],
  ])('reports %s', (_, line, text, suggestion) => {
    expect(check(line)).toEqual([{ text, suggestion, column: line.indexOf(text) + 1 }]);
  });

  it('reports nothing for the spellings the glossary gives, alone or inside longer katakana', () => {
    expect(check('アベイラビリティゾーンとコンテナとロードバランサーとサブネット')).toEqual([]);
    expect(check('コンテナイメージのロードバランサーコントローラー')).toEqual([]);
    expect(check('スポットインスタンス群を使う')).toEqual([]);
  });

  it('reports the longest term a variant spells, once', () => {
    expect(check('アプリケーション・ロードバランサを置く')).toEqual([
      { text: 'アプリケーション・ロードバランサ', suggestion: 'アプリケーションロードバランサー', column: 1 },
    ]);
  });

  it('compares short terms with whole katakana words only', () => {
    // サーバー reduces to two kana, which サバイバル also starts with.
    expect(kanaVariantKey('サーバー').length).toBeLessThan(minimumKanaLength);
    expect(check('サーバとサバイバルとサーバー')).toEqual([{ text: 'サーバ', suggestion: 'サーバー', column: 1 }]);
    expect(check('サーバレス')).toEqual([]);
  });

  it('compares half-width katakana as its full-width form, and quotes it as written', () => {
    expect(check('ｺﾝﾃﾅｰを使う')).toEqual([{ text: 'ｺﾝﾃﾅｰ', suggestion: 'コンテナ', column: 1 }]);
    expect(check('あのｻﾌﾞﾈﾂﾄを')).toEqual([{ text: 'ｻﾌﾞﾈﾂﾄ', suggestion: 'サブネット', column: 3 }]);
  });

  it('reports a half-width variant inside a longer run at its own column, voiced marks counted as written', () => {
    // ﾃﾞｰﾀ is four characters in the note, three under NFKC (データ).
    expect(check('xﾃﾞｰﾀｻﾌﾞﾈﾂﾄ')).toEqual([{ text: 'ｻﾌﾞﾈﾂﾄ', suggestion: 'サブネット', column: 6 }]);
    // A voiced mark written as a combining character is quoted with its kana.
    expect(check('データサフ\u3099ネツト')).toEqual([{ text: 'サフ\u3099ネツト', suggestion: 'サブネット', column: 4 }]);
  });

  it('counts lines from one and reports a variant on each line it occurs', () => {
    const misses = checker.check('note.md', ['', 'コンテナー', 'xx コンテナー']);
    expect(misses.map(({ line, column }) => [line, column])).toEqual([
      [2, 1],
      [3, 4],
    ]);
  });

  it('never reports a text that is a spelling of the glossary, wherever it stands', () => {
    const forms = spellings.map((spelling) => spelling.form);
    const filler = fc.constantFrom('の', 'と', 'を使う', ' ', 'は', '。', 'EKS ');
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...forms), filler), { maxLength: 12 }), (parts) => {
        for (const miss of checker.check('note.md', [parts.join('')])) expect(forms).not.toContain(miss.text);
      }),
      { numRuns: runs },
    );
  });

  it('reports every variant made by adding a long-vowel mark after a kana of a term', () => {
    const term = 'アベイラビリティゾーン';
    fc.assert(
      fc.property(fc.integer({ min: 1, max: term.length - 1 }), (at) => {
        const variant = `${term.slice(0, at)}ー${term.slice(at)}`;
        fc.pre(!variant.includes('ーー'));
        expect(check(`各${variant}に`)).toEqual([{ text: variant, suggestion: term, column: 2 }]);
      }),
      { numRuns: Math.min(runs, 200) },
    );
  });
});

describe('hexo terms check with katakana variants', () => {
  it('lists them with the ASCII misspellings, in the order they occur', () => {
    const { glossary } = loadGlossary([
      { path: 'source/_glossary/g.yml', content: 'CloudFormation:\n  summary: テンプレート。\nコンテナ:\n  summary: 箱。\n' },
    ]);
    const report = checkTerms(glossary, [{ file: 'source/_posts/a.md', markdown: '---\ntitle: A\n---\nコンテナーと CloudCormation\nコンテナ\n', mentions: {} }]);
    expect(report.nearMisses.map(({ line, text, suggestion }) => [line, text, suggestion])).toEqual([
      [4, 'コンテナー', 'コンテナ'],
      [4, 'CloudCormation', 'CloudFormation'],
    ]);
  });
});

describe('loading the kana checker', () => {
  it('makes no segmenter as the module loads, only when a checker is made (every build imports it)', async () => {
    // Intl's properties are writable, though TypeScript types them read-only.
    const intl = Intl as { Segmenter: typeof Intl.Segmenter };
    const original = intl.Segmenter;
    let made = 0;
    class Counting extends original {
      constructor(...args: ConstructorParameters<typeof Intl.Segmenter>) {
        super(...args);
        made++;
      }
    }
    intl.Segmenter = Counting;
    try {
      vi.resetModules();
      const fresh = await import('../../hexo-study-glossary/src/core/kana-variants.js');
      expect(made).toBe(0);
      const checker = fresh.createKanaVariantChecker([{ key: 'コンテナ', form: 'コンテナ' }]);
      expect(checker.check('note.md', ['コンテナーを使う']).map((miss) => miss.text)).toEqual(['コンテナー']);
      expect(made).toBe(1);
    } finally {
      intl.Segmenter = original;
    }
  });
});
