// Callbacks passed to page.evaluate run in the browser and use its DOM types.
/// <reference lib="dom" />
/**
 * The site built with `relative_link: true` for the root, then served from
 * a folder it was not built for (`/sub/`): the plugin's links, tooltips and
 * search work there, as Hexo's own relative links do.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSite, type RunResult, type Site } from '../helpers/site.js';
import { launchChromium, offlineContext, searchResultHrefs, serveFolder, skipReason, suiteTitle, type StaticServer } from './browser.js';

const note = '/sub/2020/07/03/aws-study-day2/';

let site: Site;
let build: RunResult;

beforeAll(async () => {
  site = makeSite('repo', { '_config.relative.yml': 'relative_link: true\n' });
  build = await site.hexo('generate', '--config', '_config.yml,_config.relative.yml');
});
afterAll(() => site?.dispose());

it('builds with relative links', () => {
  expect(build.code).toBe(0);
  expect(site.read('public/index.html')).toContain('<link rel="stylesheet" href="css/reader.css">');
});

describe.skipIf(!!skipReason)(suiteTitle('the relative site in Chromium, from a folder'), () => {
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await serveFolder(join(site.dir, 'public'), '/sub/');
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('finds the AWS note, links results under the folder, shows tooltips, follows glossary links, and requests nothing missing', async () => {
    const { context, offsite, errors } = await offlineContext(browser);
    const failed: string[] = [];
    context.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/sub/search/?q=${encodeURIComponent('IAMロール')}`);
    const hrefs = await searchResultHrefs(page);
    expect(hrefs).toContain(note);
    expect(hrefs.every((href) => href.startsWith('/sub/') && !href.startsWith('/sub/sub/'))).toBe(true);

    await page.locator(`.pagefind-ui__result-link[href="${note}"]`).first().click();
    await page.waitForURL(`${server.url}${note}`);
    await page.locator('article a.glossary-link[data-term="EKS"]').first().hover();
    await expect.poll(() => page.locator('#glossary-tooltip').isVisible()).toBe(true);
    await page.locator('article a.glossary-link[data-term="EKS"]').first().click();
    await page.waitForURL(`${server.url}/sub/glossary/eks/`);
    await page.locator('.glossary-backlink-title').first().click();
    await page.waitForURL(new RegExp(`^${server.url}/sub/\\d{4}/`));

    await page.goto(`${server.url}/sub/`);
    await page.locator('article a.glossary-link').first().click();
    await page.waitForURL(new RegExp(`^${server.url}/sub/glossary/[^/]+/$`));

    await context.close();
    // The theme's favicon too, though Hexo's url_for leaves `/favicon.png`
    // root-absolute on the home page (see site-menu.ts).
    expect(failed).toEqual([]);
    expect(offsite).toEqual([]);
    expect(errors).toEqual([]);
  });
});
