// Callbacks passed to page.evaluate run in the browser and use its DOM types.
/// <reference lib="dom" />
/**
 * The site built as a GitHub Pages project site, the way
 * .github/workflows/pages.yml builds it: under `/notes/`, with
 * `--config _config.yml,_config.pages.yml`.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSite, type RunResult, type Site } from '../helpers/site.js';
import { launchChromium, offlineContext, searchResultHrefs, serveFolder, skipReason, suiteTitle, type StaticServer } from './browser.js';

const note = '/notes/2020/07/03/aws-study-day2/';

let site: Site;
let build: RunResult;

beforeAll(async () => {
  site = makeSite('repo', { '_config.pages.yml': 'url: https://example.github.io/notes\nroot: /notes/\n' });
  build = await site.hexo('generate', '--config', '_config.yml,_config.pages.yml');
});
afterAll(() => site?.dispose());

it('builds under /notes/ with the workflow\'s command', () => {
  expect(build.code).toBe(0);
  const html = site.read('public/index.html');
  expect(html).toContain('<link rel="alternate" href="/notes/atom.xml"');
  expect(html).toContain('<link rel="stylesheet" href="/notes/css/reader.css">');
  expect(html).toContain('action="/notes/search/"');
  expect(site.read('public/atom.xml')).toContain('<link href="https://example.github.io/notes/2020/07/03/aws-study-day2/"/>');
});

describe.skipIf(!!skipReason)(suiteTitle('the project site in Chromium'), () => {
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await serveFolder(join(site.dir, 'public'), '/notes/');
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('finds the AWS note, links results under /notes/, shows tooltips, and requests nothing missing', async () => {
    const { context, offsite, errors } = await offlineContext(browser);
    const failed: string[] = [];
    context.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/notes/search/?q=${encodeURIComponent('IAMロール')}`);
    const hrefs = await searchResultHrefs(page);
    expect(hrefs).toContain(note);
    expect(hrefs.every((href) => href.startsWith('/notes/') && !href.startsWith('/notes/notes/'))).toBe(true);

    await page.locator(`.pagefind-ui__result-link[href="${note}"]`).first().click();
    await page.waitForURL(`${server.url}${note}`);
    await page.locator('article a.glossary-link[data-term="EKS"]').first().hover();
    await expect.poll(() => page.locator('#glossary-tooltip').isVisible()).toBe(true);
    await page.locator('article a.glossary-link[data-term="EKS"]').first().click();
    await page.waitForURL(`${server.url}/notes/glossary/eks/`);

    await context.close();
    expect(failed).toEqual([]);
    expect(offsite).toEqual([]);
    expect(errors).toEqual([]);
  });
});
