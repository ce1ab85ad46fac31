// Callbacks passed to page.evaluate run in the browser and use its DOM types.
/// <reference lib="dom" />
/**
 * Search under `hexo server`: nothing is written to disk there, so the
 * Pagefind bundle must come from Hexo's routes, and be rebuilt (in the
 * background) when a note changes.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server.js';
import { makeSite, type Site } from '../helpers/site.js';
import { launchChromium, offlineContext, searchResultHrefs, skipReason, suiteTitle } from './browser.js';

const note = '/2020/07/03/aws-study-day2/';
const notePath = 'source/_posts/aws-study-day2.md';

let site: Site;
let server: RunningServer;

beforeAll(async () => {
  site = makeSite('repo');
  server = await startServer(site.dir);
  // The server builds the index in the background, after it starts serving.
  await server.waitFor(/Search: \d+ pages indexed/);
});
afterAll(async () => {
  await server?.stop();
  site?.dispose();
});

describe('hexo server', () => {
  it('builds the index in memory, writing nothing to public/', () => {
    expect(server.output()).not.toMatch(/ERROR/);
    expect(site.exists('public')).toBe(false);
  });

  it('serves the Pagefind bundle, the search page and the reader assets', async () => {
    const entry = await fetch(`${server.url}pagefind/pagefind-entry.json`);
    expect(entry.status).toBe(200);
    expect(Object.keys(((await entry.json()) as { languages: object }).languages)).toEqual(['ja']);
    for (const path of ['pagefind/pagefind-ui.js', 'pagefind/pagefind-ui.css', 'js/glossary-tooltip.js', 'js/reader-search.js', 'css/reader.css']) {
      expect((await fetch(`${server.url}${path}`)).status, path).toBe(200);
    }
    const search = await (await fetch(`${server.url}search/`)).text();
    expect(search).toContain('<html lang="ja">');
    expect(search).toContain('/pagefind/pagefind-ui.js');
  });
});

describe.skipIf(!!skipReason)(suiteTitle('hexo server in Chromium'), () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function search(query: string): Promise<string[]> {
    const { context, offsite, errors } = await offlineContext(browser);
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}`);
      const hrefs = await searchResultHrefs(page);
      expect(offsite).toEqual([]);
      expect(errors).toEqual([]);
      return hrefs;
    } finally {
      await context.close();
    }
  }

  it('finds the AWS note', async () => {
    expect(await search('IAMロール')).toContain(note);
  });

  it('finds a word added to the note after it regenerates', async () => {
    const word = 'ヨウジュツゴケンサクテスト';
    expect(await search(word)).not.toContain(note);
    const from = server.output().length;
    site.write(notePath, `${site.read(notePath)}\n\n${word}\n`);
    await server.waitFor(/Search: \d+ pages indexed/, 60_000, from);
    expect(await search(word)).toContain(note);
  });

  it('shows an open search page the new index once it is rebuilt, with the query typed there', async () => {
    const word = 'zqxjvplonk';
    const { context, errors } = await offlineContext(browser);
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}search/`);
      await page.locator('.pagefind-ui__search-input').fill(word);
      // The query is kept in the address, so that a reload searches it again.
      await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(word);
      expect(await searchResultHrefs(page)).not.toContain(note);
      const from = server.output().length;
      site.write(notePath, `${site.read(notePath)}\n\n${word}\n`);
      await server.waitFor(/Search: \d+ pages indexed/, 60_000, from);
      // Reloaded at the save (old index), then once more by the new index.
      await expect.poll(async () => (await searchResultHrefs(page).catch((): string[] => [])).includes(note), { timeout: 20_000 }).toBe(true);
      expect(await page.locator('.pagefind-ui__search-input').inputValue()).toBe(word);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
