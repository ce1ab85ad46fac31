// Callbacks passed to page.evaluate run in the browser and use its DOM types.
/// <reference lib="dom" />
/**
 * What writers really put in Markdown notes (test/fixtures/html-in-notes/
 * note.md: details, tables, task lists, raw HTML, ruby, tag plugins,
 * emoji, half-width kana, entities…), built with every mention linked and
 * with the plugin off, then read in Chromium as a reader sees it: the text
 * is the same, every link can be seen and used, none sits inside another
 * control, and tooltips open on hover and focus.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSite, repoRoot, type RunResult, type Site } from '../helpers/site.js';
import { launchChromium, offlineContext, serveFolder, skipReason, suiteTitle, type StaticServer } from './browser.js';

const fixture = join(repoRoot, 'test', 'fixtures', 'html-in-notes');
const longParagraph = `\n長い段落。${'EKS と IAM と VPC、それから ELB。'.repeat(100)}最後に GKE。\n`;
const note = readFileSync(join(fixture, 'note.md'), 'utf8') + longParagraph;
const crlfNote = note.replace('title: 書き方ぜんぶ', 'title: 書き方ぜんぶ CRLF').replace(/\n/g, '\r\n');
const notes = ['/2024/01/02/writing/', '/2024/01/02/writing-crlf/'];
/** Elements a link must never be inside: it would be a control in a control, never seen, or out of reach. */
const noLinkInside = 'a, button, [role="button"], summary, label, select, video, audio, canvas, object, [hidden], [aria-hidden="true" i], [inert]';

/** The basic fixture site with the note (LF and CRLF) and its terms; `glossary` replaces its glossary options. */
function siteWith(glossary: string): Site {
  const config = readFileSync(join(repoRoot, 'test', 'fixtures', 'sites', 'basic', '_config.yml'), 'utf8');
  return makeSite('basic', {
    '_config.yml': config.replace(/^glossary:\n(?: {2}.*\n)*/m, `glossary:\n${glossary}`),
    'source/_glossary/more.yml': readFileSync(join(fixture, 'terms.yml'), 'utf8'),
    'source/_posts/writing.md': note,
    'source/_posts/writing-crlf.md': crlfNote,
  });
}

let linked: Site;
let plain: Site;
let builds: RunResult[];

beforeAll(async () => {
  linked = siteWith('  link: all\n  search: false\n');
  plain = siteWith('  enable: false\n  search: false\n');
  builds = await Promise.all([linked.hexo('generate'), plain.hexo('generate')]);
});
afterAll(() => {
  linked?.dispose();
  plain?.dispose();
});

it('builds the note with the plugin on and off', () => {
  for (const build of builds) expect(build.code, build.output).toBe(0);
  expect(linked.read('public/2024/01/02/writing/index.html')).toContain('class="glossary-link"');
  expect(plain.read('public/2024/01/02/writing/index.html')).not.toContain('class="glossary-link"');
});

describe.skipIf(!!skipReason)(suiteTitle('a note full of HTML, in Chromium'), () => {
  let browser: Browser;
  let servers: { linked: StaticServer; plain: StaticServer };

  beforeAll(async () => {
    browser = await launchChromium();
    servers = { linked: await serveFolder(join(linked.dir, 'public')), plain: await serveFolder(join(plain.dir, 'public')) };
  });
  afterAll(async () => {
    await browser?.close();
    await servers?.linked.close();
    await servers?.plain.close();
  });

  /** Runs `check` on `path` of the linked or the plain site, in a fresh offline context. */
  async function onPage<T>(which: 'linked' | 'plain', path: string, check: (page: Page) => Promise<T>): Promise<T> {
    const { context, offsite, errors } = await offlineContext(browser);
    try {
      const page = await context.newPage();
      await page.goto(`${servers[which].url}${path}`, { waitUntil: 'load' });
      return await check(page);
    } finally {
      await context.close();
      // Without the plugin, landscape asks a CDN for its icons (blocked here).
      if (which === 'linked') expect(offsite).toEqual([]);
      expect(errors).toEqual([]);
    }
  }

  const articleText = (page: Page) =>
    page.locator('.article-entry').evaluate((entry) => ({ shown: (entry as HTMLElement).innerText, all: entry.textContent }));

  it.each(notes)('shows the same text in %s as the plugin off does', async (path) => {
    const [withLinks, without] = [await onPage('linked', path, articleText), await onPage('plain', path, articleText)];
    expect(withLinks.all).toBe(without.all);
    expect(withLinks.shown).toBe(without.shown);
  });

  it.each(notes)('puts every link of %s where a reader sees it, and none inside another control', async (path) => {
    const links = await onPage('linked', path, (page) =>
      page.evaluate((forbidden) => {
        for (const details of Array.from(document.querySelectorAll('details'))) details.open = true;
        return Array.from(document.querySelectorAll<HTMLElement>('.article-entry a.glossary-link')).map((link) => ({
          text: link.textContent,
          seen: link.checkVisibility() && link.getClientRects().length > 0,
          inside: link.parentElement?.closest(forbidden)?.localName ?? '',
        }));
      }, noLinkInside),
    );
    expect(links.length).toBeGreaterThan(300);
    expect(links.filter((link) => !link.seen || link.inside !== '')).toEqual([]);
  });

  it.each(notes)('puts no link of %s inside code, a heading or another skipped element, as Chromium builds the page', async (path) => {
    // The note ends with a `<code>` and a link left open in raw HTML, which
    // a browser carries on into the paragraphs after them (the last four
    // before the long one the test adds).
    const inside = await onPage('linked', path, (page) =>
      page.evaluate(() =>
        Array.from(document.querySelectorAll('.article-entry a.glossary-link'))
          .map((link) => `${link.textContent} in ${link.parentElement?.closest('code, pre, kbd, samp, svg, math, h1, h2, h3, h4, h5, h6')?.localName}`)
          .filter((place) => !place.endsWith(' in undefined')),
      ),
    );
    expect(inside).toEqual([]);
    const tail = await onPage('linked', path, (page) =>
      page.evaluate(() => {
        const paragraphs = Array.from(document.querySelectorAll('.article-entry p')).slice(-5, -1);
        return paragraphs.map((paragraph) => Array.from(paragraph.querySelectorAll('a.glossary-link')).map((link) => link.textContent));
      }),
    );
    expect(tail).toEqual([[], [], [], ['ALB']]);
  });

  it('adds no accessibility violation (axe) to the note', async () => {
    const violations = (which: 'linked' | 'plain') =>
      onPage(which, notes[0]!, async (page) => {
        const { violations } = await new AxeBuilder({ page }).include('.article-entry').analyze();
        return violations.map((violation) => violation.id);
      });
    const [withLinks, without] = [await violations('linked'), await violations('plain')];
    expect(withLinks).not.toContain('nested-interactive');
    expect(withLinks.filter((id) => !without.includes(id))).toEqual([]);
  });

  it('ticks a checkbox when the reader clicks a term in its label', async () => {
    const checked = await onPage('linked', notes[0]!, async (page) => {
      const label = page.locator('.article-entry label', { hasText: '同意' });
      await label.scrollIntoViewIfNeeded();
      const box = await label.evaluate((element) => {
        const text = Array.from(element.childNodes).find((node) => node.textContent?.includes('Fargate'))!;
        const range = document.createRange();
        range.setStart(text, text.textContent!.indexOf('Fargate'));
        range.setEnd(text, text.textContent!.indexOf('Fargate') + 'Fargate'.length);
        const { x, y, width, height } = range.getBoundingClientRect();
        return { x: x + width / 2, y: y + height / 2 };
      });
      await page.mouse.click(box.x, box.y);
      return label.locator('input').isChecked();
    });
    expect(checked).toBe(true);
  });

  it('links a term that bold or italics split, as one link, whose tooltip opens from the formatted part', async () => {
    const found = await onPage('linked', notes[0]!, async (page) => {
      const tooltip = page.locator('#glossary-tooltip .glossary-tooltip-term');
      const results: (string | null)[][] = [];
      for (const inner of ['strong', 'em']) {
        const link = page.locator(`.article-entry a.glossary-link:has(> ${inner})`).first();
        await link.locator(inner).hover();
        await expect.poll(() => tooltip.isVisible()).toBe(true);
        results.push([await link.getAttribute('data-term'), await link.textContent(), await tooltip.textContent()]);
        await page.mouse.move(1, 1);
      }
      return results;
    });
    expect(found).toEqual([
      ['Fargate プロファイル', 'Fargate プロファイル', 'Fargate プロファイル'],
      ['CloudWatch', 'CloudWatch', 'CloudWatch'],
    ]);
  });

  it('opens the tooltip on hover and on focus wherever the note puts a term', async () => {
    const places = ['td', 'li', 'blockquote blockquote', 'sup', 'mark', 'dfn', 'ruby', 'figcaption', 'details > p', 'div.note'];
    await onPage('linked', notes[0]!, async (page) => {
      await page.evaluate(() => {
        for (const details of Array.from(document.querySelectorAll('details'))) details.open = true;
      });
      const tooltip = page.locator('#glossary-tooltip');
      for (const place of places) {
        const link = page.locator(`.article-entry ${place} a.glossary-link`).first();
        const term = await link.getAttribute('data-term');
        await link.scrollIntoViewIfNeeded();
        await link.hover();
        // The place goes with each value, so that a failure names it.
        const shown = async () => [place, (await tooltip.isVisible()) ? await tooltip.locator('.glossary-tooltip-term').textContent() : null];
        await expect.poll(shown).toEqual([place, term]);
        await page.mouse.move(1, 1);
        await expect.poll(shown).toEqual([place, null]);
        await link.focus();
        await expect.poll(shown).toEqual([place, term]);
        await link.blur();
        await expect.poll(shown).toEqual([place, null]);
      }
    });
  });
});
