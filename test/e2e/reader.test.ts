// Callbacks passed to page.evaluate run in the browser and use its DOM types.
/// <reference lib="dom" />
/**
 * The reader's experience of the built repository site: the files Hexo
 * writes, then the pages in Chromium (tooltips, navigation, search,
 * a 375px phone, accessibility), all served from 127.0.0.1 with every
 * other host blocked.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeSite, repoRoot, type RunResult, type Site } from '../helpers/site.js';
import { offlineContext, searchResultHrefs, servedInChromium, skipReason, suiteTitle, type GuardedContext } from './browser.js';

const note = '/2020/07/03/aws-study-day2/';
const termUrl = (slug: string) => `/glossary/${encodeURIComponent(slug)}/`;
/** The pages axe checks, and that must fit a phone. */
const keyPages = { home: '/', note, glossary: '/glossary/', term: termUrl('eks'), tags: '/tags/' } as const;
const queries = ['アベイラビリティゾーン', 'IAMロール', 'ロードバランサー'];
const phone = { width: 375, height: 740 };
const desktop = { width: 1024, height: 768 };

let site: Site;
let build: RunResult;

beforeAll(async () => {
  site = makeSite('repo');
  build = await site.hexo('generate');
});
afterAll(() => site?.dispose());

/** Every file under `public/`, as site paths (`2020/07/03/aws-study-day2/index.html`). */
function publicFiles(): string[] {
  const root = join(site.dir, 'public');
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [relative(root, path).split('\\').join('/')];
    });
  return walk(root);
}

describe('the built site, as files', () => {
  it('builds without errors and indexes the notes and term pages', () => {
    expect(build.code).toBe(0);
    expect(build.output).not.toMatch(/ERROR/);
    expect(build.output).toMatch(/Search: \d+ pages indexed/);
  });

  it('sets lang="ja" on every page and loads nothing from another host', () => {
    const pages = publicFiles().filter((path) => path.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(50);
    for (const path of pages) {
      const html = site.read(`public/${path}`);
      expect(html, path).toMatch(/<html lang="ja">/);
      expect(html, path).not.toMatch(/<link[^>]+href="(https?:)?\/\/[^"]*"[^>]*rel="stylesheet"|<link[^>]+rel="stylesheet"[^>]+href="(https?:)?\/\//);
      expect(html, path).not.toMatch(/<script[^>]+src="(https?:)?\/\//);
      expect(html, path).not.toContain('google.com/search');
    }
  });

  it('resolves every local href and src in every page', () => {
    const files = new Set(publicFiles());
    const missing: string[] = [];
    for (const path of [...files].filter((file) => file.endsWith('.html'))) {
      const html = site.read(`public/${path}`);
      for (const match of html.matchAll(/\s(?:href|src)="([^"#?]*)[^"]*"/g)) {
        const url = match[1] ?? '';
        if (url === '' || /^[a-z][a-z0-9+.-]*:|^\/\//i.test(url)) continue;
        const absolute = new URL(url, `http://127.0.0.1/${path}`).pathname;
        const target = decodeURIComponent(absolute).replace(/^\//, '');
        const folder = target === '' || target.endsWith('/') ? target : `${target}/`;
        const found = files.has(target) || files.has(`${folder}index.html`);
        if (!found) missing.push(`${path}: ${url}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('writes an Atom feed with the AWS note, a sitemap and a favicon', () => {
    const feed = site.read('public/atom.xml');
    expect(feed).toMatch(/^<\?xml version="1\.0" encoding="utf-8"\?>\s*<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom">/);
    expect(feed).toContain('<title>AWS勉強会2日目</title>');
    expect(feed).toContain(`<link href="http://127.0.0.1:4000${note}"/>`);
    // Notes go into the feed as written: links are added to the site's pages only.
    expect(feed).toContain('EKS');
    expect(feed).not.toContain('glossary-link');
    expect(site.read('public/sitemap.xml')).toContain(`<loc>http://127.0.0.1:4000${note}</loc>`);
    const favicon = readFileSync(join(site.dir, 'public/favicon.png'));
    expect(favicon.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
    const home = site.read('public/index.html');
    expect(home).toContain('<link rel="alternate" href="/atom.xml" title="勉強ノート" type="application/atom+xml">');
    expect(home).toContain('<link rel="shortcut icon" href="/favicon.png">');
  });

  it('writes the Pagefind bundle with a Japanese index', () => {
    const bundle = publicFiles().filter((path) => path.startsWith('pagefind/'));
    expect(bundle).toEqual(expect.arrayContaining(['pagefind/pagefind.js', 'pagefind/pagefind-ui.js', 'pagefind/pagefind-ui.css', 'pagefind/pagefind-entry.json']));
    const entry = JSON.parse(site.read('public/pagefind/pagefind-entry.json')) as { languages: Record<string, { page_count: number }> };
    expect(Object.keys(entry.languages)).toEqual(['ja']);
    expect(entry.languages['ja']?.page_count).toBeGreaterThan(40);
  });

  it('marks only the article of notes and term pages for indexing', () => {
    expect(site.read(`public${note}index.html`)).toMatch(/<article [^>]*data-pagefind-body/);
    expect(site.read('public/glossary/eks/index.html')).toMatch(/<article [^>]*data-pagefind-body/);
    expect(site.read('public/glossary/eks/index.html')).toContain('<meta data-pagefind-meta="title[content]" content="Amazon EKS">');
    expect(site.read('public/glossary/eks/index.html')).toContain('<section class="glossary-backlinks" data-pagefind-ignore>');
    for (const page of ['index.html', 'tags/index.html', 'search/index.html', 'archives/index.html']) {
      expect(site.read(`public/${page}`), page).not.toContain('data-pagefind-body');
    }
  });
});

describe.skipIf(!!skipReason)(suiteTitle('the built site in Chromium'), () => {
  beforeAll(() => expect(build.code).toBe(0));
  const served = servedInChromium(() => join(site.dir, 'public'));
  let guarded: GuardedContext;
  let page: Page;

  async function open(viewport: { width: number; height: number }, options: BrowserContextOptions = {}): Promise<Page> {
    guarded = await offlineContext(served.browser, { viewport, ...options });
    page = await guarded.context.newPage();
    return page;
  }
  const go = (path: string) => page.goto(`${served.server.url}${path}`, { waitUntil: 'load' });
  const tooltip = () => page.locator('#glossary-tooltip');
  /** Tabs into the note's text up to its first term, as a keyboard user would; the focused link. */
  async function tabToFirstTerm() {
    await page.locator('.article-entry').evaluate((entry) => {
      entry.setAttribute('tabindex', '-1');
      (entry as HTMLElement).focus();
    });
    const focusedClass = () => page.evaluate(() => document.activeElement?.className);
    for (let presses = 0; presses < 5 && (await focusedClass()) !== 'glossary-link'; presses++) await page.keyboard.press('Tab');
    expect(await focusedClass()).toBe('glossary-link');
    return page.locator('a.glossary-link:focus');
  }

  beforeEach(async () => {
    await open(desktop);
  });
  afterEach(async () => {
    const { offsite, errors } = guarded;
    await guarded.context.close();
    expect(offsite, 'requests that left 127.0.0.1').toEqual([]);
    expect(errors, 'script errors').toEqual([]);
  });

  it('loads every key page from 127.0.0.1 alone, in Japanese, with the icons drawn locally', async () => {
    for (const path of [...Object.values(keyPages), '/search/']) {
      const response = await go(path);
      expect(response?.status(), path).toBe(200);
      expect(await page.getAttribute('html', 'lang'), path).toBe('ja');
    }
    await go(note);
    const icon = await page.locator('.nav-search-btn .fa-search').evaluate((element) => getComputedStyle(element, '::before').maskImage);
    expect(icon).toMatch(/^url\("data:image\/svg\+xml,/);
    const font = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
    expect(font).toContain('Noto Sans CJK JP');
    const favicon = await page.request.get(`${served.server.url}/favicon.png`);
    expect(favicon.headers()['content-type']).toBe('image/png');
  });

  it('shows the summary on hover, announced as a tooltip, and hides it when the pointer leaves', async () => {
    await go(note);
    const link = page.locator('article a.glossary-link[data-term="EKS"]').first();
    const summary = await link.getAttribute('title');
    expect(summary).toMatch(/Kubernetes/);

    await link.hover();
    await expect.poll(() => tooltip().isVisible()).toBe(true);
    expect(await tooltip().getAttribute('role')).toBe('tooltip');
    expect(await tooltip().textContent()).toBe(`EKS${summary}`);
    expect(await link.getAttribute('aria-describedby')).toBe('glossary-tooltip');
    // No second, native tooltip while ours is open.
    expect(await link.getAttribute('title')).toBeNull();
    const description = await page.evaluate(() => {
      const element = document.querySelector('article a.glossary-link[aria-describedby]');
      const id = element?.getAttribute('aria-describedby');
      return id ? document.getElementById(id)?.textContent : undefined;
    });
    expect(description).toContain(summary);

    await page.mouse.move(5, 5);
    await expect.poll(() => tooltip().isVisible()).toBe(false);
    expect(await link.getAttribute('title')).toBe(summary);
    expect(await link.getAttribute('aria-describedby')).toBeNull();
  });

  it('shows the summary on keyboard focus and hides it with Escape, keeping focus', async () => {
    await go(note);
    const focused = await tabToFirstTerm();
    const term = await focused.getAttribute('data-term');
    expect(term).toBeTruthy();
    await expect.poll(() => tooltip().isVisible()).toBe(true);
    expect(await tooltip().textContent()).toContain(term!);
    // The stylesheet's own box, for readers without scripts, stays off.
    expect(await focused.evaluate((link) => getComputedStyle(link, '::after').content)).toBe('none');

    await page.keyboard.press('Escape');
    await expect.poll(() => tooltip().isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-term'))).toBe(term);
    expect(await focused.getAttribute('title')).toBeTruthy();

    // The next link opens its own tooltip again.
    await page.keyboard.press('Tab');
    await expect.poll(() => tooltip().isVisible()).toBe(true);
  });

  it("keeps a focused term's summary when the pointer passes over it or another term, until Escape", async () => {
    await go(note);
    const eks = page.locator('article a.glossary-link[data-term="EKS"]').first();
    const vpc = page.locator('article a.glossary-link[data-term="VPC"]').first();
    /** The term whose tooltip shows, once the pointer's grace period (150 ms) is over. */
    const shownAfterLeaving = async () => {
      await page.mouse.move(5, 5);
      await page.waitForTimeout(400);
      return (await tooltip().isVisible()) ? await tooltip().locator('.glossary-tooltip-term').textContent() : null;
    };
    await eks.focus();
    await expect.poll(() => tooltip().isVisible()).toBe(true);

    await eks.hover();
    expect(await shownAfterLeaving()).toBe('EKS');
    await vpc.hover();
    await expect.poll(() => tooltip().locator('.glossary-tooltip-term').textContent()).toBe('VPC');
    expect(await shownAfterLeaving()).toBe('EKS');
    expect(await eks.getAttribute('aria-describedby')).toBe('glossary-tooltip');
    expect(await vpc.getAttribute('title')).toBeTruthy();

    // Escape closes it for good while focus stays: neither hover brings it back.
    await page.keyboard.press('Escape');
    await expect.poll(() => tooltip().isVisible()).toBe(false);
    await eks.hover();
    expect(await shownAfterLeaving()).toBeNull();
    await vpc.hover();
    await expect.poll(() => tooltip().isVisible()).toBe(true);
    expect(await shownAfterLeaving()).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-term'))).toBe('EKS');
    expect(await eks.getAttribute('title')).toBeTruthy();
  });

  it('shows the summary on focus after Escape closed it as the pointer was leaving the term', async () => {
    await go(note);
    const eks = page.locator('article a.glossary-link[data-term="EKS"]').first();
    await eks.hover();
    await expect.poll(() => tooltip().isVisible()).toBe(true);
    // Escape within the pointer's grace period (150 ms), once the pointer is off the term.
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    await expect.poll(() => tooltip().isVisible()).toBe(false);
    await page.waitForTimeout(400);
    await eks.focus();
    await expect.poll(() => tooltip().isVisible()).toBe(true);
    expect(await tooltip().locator('.glossary-tooltip-term').textContent()).toBe('EKS');
    expect(await eks.getAttribute('aria-describedby')).toBe('glossary-tooltip');
  });

  it('keeps every tooltip inside a 375 px wide viewport', async () => {
    await guarded.context.close();
    await open(phone);
    await go(note);
    const outside = await page.evaluate(() => {
      const problems: string[] = [];
      const width = document.documentElement.clientWidth;
      for (const link of Array.from(document.querySelectorAll<HTMLElement>('article a.glossary-link'))) {
        link.scrollIntoView({ block: 'center' });
        link.focus();
        const tip = document.getElementById('glossary-tooltip');
        const box = tip?.getBoundingClientRect();
        if (!tip || tip.hidden || !box) problems.push(`${link.dataset['term']}: no tooltip`);
        else if (box.left < 0 || box.right > width) problems.push(`${link.dataset['term']}: ${box.left}..${box.right} of ${width}`);
        link.blur();
      }
      return problems;
    });
    expect(outside).toEqual([]);
  });

  it('on a touch screen, shows the summary at the first tap on a term and opens its page at the second', async () => {
    await guarded.context.close();
    await open(phone, { hasTouch: true, isMobile: true });
    await go(note);
    const eks = page.locator('article a.glossary-link[data-term="EKS"]').first();
    const vpc = page.locator('article a.glossary-link[data-term="VPC"]').first();
    const summary = await eks.getAttribute('title');
    const shownTerm = () => tooltip().locator('.glossary-tooltip-term').textContent();

    await eks.tap();
    await expect.poll(() => tooltip().isVisible()).toBe(true);
    expect(await tooltip().textContent()).toBe(`EKS${summary}`);
    // Another term's first tap shows its own summary; neither tap left the note.
    await vpc.tap();
    await expect.poll(shownTerm).toBe('VPC');
    // A tap outside any term closes the tooltip.
    await page.locator('h1.article-title').tap();
    await expect.poll(() => tooltip().isVisible()).toBe(false);
    await page.waitForTimeout(300);
    expect(page.url()).toBe(`${served.server.url}${note}`);

    await eks.tap();
    await expect.poll(shownTerm).toBe('EKS');
    // The viewport shrinks as a phone's address bar comes back: the tooltip stays, inside it, under its term.
    await page.setViewportSize({ width: 320, height: 600 });
    await page.waitForTimeout(300);
    expect(await tooltip().isVisible()).toBe(true);
    const [box, term] = await Promise.all([tooltip().boundingBox(), eks.boundingBox()]);
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(320);
    expect(box!.y).toBeGreaterThan(term!.y);
    expect(box!.y - (term!.y + term!.height)).toBeLessThan(20);
    await eks.tap();
    await page.waitForURL(`${served.server.url}${termUrl('eks')}`);
  });

  it("shows a related term's summary on hover on a term page, as in a note", async () => {
    await go(termUrl('eks'));
    const link = page.locator('.glossary-term a.glossary-link[data-term="IAM"]').first();
    const summary = await link.getAttribute('title');
    expect(summary).toMatch(/AWS リソースへのアクセス/);
    await link.hover();
    await expect.poll(() => tooltip().isVisible()).toBe(true);
    expect(await tooltip().textContent()).toContain(summary!);
  });

  it('opens the term page on click, and a backlink leads back to the note', async () => {
    await go(note);
    await page.locator('article a.glossary-link[data-term="EKS"]').first().click();
    await page.waitForURL(`${served.server.url}${termUrl('eks')}`);
    expect(await page.locator('h1.article-title').textContent()).toContain('Amazon EKS');

    const backlink = page.locator('.glossary-backlink a', { hasText: 'AWS勉強会2日目' }).first();
    await backlink.click();
    await page.waitForURL(`${served.server.url}${note}`);
    expect(await page.locator('h1.article-title').textContent()).toContain('AWS勉強会2日目');
  });

  it('lists the tags on the tag index, and a tag page lists the AWS note', async () => {
    await go('/tags/');
    expect(await page.locator('h1.article-title').textContent()).toContain('タグ');
    await page.locator('.tag-index-list a', { hasText: /^EKS$/ }).click();
    await page.waitForURL(`${served.server.url}/tags/EKS/`);
    await page.locator('.archive-article-title', { hasText: 'AWS勉強会2日目' }).click();
    await page.waitForURL(`${served.server.url}${note}`);
  });

  for (const query of queries) {
    it(`finds the AWS note when searching ${query}, and the result opens it`, async () => {
      await go(`/search/?q=${encodeURIComponent(query)}`);
      const hrefs = await searchResultHrefs(page);
      expect(hrefs).toContain(note);
      await page.locator(`.pagefind-ui__result-link[href="${note}"]`).first().click();
      await page.waitForURL(`${served.server.url}${note}`);
    });
  }

  it('finds a word of a note in the note, not in the term pages that quote it among their backlinks', async () => {
    // 立ち上げ is in the AWS note, and in the snippets on four term pages, but in no definition.
    await go(`/search/?q=${encodeURIComponent('立ち上げ')}`);
    const hrefs = await searchResultHrefs(page);
    // The note, and its headings as sub-results.
    expect(new Set(hrefs.map((href) => href.split('#')[0]))).toEqual(new Set([note]));
  });

  it("sends a query from the header's search box to the search page", async () => {
    await go('/');
    await page.locator('#sub-nav .nav-search-btn').click();
    const field = page.locator('#search-form-wrap .search-form-input');
    await expect.poll(() => field.isVisible()).toBe(true);
    await field.fill('ロードバランサー');
    await field.press('Enter');
    await page.waitForURL(/\/search\/\?q=/);
    await page.locator(`.pagefind-ui__result-link[href="${note}"]`).first().waitFor({ timeout: 15_000 });
  });

  it('never scrolls sideways on a 375 px phone', async () => {
    await guarded.context.close();
    await open(phone);
    for (const path of [...Object.values(keyPages), '/search/?q=IAM']) {
      await go(path);
      const { scroll, client } = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
      }));
      expect(scroll, path).toBeLessThanOrEqual(client);
    }
  });

  it('has no serious or critical accessibility violation (axe) on the key pages', async () => {
    const found: string[] = [];
    for (const path of [...Object.values(keyPages), '/search/?q=IAM']) {
      await go(path);
      if (path.startsWith('/search/')) await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 15_000 });
      const { violations } = await new AxeBuilder({ page }).analyze();
      for (const violation of violations) {
        if (violation.impact === 'serious' || violation.impact === 'critical') {
          found.push(`${path}: ${violation.id} (${violation.impact}) at ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(', ')}`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  it('sets apart two terms written together, so their underlines read as two links, without changing the text', async () => {
    await go(note);
    // 独自のKubernetesコントロールプレーンを: two terms, no space between.
    const first = page.locator('article a.glossary-link[data-term="Kubernetes"][data-before-link]').first();
    const next = first.locator('xpath=following-sibling::a[1]');
    expect(await next.getAttribute('data-term')).toBe('コントロールプレーン');
    const [a, b] = [(await first.boundingBox())!, (await next.boundingBox())!];
    expect(Math.abs(a.y - b.y), 'on one line').toBeLessThan(1);
    expect(b.x - (a.x + a.width)).toBeGreaterThanOrEqual(2);
    expect(await first.evaluate((link) => link.nextSibling === link.nextElementSibling)).toBe(true);
    const text = await first.evaluate((link) => link.parentElement!.textContent);
    expect(text).toContain('Kubernetesコントロールプレーン');
    // Terms written apart keep their place: no gap after a link that text follows.
    const alone = page.locator('article a.glossary-link:not([data-before-link])').first();
    expect(await alone.evaluate((link) => getComputedStyle(link).marginInlineEnd)).toBe('0px');
  });

  it('without JavaScript, a term is a plain link to its page with the summary in its title', async () => {
    await guarded.context.close();
    await open(desktop, { javaScriptEnabled: false });
    await go(note);
    const link = page.locator('article a.glossary-link[data-term="EKS"]').first();
    expect(await link.getAttribute('title')).toMatch(/Kubernetes/);
    expect(await link.getAttribute('href')).toBe(termUrl('eks'));
    await link.hover();
    expect(await page.locator('#glossary-tooltip').count()).toBe(0);
    await link.click();
    await page.waitForURL(`${served.server.url}${termUrl('eks')}`);
  });

  it("without JavaScript, shows a focused term's summary at the top of the viewport, outside the page's text", async () => {
    await guarded.context.close();
    await open(desktop, { javaScriptEnabled: false });
    await go(note);
    const textBefore = await page.evaluate(() => document.body.innerText);
    const focused = await tabToFirstTerm();
    const term = await focused.getAttribute('data-term');
    const summary = await focused.getAttribute('title');
    expect(summary).toBeTruthy();
    const box = await focused.evaluate((link) => {
      const style = getComputedStyle(link, '::after');
      return { content: style.content, position: style.position, display: style.display };
    });
    expect(box.content).toContain(`${term}\\a ${summary}`);
    expect(box).toMatchObject({ position: 'fixed', display: 'block' });
    // The box is drawn on top, where the page's header was: a point in it
    // hits the link that owns it.
    const link = await focused.elementHandle();
    const hitsLink = () => link!.evaluate((element) => document.elementFromPoint(document.documentElement.clientWidth / 2, 24) === element);
    expect(await hitsLink()).toBe(true);
    expect(await page.evaluate(() => document.body.innerText)).toBe(textBefore);

    await page.locator('.article-entry').evaluate((entry) => (entry as HTMLElement).focus());
    expect(await hitsLink()).toBe(false);
  });

  it('without JavaScript, keeps each term clear of the box with its summary, moving back through the note on a phone', async () => {
    await guarded.context.close();
    await open({ width: 320, height: 568 }, { javaScriptEnabled: false });
    await go(note);
    await page.locator('#footer a').last().focus();
    const covered: string[] = [];
    let terms = 0;
    for (let presses = 0; presses < 400; presses++) {
      await page.keyboard.press('Shift+Tab');
      const focused = await page.evaluate(() => {
        const link = document.activeElement;
        if (!link || !link.matches('article a.glossary-link')) return link === document.body ? 'body' : undefined;
        const box = getComputedStyle(link, '::after');
        const boxBottom = parseFloat(box.top) + parseFloat(box.height);
        const rects = Array.from(link.getClientRects());
        return { term: link.getAttribute('data-term') ?? '', under: rects.some((rect) => rect.top < boxBottom), boxBottom };
      });
      if (focused === 'body') break;
      if (!focused) continue;
      terms++;
      expect(focused.boxBottom).toBeGreaterThan(50);
      if (focused.under) covered.push(focused.term);
    }
    expect(terms).toBeGreaterThan(40);
    expect(covered).toEqual([]);
  });

  it('takes the README screenshot of the AWS note with a tooltip open (docs/tooltip.png)', async () => {
    await go(note);
    // The note's title, its first paragraph, and the tooltip of a term in it.
    await page.locator('article .article-header').evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await page.evaluate(() => window.scrollBy(0, -40));
    const link = page.locator('article a.glossary-link[data-term="コントロールプレーン"]').first();
    await link.hover();
    await expect.poll(() => tooltip().isVisible()).toBe(true);
    const png = await page.screenshot({ type: 'png' });
    mkdirSync(join(repoRoot, 'docs'), { recursive: true });
    writeFileSync(join(repoRoot, 'docs', 'tooltip.png'), png);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  });
});
