import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeMentions, encodeMentions } from '../../hexo-study-glossary/src/core/mention-record.js';

const runs = Number(process.env.FC_RUNS ?? 1000);

describe('mention records', () => {
  it('reads back the counts it wrote, in the same order', () => {
    const mentions = new Map([
      ['IAMロール', { count: 2 }],
      ['"EKS"\\', { count: 1 }],
    ]);
    const decoded = decodeMentions(encodeMentions(mentions));
    expect([...decoded.keys()]).toEqual(['IAMロール', '"EKS"\\']);
    expect(decoded).toEqual(mentions);
  });

  it('stores no snippet, whatever the mentions carry', () => {
    const record = encodeMentions(new Map([['EKS', { count: 1, snippet: { before: 'before', match: 'EKS', after: 'after' } }]]));
    expect(record).toBe('[["EKS",1]]');
  });

  it('is a string, so that copying a note copies no objects', () => {
    expect(typeof encodeMentions(new Map([['EKS', { count: 1 }]]))).toBe('string');
  });

  it('reads anything else as no mentions', () => {
    for (const record of [undefined, null, '', '{', '{"EKS":{"count":1}}', 42, { EKS: { count: 1 } }]) {
      expect(decodeMentions(record).size).toBe(0);
    }
  });

  it('skips malformed rows, and rows of the older shape with snippets, and keeps the others', () => {
    const record = JSON.stringify([['EKS', 1], ['IAM', 0], ['VPC', '1'], [1, 1], ['ELB', 1, '', 'ELB', '']]);
    expect([...decodeMentions(record).keys()]).toEqual(['EKS']);
  });

  it('round-trips any mentions (property)', () => {
    const entry = fc.tuple(fc.string({ minLength: 1 }), fc.record({ count: fc.integer({ min: 1, max: 1e6 }) }));
    fc.assert(
      fc.property(fc.uniqueArray(entry, { selector: ([key]) => key }), (entries) => {
        const mentions = new Map(entries);
        expect(decodeMentions(encodeMentions(mentions))).toEqual(mentions);
      }),
      { numRuns: runs },
    );
  });
});
