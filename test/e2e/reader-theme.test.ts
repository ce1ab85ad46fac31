// Callbacks passed to page.evaluate run in the browser and use its DOM types.
/// <reference lib="dom" />
/**
 * Landscape as the plugin restyles it (reader-styles.ts), in Chromium: the
 * parts a one-note site doesn't show. The repository's site gets a second,
 * newer note and one note a page on the home page, so notes have the
 * newer/older links under them and the home page has pagination. The new
 * note has three code blocks: one short, one that fits the desktop but not
 * a phone, one wider than the desktop's column.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeSite, type RunResult, type Site } from '../helpers/site.js';
import { offlineContext, servedInChromium, skipReason, suiteTitle, type GuardedContext } from './browser.js';

/** The repository's note: its newer neighbour is the note added here. */
const note = '/2020/07/03/aws-study-day2/';
const newerNotePath = '/2020/07/10/aws-study-day3/';
const newerNote = `---
title: AWS勉強会3日目
date: 2020-07-10 10:00:00
---
VPCの中にEKSのクラスターを作る。

![ノードの図](/favicon.png)

![List<String> の図](/favicon.png)

![<img src=x onerror="window.captionScript=1">](/favicon.png)

\`\`\`sh
kubectl get pods
\`\`\`

\`\`\`sh
kubectl get pods --all-namespaces --output=wide --sort-by=.metadata.name
\`\`\`

\`\`\`sh
kubectl get pods --all-namespaces --output=wide --sort-by=.metadata.creationTimestamp --field-selector=status.phase=Running --show-labels
\`\`\`
`;
const desktop = { width: 1024, height: 768 };

let site: Site;
let build: RunResult;

beforeAll(async () => {
  site = makeSite('repo', {
    'source/_posts/aws-study-day3.md': newerNote,
    '_config.one-per-page.yml': 'index_generator:\n  per_page: 1\n',
  });
  build = await site.hexo('generate', '--config', '_config.yml,_config.one-per-page.yml');
});
afterAll(() => site?.dispose());

describe.skipIf(!!skipReason)(suiteTitle("landscape's pages in Chromium"), () => {
  beforeAll(() => expect(build.code).toBe(0));
  const served = servedInChromium(() => join(site.dir, 'public'));
  let guarded: GuardedContext;
  let page: Page;

  beforeEach(async () => {
    guarded = await offlineContext(served.browser, { viewport: desktop });
    page = await guarded.context.newPage();
  });
  afterEach(async () => {
    const { offsite, errors } = guarded;
    await guarded.context.close();
    expect(offsite, 'requests that left 127.0.0.1').toEqual([]);
    expect(errors, 'script errors').toEqual([]);
  });

  const go = (path: string) => page.goto(`${served.server.url}${path}`, { waitUntil: 'load' });

  it('rings every link, button and field that keyboard focus reaches, from the header to the footer', async () => {
    await go('/');
    const rings: Record<string, string> = {};
    for (let presses = 0; presses < 400; presses++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const element = document.activeElement;
        if (!element || element === document.body) return undefined;
        const style = getComputedStyle(element);
        return { name: `${element.tagName.toLowerCase()}.${element.className}`, ring: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor} / ${style.boxShadow}` };
      });
      if (!focused) break;
      rings[focused.name] ??= focused.ring;
    }
    // A sample of each part of the page: header, search icon, note, glossary link, pagination, sidebar.
    expect(Object.keys(rings)).toEqual(
      expect.arrayContaining(['a.', 'a.main-nav-link', 'a.nav-icon nav-search-btn', 'a.article-date', 'a.glossary-link', 'a.extend next', 'a.archive-list-link']),
    );
    for (const [name, ring] of Object.entries(rings)) expect(ring, name).toMatch(/^solid 2px rgb\(11, 58, 79\) \/ rgb\(255, 255, 255\) 0px 0px 0px 2px/);

    // The search icon opens the header's box and focuses its field.
    await page.locator('.nav-search-btn').focus();
    await page.keyboard.press('Enter');
    const field = page.locator('#search-form-wrap .search-form-input');
    await expect.poll(() => field.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await field.evaluate((element) => getComputedStyle(element).outlineStyle)).toBe('solid');

    // Tab goes on to the box's button, which stays on screen with its focus:
    // the theme closes the box when the field loses focus, and it hid the
    // focused button, leaving focus on <body>.
    await page.keyboard.press('Tab');
    const button = page.locator('#search-form-wrap .search-form-submit');
    await expect.poll(() => button.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.waitForTimeout(400);
    expect(await button.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await button.isVisible()).toBe(true);
    expect(await page.locator('#search-form-wrap').evaluate((element) => getComputedStyle(element).opacity)).toBe('1');
  });

  it("opens the header's search box at a click without moving the header: the search icon overhangs it, and the click scrolled it 15 px sideways", async () => {
    await go('/');
    const navAt = () => page.locator('#main-nav').evaluate((element) => element.getBoundingClientRect().left);
    const before = await navAt();
    await page.locator('.nav-search-btn').click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('search-form-input');
    expect(await page.locator('#header-inner').evaluate((element) => element.scrollLeft)).toBe(0);
    expect(await navAt()).toBe(before);
    await expect
      .poll(() =>
        page.evaluate(() => {
          const header = document.getElementById('header-inner')!.getBoundingClientRect();
          const form = document.querySelector('#search-form-wrap .search-form')!.getBoundingClientRect();
          return form.right <= header.right + 0.5 && form.left >= header.left - 0.5;
        }),
      )
      .toBe(true);
  });

  it('lets the keyboard reach and scroll the code blocks that are too wide for their column, and only those, also after a resize', async () => {
    await go(newerNotePath);
    const blocks = page.locator('article figure.highlight');
    expect(await blocks.count()).toBe(3);
    const focusable = () => blocks.evaluateAll((elements) => elements.map((element) => [element.scrollWidth > element.clientWidth, element.getAttribute('tabindex')]));
    await expect.poll(focusable).toEqual([
      [false, null],
      [false, null],
      [true, '0'],
    ]);
    const wide = blocks.nth(2);
    // Named, so that a screen reader says what has focus.
    expect(await wide.evaluate((element) => [element.getAttribute('role'), element.getAttribute('aria-label')])).toEqual(['region', 'コード']);
    await wide.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => wide.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
    const { violations } = await new AxeBuilder({ page }).include('article').analyze();
    expect(violations.map((violation) => violation.id)).toEqual([]);

    await page.setViewportSize({ width: 375, height: 740 });
    await expect.poll(focusable).toEqual([
      [false, null],
      [true, '0'],
      [true, '0'],
    ]);
    await page.setViewportSize(desktop);
    await expect.poll(focusable).toEqual([
      [false, null],
      [false, null],
      [true, '0'],
    ]);
    expect(await blocks.nth(1).evaluate((element) => [element.getAttribute('role'), element.getAttribute('aria-label')])).toEqual([null, null]);
  });

  it('works the phone menu from the keyboard: Tab reaches the named toggle, Enter opens the menu on its first link, Escape closes it', async () => {
    await page.setViewportSize({ width: 320, height: 640 });
    await go(note);
    const toggle = page.getByRole('button', { name: 'メニュー' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    // From the page's start, before any link of the note.
    let reached = false;
    for (let presses = 0; presses < 10 && !reached; presses++) {
      await page.keyboard.press('Tab');
      reached = await toggle.evaluate((element) => element === document.activeElement);
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
    const first = page.locator('#mobile-nav a.mobile-nav-link').first();
    expect(await first.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.waitForTimeout(300);
    expect(await first.isVisible()).toBe(true);
    expect(await page.evaluate(() => document.elementFromPoint(40, 30)?.closest('#mobile-nav') !== null)).toBe(true);

    await page.keyboard.press('Escape');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await toggle.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press(' ');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
  });

  it("keeps the closed phone menu's links out of the Tab order, at every width", async () => {
    for (const viewport of [desktop, { width: 320, height: 640 }]) {
      await page.setViewportSize(viewport);
      await go(note);
      const focused: string[] = [];
      for (let presses = 0; presses < 400; presses++) {
        await page.keyboard.press('Tab');
        const name = await page.evaluate(() => (!document.activeElement || document.activeElement === document.body ? null : document.activeElement.className));
        if (name === null) break;
        focused.push(name);
      }
      expect(focused.length, `${viewport.width}px`).toBeGreaterThan(20);
      expect(focused, `${viewport.width}px`).not.toContain('mobile-nav-link');
    }
  });

  it('works the Share link from the keyboard: a button, Enter opens its box on the address, Escape closes it', async () => {
    await go(note);
    const share = page.locator('article .article-share-link');
    expect(await share.getAttribute('role')).toBe('button');
    expect(await share.getAttribute('tabindex')).toBe('0');
    await share.focus();
    await page.keyboard.press('Enter');
    const box = page.locator('.article-share-box.on');
    await expect.poll(() => box.count()).toBe(1);
    expect(await box.locator('input').evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => box.count()).toBe(0);
    expect(await share.evaluate((element) => element === document.activeElement)).toBe(true);
  });

  it('draws the header icons in the text colour in forced colours, and slides nothing with reduced motion', async () => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.emulateMedia({ forcedColors: 'active', reducedMotion: 'reduce' });
    await go(note);
    for (const icon of ['.fa-bars', '.fa-rss', '.fa-search']) {
      const drawn = await page.locator(`#header ${icon}`).first().evaluate((element) => {
        const style = getComputedStyle(element, '::before');
        return { background: style.backgroundColor, colour: getComputedStyle(element).color };
      });
      expect(drawn.background, icon).toBe(drawn.colour);
    }
    for (const selector of ['#wrap', '#search-form-wrap', '#mobile-nav']) {
      expect(await page.locator(selector).evaluate((element) => getComputedStyle(element).transitionDuration), selector).toMatch(/^0s(, 0s)*$/);
    }
  });

  it('draws no ring on a link clicked with the mouse', async () => {
    await go(note);
    const link = page.locator('article a.glossary-link').first();
    await link.evaluate((element) => element.addEventListener('click', (event) => event.preventDefault()));
    await link.click();
    const style = await link.evaluate((element) => {
      const { outlineStyle, boxShadow } = getComputedStyle(element);
      return { focused: element === document.activeElement, outlineStyle, boxShadow };
    });
    expect(style).toEqual({ focused: true, outlineStyle: 'none', boxShadow: 'none' });
  });

  it("names each service in the Share box with visible text, drawn without any outside request", async () => {
    await go(note);
    await page.locator('article .article-share-link').click();
    const links = page.locator('.article-share-box.on .article-share-links a');
    expect(await links.count()).toBe(4);
    for (const name of ['Twitter', 'Facebook', 'Pinterest', 'LinkedIn']) {
      const link = page.locator('.article-share-box.on').getByRole('link', { name, exact: true });
      expect(await link.isVisible(), name).toBe(true);
      const drawn = await link.evaluate((element) => {
        const label = getComputedStyle(element, '::before');
        const box = element.getBoundingClientRect();
        return { content: label.content, colour: label.color, width: box.width };
      });
      expect(drawn.content, name).toBe(`"${name}"`);
      // #595959 on landscape's #eee: 6:1.
      expect(drawn.colour, name).toBe('rgb(89, 89, 89)');
      // The whole name fits: landscape's links are 50 px wide, for an icon.
      expect(await link.evaluate((element) => element.scrollWidth <= element.clientWidth), name).toBe(true);
    }
  });

  it("shows an image's caption, which landscape's script writes from its alt text, with enough contrast (axe)", async () => {
    await go(newerNotePath);
    await expect.poll(() => page.locator('.article-entry .caption').first().textContent()).toBe('ノードの図');
    const { violations } = await new AxeBuilder({ page }).include('.article-entry .caption').withRules(['color-contrast']).analyze();
    expect(violations.flatMap((violation) => violation.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary}`))).toEqual([]);
  });

  it("writes an image's caption from its alt text as text, markup and all, for the page and its lightbox", async () => {
    await go(newerNotePath);
    const captions = page.locator('.article-entry .caption');
    await expect.poll(() => captions.count()).toBe(3);
    expect(await captions.allTextContents()).toEqual(['ノードの図', 'List<String> の図', '<img src=x onerror="window.captionScript=1">']);
    expect(await page.locator('.article-entry .caption *').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { captionScript?: unknown }).captionScript)).toBeUndefined();
    const lightbox = await page.locator('.article-entry a[data-fancybox="gallery"]').evaluateAll((links) => links.map((link) => link.getAttribute('data-caption')));
    expect(lightbox).toEqual(['ノードの図', 'List&lt;String&gt; の図', '&lt;img src=x onerror="window.captionScript=1"&gt;']);
  });

  it('shows the newer/older links under a note with enough contrast (axe)', async () => {
    await go(note);
    expect(await page.locator('#article-nav-newer .article-nav-title').textContent()).toContain('AWS勉強会3日目');
    const { violations } = await new AxeBuilder({ page }).include('#article-nav').withRules(['color-contrast']).analyze();
    expect(violations.flatMap((violation) => violation.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary}`))).toEqual([]);
  });
});
