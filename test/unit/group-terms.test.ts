import { describe, expect, it } from 'vitest';
import { groupOf, groupTerms, sortKey, toHiragana, type GroupableTerm } from '../../hexo-study-glossary/src/core/group-terms.js';

const term = (key: string, reading?: string): GroupableTerm => ({ key, reading });

describe('groupOf', () => {
  it.each([
    // Latin letters, by the key's first letter after NFKC and uppercasing
    [term('EKS'), 'E', 'E'],
    [term('kubectl'), 'K', 'K'],
    [term('ＥＫＳ'), 'E', 'E'],
    [term('élan'), 'E', 'E'],
    [term('IAMロール'), 'I', 'I'],
    [term('Kubernetes', 'くーばねてぃす'), 'K', 'K'],
    // kana rows, from the reading when given
    [term('認証', 'にんしょう'), 'kana-na', 'な'],
    [term('冪等性', 'べきとうせい'), 'kana-ha', 'は'],
    [term('コンテナ', 'こんてな'), 'kana-ka', 'か'],
    [term('シャーディング', 'シャーディング'), 'kana-sa', 'さ'],
    // ... else from a key that starts with kana
    [term('アベイラビリティゾーン'), 'kana-a', 'あ'],
    [term('ガベージコレクション'), 'kana-ka', 'か'],
    [term('ポッド'), 'kana-ha', 'は'],
    [term('ぱすわーど'), 'kana-ha', 'は'],
    [term('ャ行テスト'), 'kana-ya', 'や'],
    [term('ゃ'), 'kana-ya', 'や'],
    [term('ッ'), 'kana-ta', 'た'],
    [term('ヴィム'), 'kana-a', 'あ'],
    [term('ヷ'), 'kana-wa', 'わ'],
    [term('ヶ月'), 'kana-ka', 'か'],
    [term('ｶﾞｰﾄﾞ'), 'kana-ka', 'か'],
    [term('ーバー'), 'kana-ha', 'は'],
    [term('ユーザー'), 'kana-ya', 'や'],
    [term('ロードバランサー'), 'kana-ra', 'ら'],
    [term('ワークロード'), 'kana-wa', 'わ'],
    [term('ん'), 'kana-wa', 'わ'],
    [term('ヲ'), 'kana-wa', 'わ'],
    // everything else
    [term('3層アーキテクチャ'), 'other', 'その他'],
    [term('負荷分散'), 'other', 'その他'],
    [term('...'), 'other', 'その他'],
    [term('../x'), 'other', 'その他'],
    [term('#hash'), 'other', 'その他'],
    [term('ー'), 'other', 'その他'],
  ])('puts %j under %s (%s)', (input, id, label) => {
    expect(groupOf(input)).toEqual({ id, label });
  });
});

describe('groupTerms', () => {
  const terms = [
    term('負荷分散'),
    term('ワークロード'),
    term('コンテナ', 'こんてな'),
    term('EKS'),
    term('認証', 'にんしょう'),
    term('ガベージコレクション'),
    term('alb'),
    term('キャッシュ', 'きゃっしゅ'),
    term('3層'),
    term('Amazon S3'),
    term('ポッド'),
    term('冪等性', 'べきとうせい'),
  ];

  it('orders groups A–Z, then the kana rows, then その他, leaving out empty ones', () => {
    expect(groupTerms(terms).map((group) => group.label)).toEqual(['A', 'E', 'か', 'な', 'は', 'わ', 'その他']);
  });

  it('orders terms inside a group by reading or key, voiced kana next to their plain ones', () => {
    const groups = new Map(groupTerms(terms).map((group) => [group.id, group.terms.map((item) => item.key)]));
    expect(groups.get('A')).toEqual(['alb', 'Amazon S3']);
    expect(groups.get('kana-ka')).toEqual(['ガベージコレクション', 'キャッシュ', 'コンテナ']);
    expect(groups.get('kana-ha')).toEqual(['冪等性', 'ポッド']);
    expect(groups.get('other')).toEqual(['3層', '負荷分散']);
  });

  it('does not depend on the input order', () => {
    const keys = (list: GroupableTerm[]) => groupTerms(list).flatMap((group) => group.terms.map((item) => item.key));
    expect(keys([...terms].reverse())).toEqual(keys(terms));
  });

  it('keeps the input array as it was', () => {
    const copy = [...terms];
    groupTerms(terms);
    expect(terms).toEqual(copy);
  });

  it('gives every group an ASCII id usable as an HTML id', () => {
    for (const group of groupTerms(terms)) expect(group.id).toMatch(/^[A-Za-z][\w-]*$/);
  });

  it('returns no groups for no terms', () => {
    expect(groupTerms([])).toEqual([]);
  });
});

describe('sortKey', () => {
  it('uses the reading, as hiragana, for a term that is not Latin', () => {
    expect(sortKey(term('認証', 'ニンショウ'))).toBe('にんしょう');
  });

  it('uses the normalized key for a Latin term even with a reading', () => {
    expect(sortKey(term('kubectl', 'くーぶこんとろーる'))).toBe('KUBECTL');
  });
});

describe('toHiragana', () => {
  it('turns katakana into hiragana and leaves the rest', () => {
    expect(toHiragana('コンテナとEKSとー')).toBe('こんてなとEKSとー');
  });
});
