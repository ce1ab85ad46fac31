/**
 * The linker against Chromium's own HTML parser, over generated misnested
 * HTML. parse5, the unit tests' oracle, follows the standard as older
 * browsers do; Chromium reads a select's content as it reads the body, since
 * selects can be styled (`<select><code></select>x`: x is in the code
 * Chromium reopens). The linker must be right for both.
 */
import fc from 'fast-check';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkHtml } from '../../hexo-study-glossary/src/core/link-html.js';
import { createMatcher } from '../../hexo-study-glossary/src/core/match-terms.js';
import { pagePrefix } from '../helpers/browser-tree.js';
import { launchChromium, skipReason, suiteTitle } from './browser.js';

const runs = Number(process.env.FC_RUNS ?? 1000);
const matcher = createMatcher([
  { key: 'EKS', forms: ['EKS'], caseSensitive: true },
  { key: 'IAM', forms: ['IAM'], caseSensitive: true },
]);

// Elements a note's raw HTML could open and close in any order: formatting,
// blocks, skipped ones, tables, forms, selects, raw text, SVG and MathML.
const names = (
  'a b code em i nobr s strong u p div section article span h2 h3 pre kbd samp svg math mi foreignObject desc title table tr td th tbody caption ' +
  'ul li dl dd dt button select option optgroup form label summary details template object marquee address listing ' +
  'iframe noembed textarea xmp script style rt ruby hr br img input frameset body head plaintext'
).split(' ');
const token = fc.oneof(
  fc.constantFrom('EKS', 'IAM', ' EKS ', 'x', ' ', 'IAM EKS'),
  fc
    .tuple(fc.constantFrom(...names), fc.constantFrom('', ' class="c"', '/'))
    .map(([name, rest]) => (rest === '/' ? `<${name}/>` : `<${name}${name === 'a' ? ' href="/y"' : rest}>`)),
  fc.constantFrom(...names).map((name) => `</${name}>`),
);

/** Where Chromium puts the glossary links of each page body in `bodies`: per body, the skipped element each link is in ('' when none). */
function linksInChromium(page: Page, bodies: string[]): Promise<string[][]> {
  return page.evaluate(({ all, prefix }) => {
    const skipped = new Set(
      'a code pre kbd samp script style textarea svg math h1 h2 h3 h4 h5 h6 select option optgroup button title iframe noembed noframes xmp plaintext template'.split(' '),
    );
    return all.map((html) => {
      // DOMParser runs no scripts: a `<noscript>` is markup there.
      const doc = new DOMParser().parseFromString(prefix + html, 'text/html');
      const found: string[] = [];
      const walk = (root: ParentNode) => {
        for (const link of Array.from(root.querySelectorAll('a.glossary-link'))) {
          if (Array.from(link.attributes, (attribute) => attribute.name).join(' ') !== 'class href data-term') continue;
          let inside = '';
          for (let parent = link.parentElement; parent; parent = parent.parentElement) {
            if (skipped.has(parent.localName)) {
              inside = parent.localName;
              break;
            }
          }
          found.push(inside);
        }
        for (const template of Array.from(root.querySelectorAll('template'))) if (template.content) walk(template.content);
      };
      walk(doc);
      return found;
    });
  }, { all: bodies, prefix: pagePrefix });
}

describe.skipIf(!!skipReason)(suiteTitle('linkHtml in Chromium'), () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('inserts links that Chromium builds as links, none inside a skipped element, over misnested HTML', async () => {
    const seed = Date.now() % 1_000_000;
    const cases = fc
      .sample(fc.tuple(fc.array(token, { maxLength: 20 }), fc.constantFrom<'first' | 'all'>('first', 'all')), { numRuns: runs, seed })
      .map(([tokens, mode]) => {
        const input = tokens.join('');
        const { html, linked } = linkHtml(input, matcher, { mode, href: (key) => `/glossary/${key}/` });
        return { input, html, linked };
      });
    const [after, before] = [await linksInChromium(page, cases.map((each) => each.html)), await linksInChromium(page, cases.map((each) => each.input))];
    const wrong = cases
      .map((each, index) => ({ ...each, after: after[index]!, before: before[index]! }))
      .filter((each) => each.after.length - each.before.length !== each.linked || each.after.some((inside) => inside !== ''))
      .map((each) => `${JSON.stringify(each.input)}: ${each.after.length - each.before.length} of ${each.linked} links, in ${each.after.filter(Boolean).join(', ')}`);
    expect(wrong, `seed ${seed}`).toEqual([]);
    expect(cases.filter((each) => each.linked > 0).length).toBeGreaterThan(runs / 4);
  });
});
