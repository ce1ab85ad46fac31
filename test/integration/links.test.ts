/**
 * Every link of the generated site resolves, fragments included: this
 * repo's own site is built with the real `hexo generate`, then linkinator
 * (7.x, the last line that runs on Node 20) crawls `public/` through its
 * own static server. Nothing leaves the machine: links to other hosts are
 * skipped, and the site's absolute URLs (`url: http://127.0.0.1:4000` in
 * `_config.yml`) are rewritten to the checker's server.
 */
import { LinkChecker, type LinkResult } from 'linkinator';
import { join } from 'node:path';
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
