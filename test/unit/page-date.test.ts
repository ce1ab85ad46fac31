import { describe, expect, it } from 'vitest';
import { pageDateRemoval } from '../../hexo-study-glossary/src/core/page-date.js';
import { applyEdits } from '../../hexo-study-glossary/src/core/page-edits.js';

const dropPageDate = (html: string): string => applyEdits(html, [pageDateRemoval(html) ?? []].flat());

const meta = `<div class="article-meta">
    <a href="/glossary/" class="article-date">
  <time class="dt-published" datetime="2020-07-03T07:32:06.000Z" itemprop="datePublished">2020-07-03</time>
</a>
    
  </div>`;

describe('dropPageDate', () => {
  it("takes landscape's date link out of the article meta, and nothing else", () => {
    const page = `<article>${meta}<h1>用語集</h1><p><a href="/x/" class="article-date">kept</a></p></article>`;
    expect(dropPageDate(page)).toBe('<article><div class="article-meta">\n    \n  </div><h1>用語集</h1><p><a href="/x/" class="article-date">kept</a></p></article>');
  });

  it('leaves a page without one as it is, the very string', () => {
    const page = '<article><div class="article-meta"></div><h1>t</h1></article>';
    expect(dropPageDate(page)).toBe(page);
    expect(dropPageDate('')).toBe('');
  });

  it('takes only the first, the one above the title', () => {
    const twice = `${meta}${meta}`;
    expect(dropPageDate(twice).match(/class="article-date"/g)).toHaveLength(1);
  });
});
