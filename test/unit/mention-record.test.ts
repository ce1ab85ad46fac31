import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Mention } from '../../hexo-study-glossary/src/core/link-html.js';
import { decodeMentions, encodeMentions } from '../../hexo-study-glossary/src/core/mention-record.js';

const runs = Number(process.env.FC_RUNS ?? 1000);

const mention = (count: number, before: string, match: string, after: string): Mention => ({ count, snippet: { before, match, after } });

describe('mention records', () => {
  it('reads back what it wrote, in the same order', () => {
    const mentions = new Map([
      ['IAMロール', mention(2, 'ポッドに', 'IAMロール', 'を渡す')],
      ['EKS', mention(1, '', 'EKS', 'では"引用"と\\も書ける')],
    ]);
    const decoded = decodeMentions(encodeMentions(mentions));
    expect([...decoded.keys()]).toEqual(['IAMロール', 'EKS']);
    expect(decoded).toEqual(mentions);
  });

  it('is a string, so that copying a note copies no objects', () => {
    expect(typeof encodeMentions(new Map([['EKS', mention(1, 'a', 'EKS', 'b')]]))).toBe('string');
  });

  it('reads anything else as no mentions', () => {
    for (const record of [undefined, null, '', '{', '{"EKS":{"count":1}}', 42, { EKS: { count: 1, snippet: { before: '', match: 'EKS', after: '' } } }]) {
      expect(decodeMentions(record).size).toBe(0);
    }
  });

  it('skips malformed rows and keeps the others', () => {
    const record = JSON.stringify([['EKS', 1, '', 'EKS', ''], ['IAM', 0, '', 'IAM', ''], ['VPC', '1', '', 'VPC', ''], [1, 1, '', '', ''], ['ELB', 1, '', 'ELB']]);
    expect([...decodeMentions(record).keys()]).toEqual(['EKS']);
  });

  it('round-trips any mentions (property)', () => {
    const snippet = fc.record({ before: fc.string(), match: fc.string(), after: fc.string() });
    const entry = fc.tuple(fc.string({ minLength: 1 }), fc.record({ count: fc.integer({ min: 1, max: 1e6 }), snippet }));
    fc.assert(
      fc.property(fc.uniqueArray(entry, { selector: ([key]) => key }), (entries) => {
        const mentions = new Map(entries);
        expect(decodeMentions(encodeMentions(mentions))).toEqual(mentions);
      }),
      { numRuns: runs },
    );
  });
});
