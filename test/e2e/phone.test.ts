// Callbacks passed to page.evaluate run in the browser and use its DOM types.
/// <reference lib="dom" />
/**
 * Reading the published site on a phone: this repository's site and a
 * fixture note with terms in awkward places (the edges of a line, lists,
 * table cells, a paragraph in a box that scrolls sideways), in Chromium
 * as a touch screen (`isMobile`, `hasTouch`) at 375×740 and 320×568, with
 * taps, never clicks.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeSite, repoRoot, type Site } from '../helpers/site.js';
import { chromiumArgs, chromiumPath, launchChromium, offlineContext, searchResultHrefs, serveFolder, skipReason, suiteTitle, type GuardedContext, type StaticServer } from './browser.js';

const phones = [
  { width: 375, height: 740 },
  { width: 320, height: 568 },
] as const;
const note = '/2020/07/03/aws-study-day2/';
/** Every kind of page a reader meets, on this repository's site. */
const pageKinds = { note, glossary: '/glossary/', term: '/glossary/eks/', tags: '/tags/', tag: '/tags/EKS/', search: '/search/?q=EKS', home: '/' } as const;
const fixtureNote = '/2024/01/03/phone/';
/** The plugin's own text: the glossary, term and tag pages' content, its search page, the tooltip. */
const pluginText = '.glossary-index, .glossary-term, .tag-index, .reader-search > :not(.reader-search-results), #glossary-tooltip';

const phoneNote = `---
title: 電話で読む
date: 2024-01-03 10:00:00
---
EKS

左端から EKS がはじまり、長い文章がつづいて、行の最後にもう一度 IAM と書いてから、右端の近くに IAMロール があるかもしれない。ああああああああああああいいいいいいいEKS

- リストの中の EKS
- 二つめ IAM
  - 入れ子の IAMロール

| 用語 | 説明 |
| --- | --- |
| EKS | IAM と使う |
| 長い長い説明の列 | 表のセルの中の IAMロール |

\`\`\`sh
kubectl get pods --all-namespaces --output=wide --sort-by=.metadata.creationTimestamp --field-selector=status.phase=Running
\`\`\`

コードのすぐ後の段落で EKS と IAM。

<div class="wide" style="overflow-x:auto"><p style="white-space:nowrap">横にスクロールする段落: とても長い行の途中に EKS があり、さらに先の右のほうに IAM があり、そのまたずっと先に IAMロール がある、という具合に続いていく。</p></div>
`;

let repo: Site;
let fixture: Site;

beforeAll(async () => {
  repo = makeSite('repo');
  const config = readFileSync(join(repoRoot, 'test', 'fixtures', 'sites', 'basic', '_config.yml'), 'utf8');
  fixture = makeSite('basic', {
    '_config.yml': config.replace(/^glossary:\n(?: {2}.*\n)*/m, 'glossary:\n  link: all\n  search: false\n'),
    'source/_posts/phone.md': phoneNote,
  });
  const builds = await Promise.all([repo.hexo('generate'), fixture.hexo('generate')]);
  for (const build of builds) expect(build.code, build.output).toBe(0);
});
afterAll(() => {
  repo?.dispose();
  fixture?.dispose();
});

describe.skipIf(!!skipReason)(suiteTitle('the site on a phone, in Chromium'), () => {
  let browser: Browser;
  let servers: { repo: StaticServer; fixture: StaticServer };
  let guarded: GuardedContext | undefined;

  beforeAll(async () => {
    browser = await launchChromium();
    servers = { repo: await serveFolder(join(repo.dir, 'public')), fixture: await serveFolder(join(fixture.dir, 'public')) };
  });
  afterAll(async () => {
    await browser?.close();
    await servers?.repo.close();
    await servers?.fixture.close();
  });
  afterEach(async () => {
    if (!guarded) return;
    const { context, offsite, errors } = guarded;
    guarded = undefined;
    await context.close();
    expect(offsite, 'requests that left 127.0.0.1').toEqual([]);
    expect(errors, 'script errors').toEqual([]);
  });

  /** A fresh phone: a touch screen of `size`, in Japanese, offline but for 127.0.0.1. */
  async function phone(size: { width: number; height: number } = phones[0]): Promise<Page> {
    if (guarded) await guarded.context.close();
    guarded = await offlineContext(browser, { viewport: size, isMobile: true, hasTouch: true });
    return guarded.context.newPage();
  }
  const go = (page: Page, site: keyof typeof servers, path: string) => page.goto(`${servers[site].url}${path}`, { waitUntil: 'load' });
  const tooltip = (page: Page) => page.locator('#glossary-tooltip');
  const shownTerm = (page: Page) => tooltip(page).locator('.glossary-tooltip-term').textContent();
  /** Opens the AWS note and taps the first link of `term`, until its tooltip shows; the link. */
  async function tapInNote(page: Page, term: string): Promise<Locator> {
    await go(page, 'repo', note);
    const link = page.locator(`article a.glossary-link[data-term="${term}"]`).first();
    await link.tap();
    await expect.poll(() => shownTerm(page)).toBe(term);
    return link;
  }
  /** Taps the note's title, which closes any tooltip. */
  const tapAway = (page: Page) => page.locator('h1.article-title').tap();

  /** Text shown under `selector` (the matched elements and everything in them) smaller than 12 px, as `tag.class: size`. */
  function smallText(page: Page, selector: string): Promise<string[]> {
    return page.evaluate((selector) => {
      const sizes: string[] = [];
      for (const root of Array.from(document.querySelectorAll(selector))) {
        for (const element of [root, ...Array.from(root.querySelectorAll('*'))]) {
          const hasText = Array.from(element.childNodes).some((node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim());
          const size = parseFloat(getComputedStyle(element).fontSize);
          if (hasText && element.getClientRects().length && size < 12) sizes.push(`${element.tagName.toLowerCase()}.${String(element.className).split(' ')[0]}: ${size}px`);
        }
      }
      return [...new Set(sizes)];
    }, selector);
  }

  /** What is wrong with the tooltip `link` opened: outside the viewport, over its own term, or away from it. */
  function tooltipProblems(link: Locator): Promise<string[]> {
    return link.evaluate((element) => {
      const tip = document.getElementById('glossary-tooltip');
      if (!tip || tip.hidden) return ['no tooltip'];
      const box = tip.getBoundingClientRect();
      const lines = Array.from(element.getClientRects());
      const problems: string[] = [];
      const width = document.documentElement.clientWidth;
      if (box.left < 0 || box.right > width) problems.push(`outside the viewport: ${box.left}..${box.right} of ${width}`);
      if (lines.some((line) => line.bottom > box.top && line.top < box.bottom && line.right > box.left && line.left < box.right)) problems.push('covers its term');
      const gap = Math.min(...lines.map((line) => Math.min(Math.abs(box.top - line.bottom), Math.abs(line.top - box.bottom))));
      if (gap > 20) problems.push(`${gap}px away from its term`);
      return problems;
    });
  }

  for (const size of phones) {
    it(`never scrolls sideways at ${size.width} px, on any kind of page`, async () => {
      const page = await phone(size);
      const wide: string[] = [];
      for (const [site, path] of [...Object.values(pageKinds).map((path) => ['repo', path] as const), ['fixture', fixtureNote] as const]) {
        await go(page, site, path);
        if (path.startsWith('/search/')) await searchResultHrefs(page);
        const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
        if (scroll > client) wide.push(`${path}: ${scroll} > ${client}`);
      }
      expect(wide).toEqual([]);
    });

    it(`shows a term's summary at the first tap, beside the term and inside the screen, wherever the term is (${size.width} px)`, async () => {
      const page = await phone(size);
      await go(page, 'fixture', fixtureNote);
      const url = page.url();
      const links = page.locator('article a.glossary-link[data-term]');
      const places = new Set<string>();
      const problems: string[] = [];
      for (let index = 0; index < (await links.count()); index++) {
        const link = links.nth(index);
        await tapAway(page);
        await expect.poll(() => tooltip(page).isVisible()).toBe(false);
        await link.tap();
        await expect.poll(() => shownTerm(page)).toBe(await link.getAttribute('data-term'));
        const place = await link.evaluate((element) => element.closest('td, li, .wide')?.tagName.toLowerCase() ?? 'p');
        places.add(place);
        for (const problem of await tooltipProblems(link)) problems.push(`${index} (${place}, ${await link.textContent()}): ${problem}`);
      }
      expect(problems).toEqual([]);
      expect([...places].sort()).toEqual(['div', 'li', 'p', 'td']);
      expect(page.url()).toBe(url);
    });

    it(`never covers the term it explains, even one that wraps onto a second line (${size.width} px)`, async () => {
      const page = await phone(size);
      await go(page, 'repo', note);
      const links = page.locator('article a.glossary-link[data-term]');
      const problems: string[] = [];
      let wrapped = 0;
      expect(await links.count()).toBeGreaterThan(20);
      for (let index = 0; index < (await links.count()); index++) {
        const link = links.nth(index);
        await tapAway(page);
        await link.tap();
        await expect.poll(() => tooltip(page).isVisible()).toBe(true);
        if ((await link.evaluate((element) => element.getClientRects().length)) > 1) wrapped++;
        for (const problem of await tooltipProblems(link)) problems.push(`${await link.textContent()}: ${problem}`);
      }
      expect(problems).toEqual([]);
      if (size.width === 320) expect(wrapped).toBeGreaterThan(0);
    });
  }

  it('prints none of its own text smaller than 12 px', async () => {
    const page = await phone();
    const small: string[] = [];
    for (const path of [pageKinds.glossary, pageKinds.term, pageKinds.tags, '/search/', note]) {
      await go(page, 'repo', path);
      if (path === note) await page.locator('article a.glossary-link[data-term="EKS"]').first().tap();
      small.push(...(await smallText(page, pluginText)).map((entry) => `${path} ${entry}`));
    }
    expect(small).toEqual([]);
  });

  it("prints none of landscape's text smaller than 12 px either, on any kind of page: the sidebar's tag cloud, the tags and the newer/older links under a note, dates, the footer", async () => {
    const page = await phone();
    const small: string[] = [];
    // The fixture has several notes, so its note has newer/older links; its code block has line numbers.
    const pages = [...Object.values(pageKinds).filter((path) => !path.startsWith('/search/')).map((path) => ['repo', path] as const), ['repo', '/archives/'] as const, ['fixture', fixtureNote] as const];
    for (const [site, path] of pages) {
      await go(page, site, path);
      small.push(...(await smallText(page, 'body')).map((entry) => `${path} ${entry}`));
    }
    await go(page, 'repo', note);
    for (const selector of ['.tagcloud a', '.widget .tag-list a', '.article-tag-list a', '#footer-info']) expect(await page.locator(selector).count(), selector).toBeGreaterThan(0);
    await go(page, 'fixture', fixtureNote);
    for (const selector of ['.article-nav-title', 'figure.highlight .gutter']) expect(await page.locator(selector).count(), selector).toBeGreaterThan(0);
    expect(small).toEqual([]);
  });

  it("prints no text of the search results smaller than 12 px, Pagefind's clear button and sub-results included", async () => {
    const page = await phone();
    // The AWS note's headings come as sub-results of it.
    await go(page, 'repo', `/search/?q=${encodeURIComponent('EKS')}`);
    expect((await searchResultHrefs(page)).length).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.pagefind-ui__result-nested').count()).toBeGreaterThan(0);
    expect(await smallText(page, '.reader-search-results')).toEqual([]);
  });

  it("lists no term page's names under its result: they are metadata for ranking, which Pagefind UI would show as \"Aliases: …\"", async () => {
    const page = await phone();
    await go(page, 'repo', `/search/?q=${encodeURIComponent('EKS')}`);
    expect(await searchResultHrefs(page)).toContain('/glossary/eks/');
    const eks = page.locator('.pagefind-ui__result', { has: page.locator('a[href="/glossary/eks/"]') });
    await expect.poll(() => eks.locator('.pagefind-ui__result-excerpt').count()).toBe(1);
    expect(await page.locator('.pagefind-ui__result-tag').count()).toBe(0);
    expect(await page.locator('.pagefind-ui__results').textContent()).not.toMatch(/Aliases:|Reading:|Term:/);
  });

  it('sets Japanese paragraphs, lists and definitions at 1.8 times their font size', async () => {
    const page = await phone();
    const tight: string[] = [];
    for (const path of [note, pageKinds.glossary, pageKinds.term, pageKinds.tags]) {
      await go(page, 'repo', path);
      const found = await page.evaluate(() =>
        Array.from(document.querySelectorAll('.article-entry :is(p, li, dt, dd)'))
          .map((element) => {
            const style = getComputedStyle(element);
            return { name: `${element.tagName.toLowerCase()}.${element.className}`, ratio: parseFloat(style.lineHeight) / parseFloat(style.fontSize) };
          })
          .filter(({ ratio }) => Math.abs(ratio - 1.8) > 0.01)
          .map(({ name, ratio }) => `${name}: ${ratio.toFixed(2)}`),
      );
      tight.push(...[...new Set(found)].map((entry) => `${path} ${entry}`));
    }
    expect(tight).toEqual([]);
  });

  it("spaces the plugin's links, buttons and fields for a finger: 24 px wide and high, or 24 px apart (WCAG 2.5.8)", async () => {
    const targets = '.glossary-jump a, .glossary-entry-link, .glossary-term a, .tag-index a, .reader-search input, .reader-search button, .pagefind-ui a, .pagefind-ui input, .pagefind-ui button';
    const cramped: string[] = [];
    for (const size of phones) {
      const page = await phone(size);
      for (const path of [pageKinds.glossary, pageKinds.term, pageKinds.tags, pageKinds.search]) {
        await go(page, 'repo', path);
        if (path.startsWith('/search/')) await searchResultHrefs(page);
        const found = await page.evaluate((selector) => {
          const shown = (element: Element) => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';
          const all = Array.from(document.querySelectorAll('a[href], button, input, select, textarea, summary')).filter(shown);
          const problems: string[] = [];
          const small = (rect: DOMRect) => rect.width < 24 || rect.height < 24;
          const centre = (rect: DOMRect) => ({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
          // The spacing exception: a 24 px circle on the target's centre meets no other target, nor its circle if it is small too.
          // A link that wraps is one box per line: a finger can use any of them.
          const nearTo = (target: Element, box: DOMRect) =>
            all.find((other) => {
              if (other === target || other.contains(target) || target.contains(other)) return false;
              const { x, y } = centre(box);
              return Array.from(other.getClientRects()).some((rect) => {
                const distance = Math.hypot(Math.max(rect.left - x, 0, x - rect.right), Math.max(rect.top - y, 0, y - rect.bottom));
                return distance < 12 || (small(rect) && Math.hypot(centre(rect).x - x, centre(rect).y - y) < 24);
              });
            });
          for (const target of Array.from(document.querySelectorAll(selector)).filter(shown)) {
            const boxes = Array.from(target.getClientRects());
            if (boxes.some((box) => !small(box) || !nearTo(target, box))) continue;
            const box = boxes[0]!;
            problems.push(`"${target.textContent?.trim()}" (${Math.round(box.width)}x${Math.round(box.height)}) by "${nearTo(target, box)?.textContent?.trim()}"`);
          }
          return problems;
        }, targets);
        cramped.push(...found.map((entry) => `${size.width} ${path} ${entry}`));
      }
    }
    expect(cramped).toEqual([]);
  });

  for (const size of phones) {
    // target-size (WCAG 2.2 AA) is off in axe by default. The fixture has several notes: its sidebar lists recent notes and months.
    it(`gives the links of the sidebar's cloud and lists, and the tags under a note, a target a finger can hit (axe target-size, ${size.width} px)`, async () => {
      const page = await phone(size);
      const found: string[] = [];
      for (const [site, path] of [['repo', note], ['repo', pageKinds.tags], ['fixture', fixtureNote]] as const) {
        await go(page, site, path);
        const { violations } = await new AxeBuilder({ page }).withRules(['target-size']).analyze();
        for (const violation of violations) found.push(...violation.nodes.map((node) => `${path} ${node.target.join(' ')}`));
      }
      expect(found.slice(0, 5)).toEqual([]);
    });
  }

  it('lines the tags under a note up in rows from the left, each row beside the last, none hanging under the Share link', async () => {
    const page = await phone();
    await go(page, 'repo', note);
    const misplaced = await page.locator('.article-tag-list').evaluate((list) => {
      const left = list.getBoundingClientRect().left;
      const boxes = Array.from(list.querySelectorAll('li')).map((item) => item.getBoundingClientRect());
      return boxes.flatMap((box, index) => {
        const previous = boxes[index - 1];
        const newRow = Math.abs(box.left - left) < 1 && (!previous || box.top >= previous.bottom - 1);
        const sameRow = !!previous && Math.abs(box.top - previous.top) < 1 && box.left > previous.right;
        return newRow || sameRow ? [] : [`${index} ${list.querySelectorAll('li')[index]!.textContent}: ${box.left},${box.top}`];
      });
    });
    expect(misplaced).toEqual([]);
  });

  it('has no serious or critical accessibility violation (axe) on any kind of page, nor with a tooltip open', async () => {
    const page = await phone();
    const found: string[] = [];
    const pages = [...Object.values(pageKinds).map((path) => ['repo', path] as const), ['fixture', fixtureNote] as const];
    for (const [site, path] of pages) {
      await go(page, site, path);
      if (path.startsWith('/search/')) await searchResultHrefs(page);
      if (path === note || path === fixtureNote) {
        await page.locator('article td a.glossary-link, article a.glossary-link[data-term="VPC"]').first().tap();
        await expect.poll(() => tooltip(page).isVisible()).toBe(true);
      }
      const { violations } = await new AxeBuilder({ page }).analyze();
      for (const violation of violations) {
        if (violation.impact === 'serious' || violation.impact === 'critical') {
          found.push(`${path}: ${violation.id} (${violation.impact}) at ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(', ')}`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  it('opens the term page at the second tap on a term in a table cell, and in a box that scrolls sideways', async () => {
    const page = await phone();
    await go(page, 'fixture', fixtureNote);
    for (const link of [page.locator('article td a.glossary-link[data-term="IAMロール"]'), page.locator('article .wide a.glossary-link[data-term="IAMロール"]')]) {
      await link.tap();
      await expect.poll(() => shownTerm(page)).toBe('IAMロール');
      await link.tap();
      await page.waitForURL(`${servers.fixture.url}/glossary/${encodeURIComponent('iamロール')}/`);
      await page.goBack();
      await page.waitForURL(`${servers.fixture.url}${fixtureNote}`);
    }
  });

  it('keeps the tooltip under its term while the page scrolls, and closes it at a tap elsewhere', async () => {
    const page = await phone();
    await go(page, 'repo', note);
    const vpc = page.locator('article a.glossary-link[data-term="VPC"]').first();
    const summary = await vpc.getAttribute('title');
    await vpc.tap();
    await expect.poll(() => shownTerm(page)).toBe('VPC');
    await page.evaluate(() => window.scrollBy(0, 150));
    await page.waitForTimeout(200);
    expect(await tooltipProblems(vpc)).toEqual([]);
    await tapAway(page);
    await expect.poll(() => tooltip(page).isVisible()).toBe(false);
    expect(await vpc.getAttribute('title')).toBe(summary);
    expect(page.url()).toBe(`${servers.repo.url}${note}`);
  });

  it("closes the tooltip at a touch outside it that moves neither focus nor the mouse, as iOS Safari's taps on text don't", async () => {
    const page = await phone();
    const vpc = await tapInNote(page, 'VPC');
    // The pointer events of a tap on the title, without the mouse events and focus Chromium adds.
    await page.locator('h1.article-title').evaluate((title) => {
      const box = title.getBoundingClientRect();
      const init = { bubbles: true, cancelable: true, pointerType: 'touch', isPrimary: true, clientX: box.left + 5, clientY: box.top + 5 };
      title.dispatchEvent(new PointerEvent('pointerdown', init));
      title.dispatchEvent(new PointerEvent('pointerup', init));
    });
    await expect.poll(() => tooltip(page).isVisible()).toBe(false);
    expect(await vpc.getAttribute('title')).toBeTruthy();
  });

  it('opens the term page at a tap on its open tooltip, and keeps it open through a swipe that starts there', async () => {
    const page = await phone();
    await tapInNote(page, 'EKS');
    await tooltip(page).evaluate((tip) => {
      const init = { bubbles: true, cancelable: true, pointerType: 'touch', isPrimary: true };
      tip.dispatchEvent(new PointerEvent('pointerdown', init));
      tip.dispatchEvent(new PointerEvent('pointercancel', init));
    });
    await page.waitForTimeout(200);
    expect(await tooltip(page).isVisible()).toBe(true);
    await tooltip(page).tap();
    await page.waitForURL(`${servers.repo.url}/glossary/eks/`);
  });

  it('keeps the tooltip under its term when the box it is in scrolls sideways', async () => {
    const page = await phone();
    await go(page, 'fixture', fixtureNote);
    const iam = page.locator('article .wide a.glossary-link[data-term="IAM"]');
    await iam.tap();
    await expect.poll(() => shownTerm(page)).toBe('IAM');
    const before = (await iam.boundingBox())!;
    await page.locator('article .wide').evaluate((box) => box.scrollBy(100, 0));
    await page.waitForTimeout(200);
    const [tip, term] = [(await tooltip(page).boundingBox())!, (await iam.boundingBox())!];
    expect(before.x - term.x).toBeCloseTo(100, 0);
    expect(await tooltipProblems(iam)).toEqual([]);
    // Left-aligned with the term, unless that would cross the screen's edge (8 px kept free).
    expect(tip.x).toBeCloseTo(Math.min(Math.max(8, term.x), 375 - 8 - tip.width), 0);
  });

  it('comes back from the term page (back/forward cache) with every title in place, and the first tap shows a tooltip again', async () => {
    // playwright turns the back/forward cache off; this browser keeps it.
    const cached = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, ignoreDefaultArgs: ['--disable-back-forward-cache'], timeout: 60_000 });
    try {
      const { context, offsite, errors } = await offlineContext(cached, { viewport: phones[0], isMobile: true, hasTouch: true });
      const page = await context.newPage();
      await page.addInitScript(() => window.addEventListener('pageshow', (event) => document.documentElement.setAttribute('data-restored', String(event.persisted))));
      await go(page, 'repo', note);
      const untitled = () => page.locator('article a.glossary-link[data-term]').evaluateAll((links) => links.filter((link) => !link.getAttribute('title')).length);
      const eks = page.locator('article a.glossary-link[data-term="EKS"]').first();
      await eks.tap();
      await expect.poll(() => shownTerm(page)).toBe('EKS');
      await eks.tap();
      await page.waitForURL(`${servers.repo.url}/glossary/eks/`);

      // A page restored from the cache fires no load event.
      await page.goBack({ waitUntil: 'commit' });
      await expect.poll(() => page.getAttribute('html', 'data-restored')).toBe('true');
      expect(await untitled()).toBe(0);
      expect(await tooltip(page).isVisible()).toBe(false);
      await page.goForward({ waitUntil: 'commit' });
      await expect.poll(() => page.locator('h1.article-title').textContent()).toContain('Amazon EKS');
      await page.goBack({ waitUntil: 'commit' });
      await expect.poll(() => page.url()).toBe(`${servers.repo.url}${note}`);
      await expect.poll(() => page.getAttribute('html', 'data-restored')).toBe('true');
      expect(await untitled()).toBe(0);

      await eks.tap();
      await expect.poll(() => shownTerm(page)).toBe('EKS');
      await page.waitForTimeout(300);
      expect(page.url()).toBe(`${servers.repo.url}${note}`);
      await eks.tap();
      await page.waitForURL(`${servers.repo.url}/glossary/eks/`);
      expect(offsite).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await cached.close();
    }
  });

  it("opens the header's search box at a tap, with a search button a finger can hit, which sends the query", async () => {
    for (const size of phones) {
      const page = await phone(size);
      await go(page, 'repo', '/');
      await page.locator('#sub-nav .nav-search-btn').tap();
      const field = page.locator('#search-form-wrap .search-form-input');
      await expect.poll(() => field.isVisible()).toBe(true);
      await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('search-form-input');
      await page.keyboard.type('認証', { delay: 20 });
      const button = page.locator('#search-form-wrap .search-form-submit');
      const [box, form] = [(await button.boundingBox())!, (await page.locator('#search-form-wrap .search-form').boundingBox())!];
      expect(box.width, `${size.width} px`).toBeGreaterThanOrEqual(24);
      expect(box.height, `${size.width} px`).toBeGreaterThanOrEqual(24);
      // Inside the box, and inside the screen.
      expect(box.x + box.width).toBeLessThanOrEqual(Math.min(form.x + form.width, size.width));
      expect(box.y).toBeGreaterThanOrEqual(form.y);
      expect(box.y + box.height).toBeLessThanOrEqual(form.y + form.height);
      await button.tap();
      await page.waitForURL(`${servers.repo.url}/search/?q=${encodeURIComponent('認証')}`);
      expect(await searchResultHrefs(page)).toContain('/glossary/iam/');
    }
  });

  it('shows no search icon on a site without search, where it would open an empty box, and keeps the feed icon', async () => {
    const page = await phone();
    await go(page, 'fixture', '/');
    const icon = page.locator('#sub-nav .nav-search-btn');
    expect(await icon.count()).toBe(1);
    expect(await icon.isVisible()).toBe(false);
    expect(await icon.evaluate((element) => getComputedStyle(element).display)).toBe('none');
    expect(await page.locator('#sub-nav a.nav-icon:not(.nav-search-btn)').first().isVisible()).toBe(true);
    // The site with search shows it, as a link.
    await go(page, 'repo', '/');
    expect(await page.locator('#sub-nav .nav-search-btn[href]').isVisible()).toBe(true);
  });

  for (const size of phones) {
    it(`shows the whole header search box at ${size.width} px once open, its field at 16 px or more so that iOS Safari doesn't zoom in`, async () => {
      const page = await phone(size);
      await go(page, 'repo', '/');
      await page.locator('#sub-nav .nav-search-btn').tap();
      const field = page.locator('#search-form-wrap .search-form-input');
      await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('search-form-input');
      expect(await field.evaluate((element) => parseFloat(getComputedStyle(element).fontSize))).toBeGreaterThanOrEqual(16);
      // The box slides in; it must come to rest inside the screen and inside the header, which clips what overflows it.
      const cut = () =>
        page.evaluate(() => {
          const header = document.getElementById('header-inner')!.getBoundingClientRect();
          const [left, right] = [Math.max(0, header.left), Math.min(document.documentElement.clientWidth, header.right)];
          return ['.search-form', '.search-form-input', '.search-form-submit'].flatMap((selector) => {
            const box = document.querySelector(`#search-form-wrap ${selector}`)!.getBoundingClientRect();
            return box.left < left - 0.5 || box.right > right + 0.5 ? [`${selector}: ${box.left}..${box.right} outside ${left}..${right}`] : [];
          });
        });
      await expect.poll(cut).toEqual([]);
    });
  }

  it('lets the keyboard scroll a code block too wide for the screen: Tab reaches it, with a ring, and the arrow keys scroll it', async () => {
    const page = await phone();
    await go(page, 'fixture', fixtureNote);
    const block = page.locator('article figure.highlight');
    expect(await block.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
    await expect.poll(() => block.getAttribute('tabindex')).toBe('0');
    for (let presses = 0; presses < 100 && !(await block.evaluate((element) => element === document.activeElement)); presses++) await page.keyboard.press('Tab');
    expect(await block.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await block.evaluate((element) => getComputedStyle(element).outlineStyle)).toBe('solid');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => block.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
    const { violations } = await new AxeBuilder({ page }).withRules(['scrollable-region-focusable']).analyze();
    expect(violations.flatMap((violation) => violation.nodes.map((node) => node.target.join(' ')))).toEqual([]);
  });

  it("draws the header search button's icon at 3:1 or more against its white box (WCAG 1.4.11)", async () => {
    const page = await phone();
    await go(page, 'repo', '/');
    await page.locator('#sub-nav .nav-search-btn').tap();
    const ratio = await page.locator('#search-form-wrap .search-form-submit').evaluate((button) => {
      const luminance = (colour: string) => {
        const [r, g, b] = (colour.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((value) => {
          const channel = Number(value) / 255;
          return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
        }) as [number, number, number];
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const icon = luminance(getComputedStyle(button).color);
      const box = luminance(getComputedStyle(button.closest('form')!).backgroundColor);
      return (Math.max(icon, box) + 0.05) / (Math.min(icon, box) + 0.05);
    });
    expect(ratio).toBeGreaterThanOrEqual(3);
  });

  for (const query of ['EKS', '認証']) {
    it(`searches for ${query} with taps and typing, and a tapped result opens`, async () => {
      const page = await phone();
      await go(page, 'repo', '/search/');
      const field = page.locator('.reader-search-results input').first();
      await field.tap();
      await page.keyboard.type(query, { delay: 20 });
      const hrefs = await searchResultHrefs(page);
      expect(hrefs).toContain(query === 'EKS' ? '/glossary/eks/' : '/glossary/iam/');
      const first = page.locator('.pagefind-ui__result-link').first();
      const href = await first.getAttribute('href');
      await first.tap();
      await page.waitForURL(`${servers.repo.url}${href}`);
    });
  }
});
