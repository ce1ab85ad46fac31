import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Snippet } from '../../hexo-study-glossary/src/core/link-html.js';
import { newestSnippets, type KeptSnippet } from '../../hexo-study-glossary/src/core/newest-snippets.js';

const runs = Number(process.env.FC_RUNS ?? 1000);

const snippet = (note: string, key: string): Snippet => ({ before: `${note}:`, match: key, after: '.' });
const mentioning = (note: string, ...keys: string[]) => new Map(keys.map((key) => [key, { count: 1, snippet: snippet(note, key) }]));
/** Kept notes by term, in the order taken. */
const byTerm = (kept: readonly KeptSnippet[]) => {
  const terms: Record<string, string[]> = {};
  for (const { key, note } of kept) (terms[key] ??= []).push(note);
  return terms;
};

describe('the newest snippets of each term', () => {
  it('keeps the newest notes that mention each term, newest first, with their own snippets', () => {
    const kept = newestSnippets(2);
    kept.add('a.md', 1, mentioning('a.md', 'EKS', 'IAM'));
    kept.add('b.md', 3, mentioning('b.md', 'EKS'));
    kept.add('c.md', 2, mentioning('c.md', 'EKS', 'IAM'));
    kept.add('d.md', 0, mentioning('d.md', 'IAM'));
    const taken = kept.take();
    expect(byTerm(taken)).toEqual({ EKS: ['b.md', 'c.md'], IAM: ['c.md', 'a.md'] });
    for (const { note, key, snippet: found } of taken) expect(found).toEqual(snippet(note, key));
  });

  it('keeps every note as new as the last one kept, since pages order those by title', () => {
    const kept = newestSnippets(2);
    for (const note of ['a.md', 'b.md', 'c.md']) kept.add(note, 5, mentioning(note, 'EKS'));
    kept.add('old.md', 1, mentioning('old.md', 'EKS'));
    expect(byTerm(kept.take())).toEqual({ EKS: ['a.md', 'b.md', 'c.md'] });
  });

  it('keeps no more than the cap of notes of one date', () => {
    const kept = newestSnippets(2, 3);
    for (let index = 0; index < 100; index++) kept.add(`${index}.md`, 5, mentioning(`${index}.md`, 'EKS'));
    expect(byTerm(kept.take())['EKS']).toHaveLength(3);
  });

  it('keeps nothing with a limit of 0, every note with no limit, and no note without a date', () => {
    const none = newestSnippets(0);
    const all = newestSnippets(Infinity);
    for (let index = 0; index < 300; index++) {
      none.add(`${index}.md`, index, mentioning(`${index}.md`, 'EKS'));
      all.add(`${index}.md`, index, mentioning(`${index}.md`, 'EKS'));
    }
    all.add('undated.md', Number.NaN, mentioning('undated.md', 'EKS'));
    expect(none.take()).toEqual([]);
    expect(byTerm(all.take())['EKS']).toHaveLength(300);
  });

  it('starts over once taken', () => {
    const kept = newestSnippets(2);
    kept.add('a.md', 1, mentioning('a.md', 'EKS'));
    expect(kept.take()).toHaveLength(1);
    expect(kept.take()).toEqual([]);
  });

  it('keeps exactly the notes that could be among the newest, whatever order they come in', () => {
    const note = fc.record({ time: fc.integer({ min: 0, max: 6 }), keys: fc.subarray(['EKS', 'IAM', 'VPC'], { minLength: 1 }) });
    fc.assert(
      fc.property(fc.array(note, { maxLength: 60 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 12 }), (notes, limit, extra) => {
        const cap = limit + extra;
        const kept = newestSnippets(limit, cap);
        notes.forEach(({ time, keys }, index) => kept.add(`${index}`, time, mentioning(`${index}`, ...keys)));
        const taken = byTerm(kept.take());
        for (const key of ['EKS', 'IAM', 'VPC']) {
          const times = notes.flatMap(({ time, keys }, index) => (keys.includes(key) ? [{ time, note: `${index}` }] : []));
          const keptNotes = taken[key] ?? [];
          if (times.length === 0) {
            expect(keptNotes).toEqual([]);
            continue;
          }
          const edge = [...times].sort((a, b) => b.time - a.time)[Math.min(limit, times.length) - 1]!.time;
          const newer = times.filter(({ time }) => time > edge).map(({ note }) => note);
          const ties = times.filter(({ time }) => time === edge).map(({ note }) => note);
          // Everything newer than the edge, and of its ties as many as the cap allows.
          expect(keptNotes).toEqual(expect.arrayContaining(newer));
          expect(keptNotes.filter((kept) => ties.includes(kept))).toHaveLength(Math.min(ties.length, cap - newer.length));
          expect(keptNotes).toHaveLength(newer.length + Math.min(ties.length, cap - newer.length));
          // Newest first.
          const keptTimes = keptNotes.map((kept) => notes[Number(kept)]!.time);
          expect(keptTimes).toEqual([...keptTimes].sort((a, b) => b - a));
        }
      }),
      { numRuns: runs },
    );
  });
});
