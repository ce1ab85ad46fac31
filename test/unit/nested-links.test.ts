import { describe, expect, it } from 'vitest';
import { unnestGlossaryLinks } from '../../hexo-study-glossary/src/core/nested-links.js';

const term = (text: string) => `<a class="glossary-link" href="/glossary/iam/" data-term="IAM" title="s">${text}</a>`;

describe('unnestGlossaryLinks', () => {
  it('unwraps a glossary link inside another link, keeping its text', () => {
    expect(unnestGlossaryLinks(`<p><a href="https://docs.aws.amazon.com/iam/">詳しくは ${term('IAM')} の資料</a></p>`)).toBe(
      '<p><a href="https://docs.aws.amazon.com/iam/">詳しくは IAM の資料</a></p>',
    );
  });

  it('unwraps every nested one, at any depth, and nothing else', () => {
    const html = `<p>${term('IAM')} <a href="/x"><em>${term('A')}</em> and ${term('B')}</a> ${term('C')}</p>`;
    expect(unnestGlossaryLinks(html)).toBe(`<p>${term('IAM')} <a href="/x"><em>A</em> and B</a> ${term('C')}</p>`);
  });

  it.each([
    ['summary', `<details><summary>${term('IAM')} とは</summary><p>${term('IAM')}</p></details>`, `<details><summary>IAM とは</summary><p>${term('IAM')}</p></details>`],
    ['label', `<label><input type="checkbox"> ${term('IAM')} を使う</label> ${term('IAM')}`, `<label><input type="checkbox"> IAM を使う</label> ${term('IAM')}`],
    ['button', `<button type="button"><em>${term('IAM')}</em></button>`, '<button type="button"><em>IAM</em></button>'],
  ])('unwraps a glossary link inside a <%s>, a control of its own', (_name, html, expected) => {
    expect(unnestGlossaryLinks(html)).toBe(expected);
  });

  it('returns the same string when no glossary link is nested', () => {
    const html = `<p>${term('IAM')} and <a href="/x">x</a> and <a class="other" href="/y">y</a></p>`;
    expect(unnestGlossaryLinks(html)).toBe(html);
    const plain = '<p>no links</p>';
    expect(unnestGlossaryLinks(plain)).toBe(plain);
  });

  it('leaves a nested link that is not a glossary link, and tags in code or comments', () => {
    const html = `<a href="/x"><a href="/y">y</a></a><code>&lt;a&gt;${'&lt;a class="glossary-link"&gt;'}</code><!-- <a href="/z">${term('IAM')}</a> -->`;
    expect(unnestGlossaryLinks(html)).toBe(html);
  });
});
