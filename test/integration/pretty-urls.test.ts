/**
 * The plugin's links to notes (a term page's list of notes, search
 * results) are the URLs Hexo's own links use: without `.html` under
 * `pretty_urls.trailing_html: false` (Hexo's `url_for`, canonical and
 * og:url, sitemap and feed drop it), and percent-encoded as Hexo encodes a
 * note's file name.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decodeHTML } from 'entities';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSite, repoRoot, type RunResult, type Site } from '../helpers/site.js';

const fixtureConfig = readFileSync(join(repoRoot, 'test', 'fixtures', 'sites', 'pages', '_config.yml'), 'utf8');
const prettyConfig = fixtureConfig.replace(/^permalink: .*$/m, 'permalink: :year/:month/:title.html') + 'pretty_urls:\n  trailing_index: false\n  trailing_html: false\n';

/** The hrefs of the list of notes on a term page. */
function backlinkHrefs(html: string): string[] {
  const list = html.match(/<ol class="glossary-backlink-list">[\s\S]*?<\/ol>/)?.[0] ?? '';
  return [...list.matchAll(/<a [^>]*href="([^"]*)"/g)].map((match) => decodeHTML(match[1]!));
}

/** The URL of every page in the built Pagefind index (each fragment is gzipped JSON after a signature). */
function searchUrls(publicDir: string): string[] {
  const folder = join(publicDir, 'pagefind', 'fragment');
  return readdirSync(folder).map((name) => {
    const text = gunzipSync(readFileSync(join(folder, name))).toString('utf8');
    return (JSON.parse(text.slice(text.indexOf('{'))) as { url: string }).url;
  });
}

describe('pretty_urls.trailing_html: false', () => {
  let site: Site;
  let build: RunResult;

  beforeAll(async () => {
    site = makeSite('pages', { '_config.yml': prettyConfig });
    build = await site.hexo('generate');
  }, 180_000);
  afterAll(() => site?.dispose());

  it('builds the site', () => {
    expect(build.code).toBe(0);
    expect(site.exists('public/2024/02/eks-intro.html')).toBe(true);
    // Hexo's own link to the note, from the home page.
    expect(site.read('public/index.html')).toContain('href="/2024/02/eks-intro"');
  });

  it('links a term page\'s notes as Hexo links them, without .html', () => {
    const hrefs = backlinkHrefs(site.read('public/glossary/eks/index.html'));
    expect(hrefs).toContain('/2024/02/eks-intro');
    expect(hrefs).toContain(`/2024/04/${encodeURIComponent('AWS勉強会3日目')}`);
    expect(hrefs.filter((href) => href.endsWith('.html'))).toEqual([]);
  });

  it('gives search results the notes\' URLs without .html', () => {
    const urls = searchUrls(join(site.dir, 'public'));
    expect(urls).toContain('/2024/02/eks-intro');
    expect(urls).toContain('/glossary/eks/');
    expect(urls.filter((url) => url.endsWith('.html'))).toEqual([]);
  });
});

describe('a note whose file name has & and +', () => {
  let site: Site;
  let build: RunResult;
  /** Hexo's own link to the note, from the home page. */
  const hexoHref = `/2024/06/01/Q&A+${encodeURIComponent('メモ')}/`;

  beforeAll(async () => {
    site = makeSite('pages', { 'source/_posts/Q&A+メモ.md': '---\ntitle: Q&A\ndate: 2024-06-01 10:00:00\n---\nEKS の Q&A。\n' });
    build = await site.hexo('generate');
  }, 180_000);
  afterAll(() => site?.dispose());

  it('is linked by Hexo with & and + as they are', () => {
    expect(build.code).toBe(0);
    expect(site.read('public/index.html')).toContain(`href="${hexoHref}"`);
  });

  it('is linked from its term page by the URL Hexo links it by', () => {
    expect(backlinkHrefs(site.read('public/glossary/eks/index.html'))).toContain(hexoHref);
  });

  it('is found by search at the URL Hexo links it by', () => {
    expect(searchUrls(join(site.dir, 'public'))).toContain(hexoHref);
  });
});
