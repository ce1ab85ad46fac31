/**
 * `hexo server --static` serves public/ as `hexo generate` wrote it: every
 * link of it works there, search included, and the plugin builds no search
 * index the server would never serve.
 */
import { LinkChecker, type LinkResult } from 'linkinator';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server.js';
import { makeSite, type RunResult, type Site } from '../helpers/site.js';

describe('hexo server --static', () => {
  let site: Site;
  let build: RunResult;
  let server: RunningServer;
  let links: LinkResult[];

  beforeAll(async () => {
    site = makeSite('pages');
    build = await site.hexo('generate');
    server = await startServer(site.dir, ['--static']);
    const local = new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/`);
    const result = await new LinkChecker().check({
      path: server.url,
      recurse: true,
      checkFragments: true,
      concurrency: 10,
      timeout: 10_000,
      urlRewriteExpressions: [{ pattern: /^https?:\/\/127\.0\.0\.1:4000(?=\/|$)/, replacement: `http://127.0.0.1:${server.port}` }],
      linksToSkip: async (link) => !local.test(link),
    });
    links = result.links;
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
    site?.dispose();
  });

  it('serves every page of the built site with no broken link', () => {
    expect(build.code).toBe(0);
    expect(links.filter((link) => link.state === 'OK' && link.url.includes('/glossary/')).length).toBeGreaterThan(10);
    expect(links.filter((link) => link.state === 'BROKEN').map((link) => `${link.status} ${link.url} (on ${link.parent})`)).toEqual([]);
  });

  it('serves the search bundle the last hexo generate built', async () => {
    const response = await fetch(`${server.url}pagefind/pagefind-entry.json`);
    expect(response.status).toBe(200);
  });

  it('builds no search index of its own, and says why', async () => {
    // An index of the pages fixture takes about a second: give one the time to show.
    await sleep(3000);
    expect(server.output()).toContain('Search: hexo server --static serves the index the last hexo generate built');
    expect(server.output()).not.toMatch(/pages indexed/);
  });
});
