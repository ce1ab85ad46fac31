import { describe, expect, it } from 'vitest';
import { checkTerms, termUsage, type NoteInput } from '../../hexo-study-glossary/src/core/check-terms.js';
import { loadGlossary } from '../../hexo-study-glossary/src/core/load-glossary.js';

const { glossary } = loadGlossary([
  {
    path: 'g.yml',
    content: 'IAM:\n  summary: 認証と認可。\nIAMロール:\n  summary: 一時的な権限。\nコンテナ:\n  summary: 隔離された実行環境。\n  link: false\nコンテナイメージ:\n  summary: コンテナの元。\n',
  },
]);

function usageOf(notes: NoteInput[]): Record<string, [number, number]> {
  return Object.fromEntries(termUsage(glossary, notes).map((term) => [term.key, [term.notes, term.mentions]]));
}

describe('mentions of terms a note does not link', () => {
  it('counts a term the note excludes with glossary_exclude in its Markdown, so it is not reported as unused', () => {
    const notes: NoteInput[] = [{ file: 'a.md', markdown: '---\ntitle: a\n---\nIAM と IAM と IAMロール。\n', mentions: { IAMロール: 1 }, excluded: ['IAM'] }];
    expect(usageOf(notes)).toMatchObject({ IAM: [1, 2], IAMロール: [1, 1] });
    expect(checkTerms(glossary, notes).unused.map((term) => term.key)).not.toContain('IAM');
  });

  it('does not count a link: false term inside a longer term', () => {
    const notes: NoteInput[] = [{ file: 'a.md', markdown: 'コンテナイメージからコンテナを作る。\n', mentions: { コンテナイメージ: 1 } }];
    expect(usageOf(notes)).toMatchObject({ コンテナ: [1, 1], コンテナイメージ: [1, 1] });
  });
});
