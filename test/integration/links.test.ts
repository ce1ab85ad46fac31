/**
 * Every link of the generated site resolves, fragments included: this
 * repo's own site is built with the real `hexo generate`, then linkinator
 * (7.x, the last line that runs on Node 20) crawls `public/` through its
 * own static server. Nothing leaves the machine: links to other hosts are
 * skipped, and the site's absolute URLs (`url: http://127.0.0.1:4000` in
 * `_config.yml`) are rewritten to the checker's server.
 */
import { LinkChecker, type LinkResult } from 'linkinator';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { decodeHTML } from 'entities';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/server.js';
import { makeSite, type RunResult, type Site } from '../helpers/site.js';

describe('links of the generated site', () => {
  let site: Site;
  let build: RunResult;
  let links: LinkResult[];
  let port: number;

  beforeAll(async () => {
    site = makeSite('repo');
    build = await site.hexo('generate');
    port = await freePort();
    const local = new RegExp(`^https?://(?:127\\.0\\.0\\.1|localhost):${port}(?:/|$)`);
    const result = await new LinkChecker().check({
      path: join(site.dir, 'public'),
      port,
      recurse: true,
      checkFragments: true,
      concurrency: 20,
      timeout: 10_000,
      urlRewriteExpressions: [{ pattern: /^https?:\/\/(?:127\.0\.0\.1|localhost):4000(?=\/|$)/, replacement: `http://127.0.0.1:${port}` }],
      // No network here: only the site itself is checked.
      linksToSkip: async (link) => !local.test(link),
    });
    links = result.links;
  }, 600_000);
  afterAll(() => site?.dispose());

  it('builds the site', () => {
    expect(build.code).toBe(0);
  });

  it('crawls every page', () => {
    const checked = links.filter((link) => link.state !== 'SKIPPED');
    expect(checked.length).toBeGreaterThan(100);
    expect(checked.some((link) => link.url.includes('/glossary/'))).toBe(true);
    expect(checked.some((link) => link.url.includes('/tags/'))).toBe(true);
  });

  it('has no broken internal link, fragments included', () => {
    const broken = links
      .filter((link) => link.state === 'BROKEN')
      .map((link) => `${link.status ?? '-'} ${decodeURI(link.url)} (on ${link.parent ? decodeURI(link.parent) : '?'})${link.failureDetails?.length ? ` ${JSON.stringify(link.failureDetails).slice(0, 200)}` : ''}`);
    expect(broken).toEqual([]);
  });
});

/**
 * The same check with every URL setting a deployment changes: a GitHub
 * Pages project site (`url` and `root` under `/notes/`), notes at
 * `:category/:title.html` linked without `.html` or `index.html`
 * (`pretty_urls`), a Japanese glossary path and tag folder. The site is
 * served from `/notes/` by linkinator's server, which, like GitHub Pages,
 * answers `/x` with `x.html` (`cleanUrls`).
 */
describe('links of the site built for a project page with every URL setting changed', () => {
  const siteUrl = 'https://example.com/notes';
  let site: Site;
  let build: RunResult;
  let links: LinkResult[];

  beforeAll(async () => {
    site = makeSite('repo', {
      '_config.deploy.yml': [
        `url: ${siteUrl}`,
        'root: /notes/',
        'permalink: :category/:title.html',
        'pretty_urls:',
        '  trailing_index: false',
        '  trailing_html: false',
        'tag_dir: タグ',
        'glossary:',
        '  path: 用語集',
        '',
      ].join('\n'),
      // A Japanese title, tags and categories, and a file name with & and +.
      'source/_posts/AWS勉強会3日目.md': '---\ntitle: AWS勉強会3日目\ndate: 2024-04-01 10:00:00\ntags: [勉強会, ネットワーク 基礎]\ncategories: [クラウド, 入門]\n---\nEKS と IAMロール の復習。\n\n{% term "AWS Load Balancer Controller" コントローラー %} を使う。\n',
      'source/_posts/Q&A+メモ.md': '---\ntitle: Q&A\ndate: 2024-05-01 10:00:00\ncategories: クラウド\n---\nEKS の Q&A。\n',
    });
    // The menu follows glossary.path and tag_dir, as the README asks.
    site.write('_config.landscape.yml', site.read('_config.landscape.yml').replace('/glossary/', '/用語集/').replace('/tags/', '/タグ/'));
    build = await site.hexo('generate', '--config', '_config.yml,_config.deploy.yml');
    const served = join(site.dir, 'www');
    cpSync(join(site.dir, 'public'), join(served, 'notes'), { recursive: true });
    const port = await freePort();
    const local = new RegExp(`^https?://(?:127\\.0\\.0\\.1|localhost):${port}/notes(?:/|$)`);
    const result = await new LinkChecker().check({
      // Relative to serverRoot: the crawl starts at /notes/index.html.
      path: 'notes/index.html',
      serverRoot: served,
      port,
      cleanUrls: true,
      recurse: true,
      checkFragments: true,
      concurrency: 20,
      timeout: 10_000,
      urlRewriteExpressions: [{ pattern: /^https:\/\/example\.com(?=\/|$)/, replacement: `http://localhost:${port}` }],
      // Links that leave /notes/ are reported by the test below, not followed.
      linksToSkip: async (link) => !local.test(link),
    });
    links = result.links;
  }, 600_000);
  afterAll(() => site?.dispose());

  it('builds the site', () => {
    expect(build.code).toBe(0);
  });

  it('crawls the glossary, the tags and the notes under /notes/', () => {
    // Paths on linkinator's server, decoded.
    const checked = links.filter((link) => link.state === 'OK').map((link) => decodeURI(link.url));
    expect(checked.some((url) => url.includes('notes/用語集/eks/'))).toBe(true);
    expect(checked.some((url) => url.includes('notes/タグ/勉強会/'))).toBe(true);
    expect(checked.some((url) => url.endsWith('notes/クラウド/入門/AWS勉強会3日目'))).toBe(true);
  });

  it('has no broken link, and none that leaves /notes/', () => {
    const broken = links
      // linkinator reports this site's links by their path on its server, and skips those outside /notes/.
      .filter((link) => link.state === 'BROKEN' || (link.state === 'SKIPPED' && !/^[a-z][a-z0-9+.-]*:/i.test(link.url)))
      .map((link) => `${link.state} ${link.status ?? '-'} ${decodeURI(link.url)} (on ${link.parent ? decodeURI(link.parent) : '?'})`);
    expect(broken).toEqual([]);
  });

  it('lists in the sitemap only full URLs of pages that exist', () => {
    const locs = [...site.read('public/sitemap.xml').matchAll(/<loc>([^<]*)<\/loc>/g)].map((match) => decodeHTML(match[1]!));
    expect(locs.some((loc) => loc === `${siteUrl}/${encodeURIComponent('用語集')}/eks/`)).toBe(true);
    const missing = locs.filter((loc) => {
      if (loc === siteUrl) return false; // hexo-generator-sitemap's home page, the folder itself
      if (!loc.startsWith(`${siteUrl}/`)) return true;
      const file = decodeURIComponent(loc.slice(siteUrl.length + 1));
      const candidates = file === '' || file.endsWith('/') ? [`${file}index.html`] : [file, `${file}.html`];
      return !candidates.some((candidate) => site.exists(`public/${candidate}`));
    });
    expect(missing).toEqual([]);
  });
});
