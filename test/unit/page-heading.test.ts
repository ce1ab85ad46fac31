import { describe, expect, it } from 'vitest';
import { pageHeadingEdit } from '../../hexo-study-glossary/src/core/page-heading.js';
import { applyEdits } from '../../hexo-study-glossary/src/core/page-edits.js';

const addPageHeading = (html: string, text: string): string => applyEdits(html, [pageHeadingEdit(html, text) ?? []].flat());

describe('addPageHeading', () => {
  const page = '<div id="wrap"><section id="main"><section class="archives-wrap">…</section></section></div>';

  it("puts the heading first in landscape's main column", () => {
    expect(addPageHeading(page, 'タグ: EKS')).toBe('<div id="wrap"><section id="main"><h1 class="reader-page-title">タグ: EKS</h1><section class="archives-wrap">…</section></section></div>');
  });

  it('escapes the name, which is the author’s text', () => {
    expect(addPageHeading(page, 'タグ: <b>&</b>')).toContain('<h1 class="reader-page-title">タグ: &lt;b&gt;&amp;&lt;/b&gt;</h1>');
  });

  it('adds it once, and leaves a page without the column as it is', () => {
    const once = addPageHeading(page, 'タグ: EKS');
    expect(addPageHeading(once, 'タグ: EKS')).toBe(once);
    expect(addPageHeading('<main><p>x</p></main>', 'タグ: EKS')).toBe('<main><p>x</p></main>');
  });
});
