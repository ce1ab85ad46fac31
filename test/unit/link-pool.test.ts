/**
 * The linking thread must plan exactly what `planLinks` plans in place. It
 * runs compiled code (a worker loads a JavaScript file), so this test uses
 * the built plugin; `npm test` builds it first.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/site.js';
import { linkHtml, planLinks, spliceLinks, type LinkOptions } from '../../hexo-study-glossary/src/core/link-html.js';
import { glossaryLinkOpenTag } from '../../hexo-study-glossary/src/core/glossary-anchor.js';
import { createMatcher } from '../../hexo-study-glossary/src/core/match-terms.js';
import { encodeMentions } from '../../hexo-study-glossary/src/core/mention-record.js';
import type { MatchableTerm } from '../../hexo-study-glossary/src/core/types.js';
import type { LinkPool, ThreadGlossary, ThreadResult } from '../../hexo-study-glossary/src/hexo/link-pool.js';

const { createLinkPool } = (await import(join(repoRoot, 'hexo-study-glossary', 'dist', 'hexo', 'link-pool.js'))) as {
  createLinkPool(): LinkPool;
};

const terms: MatchableTerm[] = [
  { key: 'EKS', forms: ['EKS', 'ElasticKubernetesService'], caseSensitive: true },
  { key: 'IAM', forms: ['IAM'], caseSensitive: true },
  { key: 'IAMロール', forms: ['IAMロール'], caseSensitive: true },
  { key: 'CI/CD', forms: ['CI/CD'], caseSensitive: false },
  { key: 'ポッド', forms: ['ポッド', 'Pod'], caseSensitive: false },
];

function glossary(mode: 'first' | 'all', skip?: string[]): { thread: ThreadGlossary; options: LinkOptions } {
  const hrefs = terms.map((term) => [term.key, `/glossary/${encodeURIComponent(term.key)}/`] as const);
  const titles = terms.filter((term) => term.key !== 'IAM').map((term) => [term.key, `${term.key} の "説明" & <要約>`] as const);
  const hrefOf = new Map(hrefs);
  const titleOf = new Map(titles);
  return {
    thread: { terms, mode, skip, snippets: 2 },
    options: { mode, skip, href: (key) => hrefOf.get(key) ?? '', title: (key) => titleOf.get(key) },
  };
}

/** `html` with the links the thread planned for it, marked up as `glossary('first').options` say. */
function linked(html: string, result: ThreadResult): string {
  const { options } = glossary('first');
  return spliceLinks(html, result.plan, (key) => glossaryLinkOpenTag(key, options.href(key), options.title?.(key)));
}

const inputs = [
  // The linker's fixture inputs, with this test's glossary.
  ...readdirSync(join(repoRoot, 'test', 'fixtures', 'link-html')).map((name) =>
    readFileSync(join(repoRoot, 'test', 'fixtures', 'link-html', name, 'input.html'), 'utf8'),
  ),
  '<p>EKSでIAMロールをPodに渡す。CI&#x2F;CD と ci/cd。</p><pre><code>EKS</code></pre><p>EKS と IAM</p>',
  '<h2>EKS</h2><p>nothing to link here but <a class="glossary-link" href="/g/eks/" data-term="EKS">EKS</a> and EKS</p>',
  '<p>no terms at all</p>',
];

describe('linking thread', () => {
  const pools: LinkPool[] = [];
  afterAll(async () => {
    for (const pool of pools) await pool.close();
  });
  const open = () => {
    const pool = createLinkPool();
    pools.push(pool);
    return pool;
  };

  it.each(['first', 'all'] as const)('gives the same plan and mentions as planning in place (%s mode)', async (mode) => {
    const pool = open();
    const { thread, options } = glossary(mode);
    pool.setGlossary(thread);
    const matcher = createMatcher(terms);
    expect(inputs.length).toBeGreaterThan(3);
    const results = await Promise.all(inputs.map((html) => pool.link(html, new Set(['CI/CD']))));
    results.forEach((result, index) => {
      const inline = planLinks(inputs[index]!, matcher, { ...options, exclude: new Set(['CI/CD']) });
      expect(result.plan).toEqual(inline.plan);
      expect(result.mentions).toBe(encodeMentions(inline.mentions));
      expect(linked(inputs[index]!, result)).toBe(linkHtml(inputs[index]!, matcher, { ...options, exclude: new Set(['CI/CD']) }).html);
    });
    expect(results.some((result) => result.plan.keys.length > 0)).toBe(true);
  });

  it('plans many notes sent in one message as it plans each, in order, each with its own exclusions', async () => {
    const pool = open();
    const { thread, options } = glossary('first');
    pool.setGlossary(thread);
    const matcher = createMatcher(terms);
    const notes = inputs.map((html, index) => ({ html, exclude: new Set(index % 2 === 0 ? ['CI/CD'] : ['EKS']) }));
    const results = await pool.linkAll(notes);
    expect(results).toHaveLength(notes.length);
    results.forEach((result, index) => {
      const inline = planLinks(notes[index]!.html, matcher, { ...options, exclude: notes[index]!.exclude, snippets: false });
      expect(result.plan).toEqual(inline.plan);
      expect(result.mentions).toBe(encodeMentions(inline.mentions));
    });
    expect(results.some((result) => result.plan.keys.includes('EKS'))).toBe(true);
    expect(await pool.linkAll([])).toEqual([]);
  });

  it('keeps the snippets of each term\'s newest notes, as planning in place reads them, plans unchanged', async () => {
    const pool = open();
    const { thread, options } = glossary('first');
    pool.setGlossary(thread);
    const matcher = createMatcher(terms);
    const notes = [
      { name: 'old.md', time: 1, html: '<p>古い EKS のメモ。IAMロールも。</p>' },
      { name: 'new.md', time: 3, html: '<p>新しい EKS のメモ。</p>' },
      { name: 'mid.md', time: 2, html: '<p>中くらいの <em>EKS</em> と IAMロール。</p>' },
    ];
    const results = await Promise.all(notes.map((note) => pool.link(note.html, new Set(), { note: note.name, time: note.time })));
    const unkept = await pool.link('<p>送るだけの EKS</p>', new Set());
    const kept = await pool.snippets();
    results.forEach((result, index) => {
      const inline = planLinks(notes[index]!.html, matcher, { ...options, snippets: true });
      expect(result.plan).toEqual(inline.plan);
      expect(result.mentions).toBe(encodeMentions(inline.mentions));
    });
    expect(unkept.plan.keys).toEqual(['EKS']);
    // Two notes a term (`snippets: 2`), newest first.
    expect(kept.map(({ note, key }) => `${key} ${note}`)).toEqual(['EKS new.md', 'EKS mid.md', 'IAMロール mid.md', 'IAMロール old.md']);
    for (const { note, key, snippet } of kept) {
      const html = notes.find((each) => each.name === note)!.html;
      expect(snippet).toEqual(planLinks(html, matcher, { ...options, snippets: true }).mentions.get(key)?.snippet);
    }
    expect(kept[0]!.snippet.match).toBe('EKS');
    // Taken once; a new glossary starts over too.
    expect(await pool.snippets()).toEqual([]);
    await pool.link(notes[0]!.html, new Set(), { note: 'old.md', time: 1 });
    pool.setGlossary(thread);
    expect(await pool.snippets()).toEqual([]);
  });

  it('rejects a batch sent before any glossary, naming the cause', async () => {
    const pool = open();
    await expect(pool.linkAll([{ html: '<p>EKS</p>', exclude: new Set() }])).rejects.toThrow(/no glossary was sent/);
  });

  it('keeps the default skip list when none is given, and honours one that is', async () => {
    const pool = open();
    const html = '<h2>EKS</h2><p>EKS</p>';
    pool.setGlossary(glossary('first').thread);
    expect(linked(html, await pool.link(html, new Set()))).toBe('<h2>EKS</h2><p><a class="glossary-link" href="/glossary/EKS/" data-term="EKS" title="EKS の &quot;説明&quot; &amp; &lt;要約&gt;">EKS</a></p>');
    pool.setGlossary(glossary('first', ['p']).thread);
    expect(linked(html, await pool.link(html, new Set()))).toMatch(/^<h2><a class="glossary-link"[^>]*>EKS<\/a><\/h2><p>EKS<\/p>$/);
  });

  it('links each note against the glossary sent before it', async () => {
    const pool = open();
    pool.setGlossary(glossary('first').thread);
    const before = pool.link('<p>IAM</p>', new Set());
    pool.setGlossary({ ...glossary('first').thread, terms: terms.filter((term) => term.key !== 'IAM') });
    const after = pool.link('<p>IAM</p>', new Set());
    expect((await before).plan.keys).toEqual(['IAM']);
    expect((await after).plan.keys).toEqual([]);
  });

  it('rejects a note sent before any glossary, naming the cause, and keeps working', async () => {
    const pool = open();
    await expect(pool.link('<p>EKS</p>', new Set())).rejects.toThrow(/no glossary was sent/);
    pool.setGlossary(glossary('first').thread);
    expect((await pool.link('<p>EKS</p>', new Set())).plan.keys).toEqual(['EKS']);
  });

  it('links the notes still waiting when it is released, and starts again when used', async () => {
    const pool = open();
    pool.setGlossary(glossary('first').thread);
    const waiting = pool.link('<p>EKS</p>'.repeat(10_000), new Set());
    pool.release();
    expect((await waiting).plan.keys).toEqual(['EKS']);
    expect((await pool.link('<p>IAM</p>', new Set())).plan.keys).toEqual(['IAM']);
  });

  // The process's threads, as Linux lists them: a released pool's thread goes away.
  it.runIf(existsSync('/proc/self/task'))('stops its thread once released and idle', async () => {
    const threads = () => readdirSync('/proc/self/task').length;
    const pool = open();
    pool.setGlossary(glossary('first').thread);
    // Released while a note waits: the thread stops after linking it.
    const waiting = pool.link('<p>EKS</p>'.repeat(10_000), new Set());
    const running = threads();
    pool.release();
    expect((await waiting).plan.keys).toEqual(['EKS']);
    await expect.poll(threads, { timeout: 10_000 }).toBeLessThan(running);
    // Released while idle: it stops at once.
    await pool.link('<p>EKS</p>', new Set());
    const restarted = threads();
    pool.release();
    await expect.poll(threads, { timeout: 10_000 }).toBeLessThan(restarted);
  });

  it.runIf(existsSync('/proc/self/task'))('starts its thread when warmed, before the first note, and links with it', async () => {
    const threads = () => readdirSync('/proc/self/task').length;
    const before = threads();
    const pool = open();
    pool.setGlossary(glossary('first').thread);
    pool.warm();
    await expect.poll(threads, { timeout: 10_000 }).toBeGreaterThan(before);
    const warmed = threads();
    // The same thread links: no other starts.
    expect((await pool.link('<p>IAM と EKS</p>', new Set())).plan.keys).toEqual(['IAM', 'EKS']);
    expect(threads()).toBe(warmed);
    pool.release();
    await expect.poll(threads, { timeout: 10_000 }).toBeLessThan(warmed);
  });

  it('rejects notes still waiting when it is closed, and starts again when used', async () => {
    const pool = open();
    pool.setGlossary(glossary('first').thread);
    const waiting = pool.link('<p>EKS</p>'.repeat(10_000), new Set());
    await pool.close();
    await expect(waiting).rejects.toThrow(/closed/);
    expect((await pool.link('<p>EKS</p>', new Set())).plan.keys).toEqual(['EKS']);
  });
});
