import { describe, expect, it } from 'vitest';
import { decodeLinkRecord, encodeLinkRecord, linkRecord } from '../../hexo-study-glossary/src/core/link-record.js';

const plan = { ranges: [3, 6, 20, 23], keys: ['EKS', 'IAM'] };

describe('link records', () => {
  it('reads back what it stores', () => {
    const note = { content: '<p>EKS</p><span id="more"></span><p>IAM</p>', excerpt: '<p>EKS</p>', more: '<p>IAM</p>' };
    const record = linkRecord(note, plan);
    expect(record).toEqual({ length: note.content.length, excerptAt: 0, moreAt: note.content.indexOf('<p>IAM'), plan });
    expect(decodeLinkRecord(encodeLinkRecord(record))).toEqual(record);
  });

  it('finds more at 0 when it is the whole content, and no excerpt when it is empty', () => {
    const note = { content: '<p>EKS</p>', excerpt: '', more: '<p>EKS</p>' };
    expect(linkRecord(note, { ranges: [3, 6], keys: ['EKS'] })).toMatchObject({ excerptAt: -1, moreAt: 0 });
  });

  it('says -1 for an excerpt that is not a piece of the content (one from front matter)', () => {
    const note = { content: '<p>EKS</p>', excerpt: 'A note on EKS', more: '<p>EKS</p>' };
    expect(linkRecord(note, { ranges: [3, 6], keys: ['EKS'] }).excerptAt).toBe(-1);
  });

  it.each([
    ['nothing', undefined],
    ['an empty string', ''],
    ['not JSON', '[1,'],
    ['another shape', '{"length":3}'],
    ['a range per key missing', '[10,-1,0,[3,6,8],["EKS","IAM"]]'],
    ['ranges out of order', '[10,-1,0,[6,3],["EKS"]]'],
    ['a range past the content', '[10,-1,0,[3,12],["EKS"]]'],
    ['a key that is not a string', '[10,-1,0,[3,6],[7]]'],
    ['a negative length', '[-1,-1,0,[],[]]'],
    ['an offset below -1', '[10,-2,0,[],[]]'],
  ])('reads %s as no record', (_, value) => {
    expect(decodeLinkRecord(value)).toBeUndefined();
  });
});
