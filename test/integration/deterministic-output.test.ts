/**
 * `public/` is published by rsync or as a gh-pages commit: a build of
 * unchanged sources must write the same bytes, or every deploy churns.
 *
 * Hexo lists notes, tags and categories in the order it created them, which
 * follows the order its reads of the notes finish, and it gives each note a
 * random id that `hexo clean` throws away. Two clean builds in a row may
 * still happen to read the notes in the same order, so the builds compared
 * here are also made to create them in two known, different orders: one
 * site first built with only alpha.md, the other with only zeta.md, then
 * both with every note (as a site built after each new note is). Nothing is
 * left out of the comparison: every file under public/, the search index
 * included, byte for byte.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeSite, type Site } from '../helpers/site.js';

/** Every file under `dir`, by its path in it, and every empty folder. */
function readTree(dir: string): { files: Map<string, Buffer>; emptyFolders: string[] } {
  const files = new Map<string, Buffer>();
  const emptyFolders: string[] = [];
  const walk = (path: string) => {
    const entries = readdirSync(join(dir, path), { withFileTypes: true });
    if (entries.length === 0) emptyFolders.push(path);
    for (const entry of entries) {
      const child = path ? `${path}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else files.set(child, readFileSync(join(dir, child)));
    }
  };
  walk('');
  return { files, emptyFolders };
}

/** The paths of the files that one tree has and the other lacks, or has with other bytes. */
function differences(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  const paths = new Set([...a.keys(), ...b.keys()]);
  return [...paths].filter((path) => !a.get(path)?.equals(b.get(path) ?? Buffer.alloc(0)) || !b.has(path)).sort();
}

/** The lines of `path` that differ in the two trees, for a failure message that says what changed. */
function firstChanges(a: Map<string, Buffer>, b: Map<string, Buffer>, paths: string[]): string {
  return paths
    .slice(0, 3)
    .map((path) => {
      const left = (a.get(path)?.toString('utf8') ?? '').split('\n');
      const right = (b.get(path)?.toString('utf8') ?? '').split('\n');
      const line = left.findIndex((text, index) => text !== right[index]);
      return `${path}:${line + 1}\n  - ${left[line]?.trim().slice(0, 160)}\n  + ${right[line]?.trim().slice(0, 160)}`;
    })
    .join('\n');
}

/** A site built first with only `first` of its notes, then with all of them (without `hexo clean`). */
async function builtStartingWith(first: string): Promise<Site> {
  const site = makeSite('publish');
  const held = readdirSync(join(site.dir, 'source/_posts')).filter((name) => name !== first);
  const notes = new Map(held.map((name) => [name, site.read(`source/_posts/${name}`)]));
  for (const name of held) site.remove(`source/_posts/${name}`);
  expect((await site.hexo('generate')).code).toBe(0);
  for (const [name, text] of notes) site.write(`source/_posts/${name}`, text);
  expect((await site.hexo('generate')).code).toBe(0);
  return site;
}

describe('what hexo generate publishes, built twice from the same sources', () => {
  let alphaFirst: Site;
  let zetaFirst: Site;
  let alphaTree: ReturnType<typeof readTree>;

  beforeAll(async () => {
    [alphaFirst, zetaFirst] = await Promise.all([builtStartingWith('alpha.md'), builtStartingWith('zeta.md')]);
    alphaTree = readTree(join(alphaFirst.dir, 'public'));
  });
  afterAll(() => {
    alphaFirst?.dispose();
    zetaFirst?.dispose();
  });

  it('writes the same public/ whichever notes Hexo read first', () => {
    const other = readTree(join(zetaFirst.dir, 'public')).files;
    const changed = differences(alphaTree.files, other);
    expect(changed, firstChanges(alphaTree.files, other, changed)).toEqual([]);
    expect(alphaTree.files.size).toBeGreaterThan(50);
  });

  it('writes the same public/ after hexo clean, and again when generated without it', async () => {
    expect((await alphaFirst.hexo('clean')).code).toBe(0);
    expect((await alphaFirst.hexo('generate')).code).toBe(0);
    const clean = readTree(join(alphaFirst.dir, 'public')).files;
    let changed = differences(alphaTree.files, clean);
    expect(changed, firstChanges(alphaTree.files, clean, changed)).toEqual([]);

    expect((await alphaFirst.hexo('generate')).code).toBe(0);
    const again = readTree(join(alphaFirst.dir, 'public')).files;
    changed = differences(clean, again);
    expect(changed, firstChanges(clean, again, changed)).toEqual([]);
  });

  it('lists tags, and each note its categories and tags, in one order: by URL in the feed, by name in the sitemap', () => {
    const atom = alphaTree.files.get('atom.xml')!.toString('utf8');
    const zeta = atom.slice(atom.indexOf('<title>ゼータ</title>'), atom.indexOf('</entry>', atom.indexOf('<title>ゼータ</title>')));
    expect([...zeta.matchAll(/<category term="([^"]*)"/g)].map((match) => match[1])).toEqual(['EKS', 'R&amp;D', 'a-first', 'z-last', '日本語タグ']);
    const sitemap = alphaTree.files.get('sitemap.txt')!.toString('utf8');
    const tags = sitemap.split('\n').filter((line) => line.includes('/notes/tags/') && !line.endsWith('/notes/tags/'));
    // <b>太字</b>, EKS, IAM, Q&A, R&D, a-first, it's, z-last, 日本語タグ
    const names = ['b-太字-b', 'EKS', 'IAM', 'Q-A', 'R-D', 'a-first', 'it-s', 'z-last', '日本語タグ'];
    expect(tags).toEqual(names.map((name) => `http://127.0.0.1:4000/notes/tags/${encodeURIComponent(name)}/`));
  });

  it("dates the sitemap's home, tag and category pages by their newest note, not by the day of the build", () => {
    const sitemap = alphaTree.files.get('sitemap.xml')!.toString('utf8');
    const lastmod = (loc: string) => new RegExp(`<loc>${loc}</loc>\\s*<lastmod>([^<]*)</lastmod>`).exec(sitemap)?.[1];
    // 2024-01-16 in Tokyo starts on 2024-01-15 in UTC, the day the sitemap writes.
    expect(lastmod('http://127.0.0.1:4000/notes/')).toBe('2024-01-15');
    expect(lastmod('http://127.0.0.1:4000/notes/tags/Q-A/')).toBe('2024-01-15');
    expect(lastmod('http://127.0.0.1:4000/notes/tags/%E6%97%A5%E6%9C%AC%E8%AA%9E%E3%82%BF%E3%82%B0/')).toBe('2024-01-14');
    expect(lastmod('http://127.0.0.1:4000/notes/categories/%E5%8B%89%E5%BC%B7%E4%BC%9A/')).toBe('2024-01-14');
    expect(sitemap).not.toContain(`<lastmod>${new Date().toISOString().slice(0, 10)}</lastmod>`);
  });

  it('leaves no empty folder in public/', () => {
    expect(alphaTree.emptyFolders).toEqual([]);
  });
});

describe('hexo generate after a note is deleted or renamed', () => {
  let site: Site;

  beforeAll(async () => {
    site = makeSite('publish');
    expect((await site.hexo('generate')).code).toBe(0);
  });
  afterAll(() => site?.dispose());

  it("removes the old note's folders, and its day's and month's when no note is left in them, with no hexo clean", async () => {
    expect(site.exists('public/2024/01/14/eta/index.html')).toBe(true);
    site.remove('source/_posts/zeta.md');
    site.write('source/_posts/eta-renamed.md', site.read('source/_posts/eta.md'));
    site.remove('source/_posts/eta.md');
    const build = await site.hexo('generate');
    expect(build.code).toBe(0);
    expect(build.output).toContain('Deleted: 2024/01/14/eta/index.html');
    expect(site.exists('public/2024/01/14/eta-renamed/index.html')).toBe(true);
    expect(site.exists('public/2024/01/14/eta')).toBe(false);
    expect(site.exists('public/2024/01/14/zeta')).toBe(false);
    expect(site.exists('public/2024/01/14')).toBe(true);
    expect(readTree(join(site.dir, 'public')).emptyFolders).toEqual([]);

    site.remove('source/_posts/eta-renamed.md');
    expect((await site.hexo('generate')).code).toBe(0);
    // No note is left on the 14th: the day's folder goes too, the month's stays.
    expect(site.exists('public/2024/01/14')).toBe(false);
    expect(site.exists('public/2024/01/15/alpha/index.html')).toBe(true);
    expect(readTree(join(site.dir, 'public')).emptyFolders).toEqual([]);
  });
});
