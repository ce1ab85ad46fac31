/**
 * The page as handed to Pagefind (core/search-markers.ts, pageForIndex):
 * an anchor after the title, and names spelled out from each letter.
 */
import { describe, expect, it } from 'vitest';
import { anchorAfterTitle, pageForIndex, searchWords, textAnchorId } from '../../hexo-study-glossary/src/core/search-markers.js';

describe('searchWords', () => {
  it('repeats a Japanese word from each letter, since the browser may cut a query anywhere in it', () => {
    expect(searchWords('あーるばっく')).toBe('あーるばっく ーるばっく るばっく ばっく っく く');
  });

  it('keeps a run of Latin letters and digits whole, starting a word only where the run starts', () => {
    expect(searchWords('Amazon EKS')).toBe('Amazon EKS');
    expect(searchWords('IAMロール EC2')).toBe('IAMロール ロール ール ル EC2');
  });

  it('starts no word at punctuation, which Pagefind drops from words and queries', () => {
    expect(searchWords('RBAC（制御）')).toBe('RBAC（制御） 制御） 御）');
    expect(searchWords('  ')).toBe('');
  });
});

describe('pageForIndex', () => {
  const page = [
    '<html><head><meta data-pagefind-meta="title[content]" content="IAM ロール &amp; 権限"></head><body>',
    '<article data-pagefind-body><header><h1 class="p-name article-title">IAM ロール</h1></header>',
    '<div data-term="IAMロール" data-pagefind-meta="term[data-term]"><dl><dt>読み</dt><dd data-pagefind-meta="reading">あいあむ<b>ろーる</b></dd></dl>',
    '<p data-pagefind-meta="kind:note">text</p></div></article></body></html>',
  ].join('');

  it('puts an anchor right after the title, before the text', () => {
    expect(anchorAfterTitle(page)).toContain(`IAM ロール</h1><span id="${textAnchorId}" data-pagefind-title="${textAnchorId}"></span></header>`);
    expect(anchorAfterTitle('<article><h1>Title</h1></article>')).toBe('<article><h1>Title</h1></article>');
  });

  it("spells out the title, the key and the reading as literal metadata, leaving other fields as written", () => {
    const indexed = pageForIndex(page);
    expect(indexed).toContain('data-pagefind-meta="title[content], titlewords:IAM ロール ール ル 権限 限"');
    expect(indexed).toContain('data-term="IAMロール" data-pagefind-meta="term:IAMロール ロール ール ル"');
    expect(indexed).toContain('<dd data-pagefind-meta="reading:あいあむろーる いあむろーる あむろーる むろーる ろーる ーる る" data-pagefind-ignore="">');
    expect(indexed).toContain('<p data-pagefind-meta="kind:note">');
  });
});
