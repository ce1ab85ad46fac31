// Callbacks passed to page.evaluate run in the browser and use its DOM types.
/// <reference lib="dom" />
/**
 * Live reload with many tabs of the site open, as an author keeps a note,
 * its term pages and the index open. A browser opens at most six
 * connections to one host over HTTP/1.1: a reload stream held open by each
 * tab left none for loading anything once six tabs were open.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server.js';
import { makeSite, type Site } from '../helpers/site.js';
import { launchChromium, skipReason, suiteTitle } from './browser.js';

const paths = ['', 'glossary/', 'glossary/eks/', 'glossary/iam/', 'tags/', 'archives/', '2024/01/02/first/'];

describe.skipIf(!!skipReason)(suiteTitle('live reload with seven tabs open'), () => {
  let site: Site;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    site = makeSite('basic');
    site.write('_config.yml', site.read('_config.yml').replace('glossary:\n', 'glossary:\n  search: false\n'));
    server = await startServer(site.dir);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    site?.dispose();
  });

  it('opens every tab and reloads every one when a glossary file is saved', async () => {
    const context = await browser.newContext();
    try {
      const loads = new Map<Page, number>();
      const pages: Page[] = [];
      for (const path of paths) {
        const page = await context.newPage();
        page.on('load', () => loads.set(page, (loads.get(page) ?? 0) + 1));
        // The seventh found no free connection while six streams were held open.
        const response = await page.goto(`${server.url}${path}`, { timeout: 15_000 });
        expect(response?.status(), path).toBe(200);
        pages.push(page);
      }
      // Until one tab has opened the stream: the server says so by the requests it answers.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const before = new Map(pages.map((page) => [page, loads.get(page) ?? 0]));
      site.write('source/_glossary/terms.yml', `${site.read('source/_glossary/terms.yml')}\nReload:\n  summary: 再読み込みの確認。\n`);
      await expect
        .poll(() => pages.filter((page) => (loads.get(page) ?? 0) > before.get(page)!).length, { timeout: 15_000 })
        .toBe(pages.length);
      // And a tab opened now still loads.
      const eighth = await context.newPage();
      expect((await eighth.goto(`${server.url}glossary/`, { timeout: 15_000 }))?.status()).toBe(200);
    } finally {
      await context.close();
    }
  });
});
