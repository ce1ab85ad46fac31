import { describe, expect, it } from 'vitest';
import { safeDescriptionHtml } from '../../hexo-study-glossary/src/core/safe-html.js';

describe('safeDescriptionHtml', () => {
  it.each([
    ['emphasis, code and a line break', '<p><em>a</em> <strong>b</strong> <del>c</del> <code>kubectl get pods</code><br>d</p>'],
    ['lists and a quote', '<ul>\n<li>one</li>\n</ul>\n<ol start="3">\n<li>three</li>\n</ol>\n<blockquote>\n<p>quoted</p>\n</blockquote>'],
    ['a task list', '<ul>\n<li><input checked="" disabled="" type="checkbox"> done</li>\n</ul>'],
    ['a table with alignment', '<table>\n<thead>\n<tr>\n<th align="center">A</th>\n</tr>\n</thead>\n<tbody><tr>\n<td align="right">1</td>\n</tr>\n</tbody></table>'],
    ['http(s), mailto and relative links', '<p><a href="https://aws.amazon.com/eks/" title="EKS">EKS</a> <a href="mailto:a@example.com">mail</a> <a href="/glossary/iam/">IAM</a> <a href="../s3/">S3</a></p>'],
    ['an image', '<p><img src="/images/eks.png" alt="EKS の図"></p>'],
    ['highlighted code', '<figure class="highlight yaml"><table><tr><td class="code"><pre><span class="line"><span class="attr">kind:</span> <span class="string">Pod</span></span><br></pre></td></tr></table></figure>'],
  ])('keeps %s as Markdown wrote it', (_name, html) => {
    // Void elements come back as `<br />`, boolean attributes bare: the same HTML.
    expect(safeDescriptionHtml(html)).toBe(html.replace(/<(br|img|input)([^>]*)>/g, '<$1$2 />').replace(/(checked|disabled)=""/g, '$1'));
  });

  it('keeps a heading and its anchor with the id in the description\'s own namespace, so it can\'t take the page\'s', () => {
    expect(safeDescriptionHtml('<h3 id="Pod-とは"><a href="#Pod-とは" class="headerlink" title="Pod とは"></a>Pod とは</h3><p><a href="#reader-search-results">up</a> <a href="#">top</a></p>')).toBe(
      '<h3 id="glossary-description-Pod-とは"><a href="#glossary-description-Pod-とは" class="headerlink" title="Pod とは"></a>Pod とは</h3><p><a href="#glossary-description-reader-search-results">up</a> <a href="#">top</a></p>',
    );
  });

  it('keeps only images from the site itself: pages load nothing from other hosts', () => {
    const sources = ['https://evil.example/pixel.gif', 'http://evil.example/a.png', '//evil.example/y.png', '/\\evil.example/x.png', '\\\\evil.example/z.png', '/\t/evil.example/t.png'];
    for (const src of sources) expect(safeDescriptionHtml(`<p><img src="${src}" alt="x"></p>`), src).toBe('<p><img alt="x" /></p>');
    expect(safeDescriptionHtml('<p><img src="/images/a.png" alt="a"><img src="b.png" alt="b"></p>')).toBe('<p><img src="/images/a.png" alt="a" /><img src="b.png" alt="b" /></p>');
  });

  it('drops a link to another host written without a scheme, which the site would take for its own', () => {
    for (const href of ['//evil.example/', '/\\evil.example', '\\\\evil.example']) expect(safeDescriptionHtml(`<p><a href="${href}">x</a></p>`), href).toBe('<p><a>x</a></p>');
  });

  it('drops scripts, styles and other elements with their content', () => {
    expect(safeDescriptionHtml('<p>a</p><script>alert(1)</script><style>p{}</style><iframe src="https://x.test/"></iframe><p>b</p>')).toBe('<p>a</p><p>b</p>');
  });

  it('drops event handlers, inline styles and ids outside headings', () => {
    expect(safeDescriptionHtml('<p id="glossary-tooltip" style="color:red" onclick="alert(1)">a<img src="x" onerror="alert(2)"></p>')).toBe('<p>a<img src="x" /></p>');
  });

  it('drops javascript: and data: URLs, however they are spelled', () => {
    for (const href of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', '&#106;avascript:alert(1)', 'data:text/html,<script>alert(1)</script>']) {
      const html = safeDescriptionHtml(`<a href="${href}">x</a><img src="${href}">`);
      expect(html, href).not.toMatch(/href|src/);
    }
  });

  it('keeps the text of elements it drops', () => {
    expect(safeDescriptionHtml('<p><font color="red">赤</font> と <blink>点滅</blink></p>')).toBe('<p>赤 と 点滅</p>');
  });
});
