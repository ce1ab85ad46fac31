import excerptFilter from 'hexo/dist/plugins/filter/after_post_render/excerpt.js';
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

  it('finds more after the cut when its text also comes before it', () => {
    const content = '<p>VPC</p>\n<span id="more"></span>\n<p>VPC</p>';
    const record = linkRecord({ content, excerpt: '<p>VPC</p>', more: '<p>VPC</p>' }, { ranges: [3, 6, 38, 41], keys: ['VPC', 'VPC'] });
    expect(record.excerptAt).toBe(0);
    expect(record.moreAt).toBe(35);
  });

  it('finds the excerpt at the start of the content even when more repeats it', () => {
    const content = '<p>EKS</p><span id="more"></span><p>IAM</p><p>EKS</p>';
    expect(linkRecord({ content, excerpt: '<p>EKS</p>', more: '<p>IAM</p><p>EKS</p>' }, plan)).toMatchObject({ excerptAt: 0, moreAt: 33 });
  });

  // Notes cut by Hexo's own excerpt filter, whitespace around the cut and all.
  it.each([
    ['a plain cut', '<p>EKS</p><!-- more --><p>IAM</p>'],
    ['whitespace around the cut', '\n<p>EKS</p>\n\n<!-- more -->\n\n<p>IAM</p>\n'],
    ['the same text on both sides', '<p>VPC</p>\n<!--more-->\n<p>VPC</p>\n'],
    ['the excerpt repeated in more', '  <p>VPC</p> <!-- more --> <p>VPC</p><p>VPC</p>'],
    ['Unicode whitespace that trim removes', '\u3000<p>VPC</p>\u3000<!-- more -->\u00a0<p>VPC</p>\u2028'],
  ])('finds both pieces where Hexo cut them: %s', (_, markdown) => {
    const note: { content: string; excerpt?: string; more?: string } = { content: markdown };
    excerptFilter(note);
    const { content, excerpt, more } = note;
    const record = linkRecord({ content, excerpt, more }, { ranges: [], keys: [] });
    const marker = content.indexOf('<span id="more"></span>');
    expect(record.excerptAt).toBe(content.length - content.trimStart().length);
    expect(content.startsWith(excerpt!, record.excerptAt)).toBe(true);
    expect(record.moreAt).toBeGreaterThan(marker);
    expect(content.startsWith(more!, record.moreAt)).toBe(true);
    expect(content.slice(record.moreAt + more!.length).trim()).toBe('');
  });

  it('finds more at 0 when Hexo did not cut the note, whitespace around it and all', () => {
    const note: { content: string; excerpt?: string; more?: string } = { content: '\n<p>EKS</p>\n' };
    excerptFilter(note);
    expect(linkRecord({ content: note.content, excerpt: note.excerpt, more: note.more }, plan)).toMatchObject({ excerptAt: -1, moreAt: 0 });
  });

  it('says -1 for an excerpt from front matter that is found later in the content, not at its start', () => {
    const note = { content: '<p>Intro</p><p>A note on EKS</p>', excerpt: '<p>A note on EKS</p>', more: '<p>Intro</p><p>A note on EKS</p>' };
    expect(linkRecord(note, plan)).toMatchObject({ excerptAt: -1, moreAt: 0 });
  });

  it('finds an excerpt from front matter where it is also the start of the content', () => {
    const note = { content: '<p>EKS</p><p>IAM</p>', excerpt: '<p>EKS</p>', more: '<p>EKS</p><p>IAM</p>' };
    expect(linkRecord(note, plan)).toMatchObject({ excerptAt: 0, moreAt: 0 });
  });

  it('says -1 for a more that is not at the end of the content (changed since the cut)', () => {
    const note = { content: '<p>EKS</p><span id="more"></span><p>IAM</p><p>added</p>', excerpt: '<p>EKS</p>', more: '<p>IAM</p>' };
    expect(linkRecord(note, plan)).toMatchObject({ excerptAt: 0, moreAt: -1 });
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
