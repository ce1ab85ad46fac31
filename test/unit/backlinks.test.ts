import { describe, expect, it } from 'vitest';
import { encodeMentions } from '../../hexo-study-glossary/src/core/mention-record.js';
import { collectBacklinks, type NoteDate, type PostLike } from '../../hexo-study-glossary/src/hexo/backlinks.js';
import { pathUrl } from '../../hexo-study-glossary/src/hexo/urls.js';

function date(day: number): NoteDate {
  const value = new Date(Date.UTC(2024, 0, day));
  return { valueOf: () => value.valueOf(), toISOString: () => value.toISOString(), format: () => `2024-01-${String(day).padStart(2, '0')}` };
}

function post(day: number, keys: string[]): PostLike {
  const mentions = new Map(keys.map((key) => [key, { count: day }]));
  return { title: `Day ${day}`, path: `notes/${day}/`, date: date(day), glossary_mentions: encodeMentions(mentions) };
}

describe('collectBacklinks', () => {
  const posts = [post(1, ['EKS', 'IAM']), post(3, ['EKS']), post(2, ['EKS', 'IAM']), { title: 'None', path: 'none/' }];

  it('lists the notes that mention each term, newest first, with their counts', () => {
    const backlinks = collectBacklinks(posts, (path) => pathUrl('/', path), 'YYYY-MM-DD');
    expect([...backlinks.keys()].sort()).toEqual(['EKS', 'IAM']);
    expect(backlinks.get('EKS')!.toArray().map((link) => [link.title, link.href, link.count])).toEqual([
      ['Day 3', '/notes/3/', 3],
      ['Day 2', '/notes/2/', 2],
      ['Day 1', '/notes/1/', 1],
    ]);
    expect(backlinks.get('IAM')!.toArray().map((link) => link.post.title)).toEqual(['Day 2', 'Day 1']);
    expect(backlinks.get('IAM')!.length).toBe(2);
    expect(backlinks.get('IAM')!.at(1).count).toBe(1);
  });

  it('gives the newest date of the notes that mention a term', () => {
    const backlinks = collectBacklinks([...posts, { ...post(5, ['IAM']), date: undefined }], (path) => pathUrl('/', path), 'YYYY-MM-DD');
    expect(backlinks.get('IAM')!.newestDate()!.toISOString()).toBe('2024-01-02T00:00:00.000Z');
    expect(backlinks.get('EKS')!.newestDate()!.toISOString()).toBe('2024-01-03T00:00:00.000Z');
  });

  it('gives a date before 1970 when the other notes have none, and none when no note has one', () => {
    const old = new Date(Date.UTC(1960, 5, 1));
    const oldDate: NoteDate = { valueOf: () => old.valueOf(), toISOString: () => old.toISOString(), format: () => '1960-06-01' };
    const undated = { ...post(5, ['IAM']), date: undefined };
    const backlinks = collectBacklinks([undated, { ...post(6, ['IAM', 'EKS']), date: oldDate }, { ...undated, path: 'other/', glossary_mentions: post(7, ['VPC']).glossary_mentions }], (path) => pathUrl('/', path), 'YYYY-MM-DD');
    expect(backlinks.get('IAM')!.toArray().map((link) => link.title)).toEqual(['Day 5', 'Day 6']);
    expect(backlinks.get('IAM')!.newestDate()!.toISOString()).toBe('1960-06-01T00:00:00.000Z');
    expect(backlinks.get('VPC')!.newestDate()).toBeUndefined();
  });

  it('leaves snippets to the term page, which reads them from the notes it shows', () => {
    expect([...collectBacklinks(posts, (path) => pathUrl('/', path), 'YYYY-MM-DD').values()].flatMap((list) => list.toArray()).every((link) => link.snippet === undefined)).toBe(true);
  });
});
