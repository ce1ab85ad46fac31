/**
 * The linking thread must give exactly what `linkHtml` gives in place. It
 * runs compiled code (a worker loads a JavaScript file), so this test uses
 * the built plugin; `npm test` builds it first.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/site.js';
import { linkHtml, type LinkOptions } from '../../hexo-study-glossary/src/core/link-html.js';
import { createMatcher } from '../../hexo-study-glossary/src/core/match-terms.js';
import { encodeMentions } from '../../hexo-study-glossary/src/core/mention-record.js';
import type { MatchableTerm } from '../../hexo-study-glossary/src/core/types.js';
import type { LinkPool, ThreadGlossary } from '../../hexo-study-glossary/src/hexo/link-pool.js';

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
    thread: { terms, mode, skip, hrefs, titles },
    options: { mode, skip, href: (key) => hrefOf.get(key) ?? '', title: (key) => titleOf.get(key) },
  };
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

  it.each(['first', 'all'] as const)('gives the same HTML and mentions as linking in place (%s mode)', async (mode) => {
    const pool = open();
    const { thread, options } = glossary(mode);
    pool.setGlossary(thread);
    const matcher = createMatcher(terms);
    expect(inputs.length).toBeGreaterThan(3);
    const results = await Promise.all(inputs.map((html) => pool.link(html, new Set(['CI/CD']))));
    results.forEach((result, index) => {
      const inline = linkHtml(inputs[index]!, matcher, { ...options, exclude: new Set(['CI/CD']) });
      expect(result.html).toBe(inline.html);
      expect(result.mentions).toBe(encodeMentions(inline.mentions));
    });
    expect(results.some((result, index) => result.html !== inputs[index])).toBe(true);
  });

  it('keeps the default skip list when none is given, and honours one that is', async () => {
    const pool = open();
    const html = '<h2>EKS</h2><p>EKS</p>';
    pool.setGlossary(glossary('first').thread);
    expect((await pool.link(html, new Set())).html).toBe('<h2>EKS</h2><p><a class="glossary-link" href="/glossary/EKS/" data-term="EKS" title="EKS の &quot;説明&quot; &amp; &lt;要約&gt;">EKS</a></p>');
    pool.setGlossary(glossary('first', ['p']).thread);
    expect((await pool.link(html, new Set())).html).toMatch(/^<h2><a class="glossary-link"[^>]*>EKS<\/a><\/h2><p>EKS<\/p>$/);
  });

  it('links each note against the glossary sent before it', async () => {
    const pool = open();
    pool.setGlossary(glossary('first').thread);
    const before = pool.link('<p>IAM</p>', new Set());
    pool.setGlossary({ ...glossary('first').thread, terms: terms.filter((term) => term.key !== 'IAM') });
    const after = pool.link('<p>IAM</p>', new Set());
    expect((await before).html).toContain('data-term="IAM"');
    expect((await after).html).toBe('<p>IAM</p>');
  });

  it('rejects a note sent before any glossary, naming the cause, and keeps working', async () => {
    const pool = open();
    await expect(pool.link('<p>EKS</p>', new Set())).rejects.toThrow(/no glossary was sent/);
    pool.setGlossary(glossary('first').thread);
    expect((await pool.link('<p>EKS</p>', new Set())).html).toContain('data-term="EKS"');
  });

  it('links the notes still waiting when it is released, and starts again when used', async () => {
    const pool = open();
    pool.setGlossary(glossary('first').thread);
    const waiting = pool.link('<p>EKS</p>'.repeat(10_000), new Set());
    pool.release();
    expect((await waiting).html).toContain('data-term="EKS"');
    expect((await pool.link('<p>IAM</p>', new Set())).html).toContain('data-term="IAM"');
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
    expect((await waiting).html).toContain('data-term="EKS"');
    await expect.poll(threads, { timeout: 10_000 }).toBeLessThan(running);
    // Released while idle: it stops at once.
    await pool.link('<p>EKS</p>', new Set());
    const restarted = threads();
    pool.release();
    await expect.poll(threads, { timeout: 10_000 }).toBeLessThan(restarted);
  });

  it('rejects notes still waiting when it is closed, and starts again when used', async () => {
    const pool = open();
    pool.setGlossary(glossary('first').thread);
    const waiting = pool.link('<p>EKS</p>'.repeat(10_000), new Set());
    await pool.close();
    await expect(waiting).rejects.toThrow(/closed/);
    expect((await pool.link('<p>EKS</p>', new Set())).html).toContain('data-term="EKS"');
  });
});
