import { describe, expect, it } from 'vitest';
import { pageDateLabel, pageDateRemoval } from '../../hexo-study-glossary/src/core/page-date.js';
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

describe('pageDateLabel', () => {
  const label = (html: string, text: string): string => applyEdits(html, [pageDateLabel(html, text) ?? []].flat());

  it("puts the label before the date, inside landscape's date link, and changes nothing else", () => {
    const page = `<article>${meta}<h1>EKS</h1></article>`;
    expect(label(page, '最新の言及')).toBe(
      `<article>${meta.replace('<time ', '<span class="glossary-date-label">最新の言及</span> <time ')}<h1>EKS</h1></article>`,
    );
  });

  it('escapes the label', () => {
    expect(label(meta, 'a <b> & "c"')).toContain('<span class="glossary-date-label">a &lt;b&gt; &amp; &quot;c&quot;</span> <time ');
  });

  it('leaves a page without a date as it is, and labels only the first date', () => {
    const page = '<article><div class="article-meta"></div><h1>t</h1></article>';
    expect(label(page, 'x')).toBe(page);
    expect(label(`${meta}${meta}`, 'x').match(/glossary-date-label/g)).toHaveLength(1);
  });
});
