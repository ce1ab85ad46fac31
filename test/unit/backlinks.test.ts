import { describe, expect, it } from 'vitest';
import { encodeMentions } from '../../hexo-study-glossary/src/core/mention-record.js';
import { collectBacklinks, type NoteDate, type PostLike } from '../../hexo-study-glossary/src/hexo/backlinks.js';

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
    const backlinks = collectBacklinks(posts, '/', 'YYYY-MM-DD');
    expect([...backlinks.keys()].sort()).toEqual(['EKS', 'IAM']);
    expect(backlinks.get('EKS')!.map((link) => [link.title, link.href, link.count])).toEqual([
      ['Day 3', '/notes/3/', 3],
      ['Day 2', '/notes/2/', 2],
      ['Day 1', '/notes/1/', 1],
    ]);
    expect(backlinks.get('IAM')!.map((link) => link.post.title)).toEqual(['Day 2', 'Day 1']);
  });

  it('leaves snippets to the term page, which reads them from the notes it shows', () => {
    expect([...collectBacklinks(posts, '/', 'YYYY-MM-DD').values()].flat().every((link) => link.snippet === undefined)).toBe(true);
  });
});
