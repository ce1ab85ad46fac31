import { describe, expect, it } from 'vitest';
import { hideHeaderLink } from '../../hexo-study-glossary/src/core/heading-anchor.js';

describe('hideHeaderLink', () => {
  it("hides the link hexo-renderer-marked opens a heading with from keyboards and screen readers, keeping it for the mouse", () => {
    expect(hideHeaderLink('<h2 id="IAM"><a href="#IAM" class="headerlink" title="IAM"></a>IAM</h2>')).toBe(
      '<h2 id="IAM"><a href="#IAM" class="headerlink" aria-hidden="true" tabindex="-1" title="IAM"></a>IAM</h2>',
    );
  });

  it('leaves a heading without that link, and any other HTML, as it is', () => {
    for (const html of ['<h2>IAM</h2>', '<h2 id="x"><a href="#x">x</a></h2>', '<p><a href="#x" class="headerlink"></a></p>', '<h2 id="x"><a href="#x" class="headerlinks"></a></h2>']) {
      expect(hideHeaderLink(html)).toBe(html);
    }
  });
});
