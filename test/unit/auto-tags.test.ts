import { describe, expect, it } from 'vitest';
import { earnedTags, foldTag, memoFoldTag, mergeAutoTags, ownTags, sameTags, tagTermKeys, type AutoTagInput } from '../../hexo-study-glossary/src/core/auto-tags.js';

const mentions = (counts: Record<string, number>) => new Map(Object.entries(counts).map(([key, count]) => [key, { count }]));
const on = { minMentions: 1 };

describe('mergeAutoTags', () => {
  // The terms of these cases, by folded spelling.
  const terms = new Map(['EKS', 'Kubernetes', 'IAM'].map((key) => [foldTag(key), key]));
  const termKey = (tag: string) => terms.get(foldTag(tag));
  const cases: { name: string; input: AutoTagInput; tags: string[]; added: string[]; renamed?: string[] }[] = [
    {
      name: 'adds mentioned terms after the own tags',
      input: { current: ['AWS'], previousAuto: [], mentions: mentions({ EKS: 2, IAM: 1 }), autoTags: on },
      tags: ['AWS', 'EKS', 'IAM'],
      added: ['EKS', 'IAM'],
    },
    {
      name: 'skips a term that an own tag already names, whatever its case',
      input: { current: ['eks'], previousAuto: [], mentions: mentions({ EKS: 3 }), autoTags: on },
      tags: ['eks'],
      added: [],
    },
    {
      name: 'compares full-width and half-width spellings as one',
      input: { current: ['ＥＫＳ'], previousAuto: [], mentions: mentions({ EKS: 1 }), autoTags: on },
      tags: ['ＥＫＳ'],
      added: [],
    },
    {
      name: 'keeps only terms mentioned at least min_mentions times',
      input: { current: [], previousAuto: [], mentions: mentions({ EKS: 3, IAM: 1, コンテナ: 2 }), autoTags: { minMentions: 2 } },
      tags: ['EKS', 'コンテナ'],
      added: ['EKS', 'コンテナ'],
    },
    {
      name: 'adds nothing when auto tags are off',
      input: { current: ['AWS'], previousAuto: [], mentions: mentions({ EKS: 3 }), autoTags: false },
      tags: ['AWS'],
      added: [],
    },
    {
      name: 'removes tags it added before when they are no longer earned',
      input: { current: ['AWS', 'EKS', 'IAM'], previousAuto: ['EKS', 'IAM'], mentions: mentions({ EKS: 1 }), autoTags: on },
      tags: ['AWS', 'EKS'],
      added: ['EKS'],
    },
    {
      name: 'removes every added tag when turned off',
      input: { current: ['AWS', 'EKS'], previousAuto: ['EKS'], mentions: mentions({ EKS: 1 }), autoTags: false },
      tags: ['AWS'],
      added: [],
    },
    {
      name: 'keeps own tags that differ from a previous auto tag only in case',
      input: { current: ['eks', 'EKS'], previousAuto: ['EKS'], mentions: mentions({ EKS: 1 }), autoTags: on },
      tags: ['eks'],
      added: [],
    },
    {
      name: 'treats missing mentions as none',
      input: { current: ['AWS'], previousAuto: [], mentions: undefined, autoTags: on },
      tags: ['AWS'],
      added: [],
    },
    {
      name: 'keeps hostile tag names as plain strings',
      input: { current: ['<script>'], previousAuto: [], mentions: mentions({ '"><img>': 1, '../x': 1 }), autoTags: on },
      tags: ['<script>', '"><img>', '../x'],
      added: ['"><img>', '../x'],
    },
    {
      name: 'spells an own tag that names a term in another case or width as the term',
      input: { current: ['kubernetes', 'AWS', 'ｉａｍ'], previousAuto: [], mentions: mentions({ Kubernetes: 1 }), autoTags: on, termKey },
      tags: ['Kubernetes', 'AWS', 'IAM'],
      added: ['Kubernetes', 'IAM'],
      renamed: ['kubernetes', 'ｉａｍ'],
    },
    {
      name: 'spells it as the term whether or not the note mentions the term',
      input: { current: ['eks'], previousAuto: [], mentions: mentions({}), autoTags: on, termKey },
      tags: ['EKS'],
      added: ['EKS'],
      renamed: ['eks'],
    },
    {
      name: 'gives the same result on the next call, from what it recorded',
      input: { current: ['AWS', 'Kubernetes'], previousAuto: ['Kubernetes'], previousRenamed: ['kubernetes'], mentions: mentions({ Kubernetes: 1 }), autoTags: on, termKey },
      tags: ['AWS', 'Kubernetes'],
      added: ['Kubernetes'],
      renamed: ['kubernetes'],
    },
    {
      name: 'gives the own spelling back when auto tags are turned off',
      input: { current: ['AWS', 'Kubernetes'], previousAuto: ['Kubernetes'], previousRenamed: ['kubernetes'], mentions: mentions({ Kubernetes: 1 }), autoTags: false, termKey },
      tags: ['AWS', 'kubernetes'],
      added: [],
    },
    {
      name: 'keeps one tag when the note has the term\'s spelling and another',
      input: { current: ['eks', 'EKS'], previousAuto: [], mentions: mentions({ EKS: 2 }), autoTags: on, termKey },
      tags: ['EKS'],
      added: [],
      renamed: ['eks'],
    },
  ];

  it.each(cases)('$name', ({ input, tags, added, renamed = [] }) => {
    expect(mergeAutoTags(input)).toEqual({ tags, added, renamed });
  });
});

describe('tagTermKeys', () => {
  const entries = [
    { key: 'Kubernetes', aliases: ['k8s'] },
    { key: 'EKS', aliases: ['ElasticKubernetesService'] },
    { key: 'IAM', aliases: [] },
  ];

  it.each([
    ['Kubernetes', 'Kubernetes'],
    ['kubernetes', 'Kubernetes'],
    ['k8s', 'Kubernetes'],
    ['K8S', 'Kubernetes'],
    ['ｋ８ｓ', 'Kubernetes'],
    ['elastickubernetesservice', 'EKS'],
    ['ｉａｍ', 'IAM'],
  ])('names the term of tag %j: %j', (tag, key) => {
    expect(tagTermKeys(entries)(tag)).toBe(key);
  });

  it('names no term for a tag that is neither a key nor an alias', () => {
    const termKey = tagTermKeys(entries);
    expect(termKey('AWS')).toBeUndefined();
    expect(termKey('k8')).toBeUndefined();
    expect(termKey('')).toBeUndefined();
  });

  it('prefers a key to another entry\'s alias that folds the same', () => {
    const termKey = tagTermKeys([
      { key: 'Node', aliases: ['NodeJS'] },
      { key: 'nodejs', aliases: [] },
    ]);
    expect(termKey('NODEJS')).toBe('nodejs');
    expect(termKey('node')).toBe('Node');
  });

  it('gives mergeAutoTags an alias-named own tag spelled as its term, given back with auto tags off', () => {
    const termKey = tagTermKeys(entries);
    const first = mergeAutoTags({ current: ['k8s', 'AWS'], previousAuto: [], mentions: mentions({ EKS: 1 }), autoTags: on, termKey });
    expect(first).toEqual({ tags: ['Kubernetes', 'AWS', 'EKS'], added: ['Kubernetes', 'EKS'], renamed: ['k8s'] });
    const off = mergeAutoTags({ current: first.tags, previousAuto: first.added, previousRenamed: first.renamed, mentions: mentions({ EKS: 1 }), autoTags: false, termKey });
    expect(off).toEqual({ tags: ['AWS', 'k8s'], added: [], renamed: [] });
  });
});

describe('ownTags', () => {
  it('is the current tags minus the recorded automatic ones, in their order', () => {
    expect(ownTags(['b', 'EKS', 'a'], ['EKS', 'gone'])).toEqual(['b', 'a']);
  });
});

describe('earnedTags', () => {
  it('lists terms in the order of their mentions', () => {
    expect(earnedTags(mentions({ IAM: 1, EKS: 5 }), 1)).toEqual(['IAM', 'EKS']);
  });

  it('ignores terms with zero mentions', () => {
    expect(earnedTags(mentions({ IAM: 0 }), 1)).toEqual([]);
  });
});

describe('foldTag', () => {
  it.each([
    ['EKS', 'eks'],
    ['ＥＫＳ', 'eks'],
    ['ｺﾝﾃﾅ', 'コンテナ'],
  ])('folds %j to %j', (input, expected) => {
    expect(foldTag(input)).toBe(expected);
  });
});

describe('memoFoldTag', () => {
  it('folds as foldTag does, each tag once', () => {
    const fold = memoFoldTag();
    for (const tag of ['EKS', 'ＥＫＳ', 'ｺﾝﾃﾅ', 'EKS', 'Kubernetes', 'ＥＫＳ']) expect(fold(tag)).toBe(foldTag(tag));
    const original = String.prototype.normalize;
    let calls = 0;
    String.prototype.normalize = function (this: string, form?: string) {
      calls++;
      return original.call(this, form);
    };
    try {
      for (let round = 0; round < 3; round++) fold('EKS');
      fold('IAM');
    } finally {
      String.prototype.normalize = original;
    }
    expect(calls).toBe(1);
  });

  it('gives mergeAutoTags the same tags as foldTag does', () => {
    const input: AutoTagInput = { current: ['ｺﾝﾃﾅ', 'aws'], previousAuto: [], mentions: mentions({ コンテナ: 2, AWS: 1, EKS: 1 }), autoTags: on };
    expect(mergeAutoTags({ ...input, fold: memoFoldTag() })).toEqual(mergeAutoTags(input));
  });
});

describe('sameTags', () => {
  it.each([
    [['a', 'b'], ['b', 'a'], true],
    [['a'], ['a', 'b'], false],
    [['A'], ['a'], false],
    [[], [], true],
  ])('compares %j and %j: %s', (a, b, expected) => {
    expect(sameTags(a, b)).toBe(expected);
  });
});
