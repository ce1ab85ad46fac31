/**
 * Real Markdown, raw HTML and all: the README of every package installed at
 * the top of node_modules/ (pinned by package-lock.json), rendered by the
 * marked that hexo-renderer-marked uses and linked with a glossary of words
 * READMEs use all the time, then read as a browser builds the page
 * (parse5): the links are exactly those inserted, none inside an element
 * whose text is never linked or inside another link, and the text a reader
 * sees is unchanged.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as parse5 from 'parse5';
import { describe, expect, it } from 'vitest';
import { defaultSkip, linkHtml } from '../../hexo-study-glossary/src/core/link-html.js';
import { createMatcher } from '../../hexo-study-glossary/src/core/match-terms.js';
import { insertedAnchors, pagePrefix, type TreeNode } from '../helpers/browser-tree.js';
import { repoRoot } from '../helpers/site.js';

const modules = join(repoRoot, 'node_modules');
const packages = readdirSync(modules)
  .filter((name) => !name.startsWith('.'))
  .flatMap((name) => (name.startsWith('@') ? readdirSync(join(modules, name)).map((scoped) => `${name}/${scoped}`) : [name]))
  .sort();
const readmes = packages.flatMap((name) => {
  const dir = join(modules, name);
  const file = existsSync(dir) ? readdirSync(dir).find((entry) => /^readme\.(md|markdown)$/i.test(entry)) : undefined;
  return file ? [{ name, markdown: readFileSync(join(dir, file), 'utf8') }] : [];
});

const { marked } = createRequire(createRequire(join(repoRoot, 'package.json')).resolve('hexo-renderer-marked'))('marked') as typeof import('marked');

const words = ['npm', 'API', 'JSON', 'HTML', 'CSS', 'URL', 'HTTP', 'JavaScript', 'TypeScript', 'Node.js', 'GitHub', 'Markdown', 'MIT'];
const matcher = createMatcher([
  ...words.map((word) => ({ key: word, forms: [word], caseSensitive: true })),
  ...['the', 'install', 'options', 'function', 'module', 'string', 'license', 'browser', 'a'].map((word) => ({ key: word, forms: [word], caseSensitive: false })),
]);
const skipped = new Set([...defaultSkip, 'a', '[role=button]', '[role=tab]']);

/** The text of the body a browser builds from `html`. */
function shownText(html: string): string {
  const text = (node: TreeNode): string =>
    node.nodeName === '#text' ? (node as parse5.DefaultTreeAdapterMap['textNode']).value : 'childNodes' in node ? node.childNodes.map(text).join('') : '';
  return text(parse5.parse(pagePrefix + html));
}

describe('linking the READMEs of the installed packages', () => {
  it('finds hundreds of them', () => {
    expect(readmes.length).toBeGreaterThan(250);
  });

  for (const mode of ['all', 'first'] as const) {
    it(`puts each link of ${mode} mode where a browser shows it, in no skipped element, and changes no text`, () => {
      let links = 0;
      const problems: string[] = [];
      for (const { name, markdown } of readmes) {
        const html = marked.parse(markdown, { async: false, gfm: true });
        const { html: linked, linked: count } = linkHtml(html, matcher, { mode, href: (key) => `/glossary/${encodeURIComponent(key)}/` });
        links += count;
        if (count === 0) continue;
        const anchors = insertedAnchors(linked);
        if (anchors.length - insertedAnchors(html).length !== count) problems.push(`${name}: a browser sees ${anchors.length} links for ${count}`);
        for (const anchor of anchors) {
          const inside = anchor.ancestors.filter((ancestor) => skipped.has(ancestor));
          if (inside.length > 0) problems.push(`${name}: ${anchor.key} inside ${inside.join(' > ')}`);
        }
        if (shownText(linked) !== shownText(html)) problems.push(`${name}: text changed`);
      }
      expect(problems).toEqual([]);
      expect(links).toBeGreaterThan(1000);
    });
  }
});
