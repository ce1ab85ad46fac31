/**
 * The page as handed to Pagefind (core/search-markers.ts, pageForIndex):
 * an anchor after the title.
 */
import { describe, expect, it } from 'vitest';
import { anchorAfterTitle, textAnchorId } from '../../hexo-study-glossary/src/core/search-markers.js';

describe('anchorAfterTitle', () => {
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
});
