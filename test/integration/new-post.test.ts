import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatWallClock, wallClock } from '../../hexo-study-glossary/src/core/wall-clock.js';
import { makeSite, repoRoot, runHexo, type RunResult, type Site } from '../helpers/site.js';

const zone = 'Asia/Tokyo';

/** The `date:` line of a front matter. */
function dateOf(markdown: string): string {
  const match = /^date: (.+)$/m.exec(markdown);
  if (!match) throw new Error(`no date in:\n${markdown}`);
  return match[1]!;
}

/** Files under `dir` whose path ends with `suffix`. */
function findFiles(dir: string, suffix: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...findFiles(path, suffix));
    else if (path.endsWith(suffix)) found.push(path);
  }
  return found;
}

describe('wallClock', () => {
  it('gives the wall time of a zone, whatever the machine zone', () => {
    const instant = new Date('2026-03-31T15:30:05Z');
    expect(formatWallClock(wallClock(instant, 'Asia/Tokyo'))).toBe('2026-04-01 00:30:05');
    expect(formatWallClock(wallClock(instant, 'UTC'))).toBe('2026-03-31 15:30:05');
    expect(formatWallClock(wallClock(new Date('2026-07-01T00:00:00Z'), 'America/New_York'))).toBe('2026-06-30 20:00:00');
  });

  it('rejects an unknown zone', () => {
    expect(() => wallClock(new Date(), 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('scaffolds', () => {
  const read = (name: string) => readFileSync(join(repoRoot, 'scaffolds', name), 'utf8');

  it('give notes a title, date, tags and categories, drafts no date', () => {
    expect(read('post.md')).toMatch(/^---\ntitle: \{\{ title \}\}\ndate: \{\{ date \}\}\ntags:\ncategories:\n---\n/);
    expect(read('draft.md')).toMatch(/^---\ntitle: \{\{ title \}\}\ntags:\ncategories:\n---\n/);
    expect(read('page.md')).toMatch(/^---\ntitle: \{\{ title \}\}\ndate: \{\{ date \}\}\n---\n/);
  });

  it('show the glossary switches in a comment that Hexo keeps and pages never show', () => {
    for (const name of ['post.md', 'draft.md', 'page.md']) {
      const body = read(name).split(/^---$/m)[2]!;
      expect(body).toMatch(/\{#[\s\S]*glossary: false[\s\S]*glossary_exclude: \[EKS\][\s\S]*#\}/);
    }
  });
});

describe('hexo new on a UTC machine, for a site in Asia/Tokyo', () => {
  let site: Site;
  let before: string;
  let after: string;
  let draft: string;
  const runs: Record<string, RunResult> = {};
  const utc = (...args: string[]) => runHexo(site.dir, args, { TZ: 'UTC' });

  beforeAll(async () => {
    site = makeSite('repo');
    // The README's own examples, run on this repo's site: a copy where
    // someone already ran them would get `AWS勉強会3日目-1.md`.
    for (const path of ['source/_posts/AWS勉強会3日目.md', 'source/_posts/vpc-notes.md', 'source/reading-list', 'source/_drafts/あとで書く.md', 'source/_posts/あとで書く.md', 'source/_drafts/empty-draft.md', 'source/_posts/empty-draft.md']) {
      site.remove(path);
    }
    before = formatWallClock(wallClock(new Date(Date.now() - 1000), zone));
    runs.title = await utc('new', 'AWS勉強会3日目');
    runs.slug = await utc('n', '--slug', 'vpc-notes', 'VPCのまとめ'); // `n` still means `new`
    runs.page = await runHexo(site.dir, ['new', 'page', 'reading-list'], { TZ: 'America/Los_Angeles' });
    runs.draft = await utc('new', 'draft', 'あとで書く');
    draft = `${site.read('source/_drafts/あとで書く.md')}EKSのノードグループを試した。\n`;
    site.write('source/_drafts/あとで書く.md', draft);
    runs.publish = await utc('publish', 'あとで書く');
    site.write('source/_drafts/empty-draft.md', '---\ntitle: 空の下書き\ntags: [EKS]\n---\n');
    runs.publishEmpty = await utc('publish', 'empty-draft');
    after = formatWallClock(wallClock(new Date(Date.now() + 1000), zone));
    runs.generate = await utc('g'); // `g` still means `generate`
  });
  afterAll(() => site?.dispose());

  it('creates a note named after a Japanese title', () => {
    expect(runs.title!.code).toBe(0);
    const note = site.read('source/_posts/AWS勉強会3日目.md');
    expect(note).toMatch(/^---\ntitle: AWS勉強会3日目\ndate: /);
    expect(note).toContain('## 学んだこと');
  });

  it('writes the current time in the site time zone, not the machine one', () => {
    const date = dateOf(site.read('source/_posts/AWS勉強会3日目.md'));
    expect(date >= before && date <= after, `${date} within [${before}, ${after}]`).toBe(true);
  });

  it('gives an ASCII file name with --slug, keeping the Japanese title', () => {
    expect(runs.slug!.code).toBe(0);
    const note = site.read('source/_posts/vpc-notes.md');
    expect(note).toContain('title: VPCのまとめ');
    expect(dateOf(note) >= before && dateOf(note) <= after).toBe(true);
  });

  it('dates pages and published drafts the same way, on any machine zone', () => {
    expect(runs.page!.code).toBe(0);
    const page = dateOf(site.read('source/reading-list/index.md'));
    expect(page >= before && page <= after, page).toBe(true);
    expect(runs.publish!.code).toBe(0);
    expect(site.exists('source/_drafts/あとで書く.md')).toBe(false);
    const published = dateOf(site.read('source/_posts/あとで書く.md'));
    expect(published >= before && published <= after, published).toBe(true);
  });

  it('publishes a draft as written, its body once, with the date of publishing added', () => {
    expect(runs.draft!.code).toBe(0);
    expect(draft).toContain('## 学んだこと');
    const published = site.read('source/_posts/あとで書く.md');
    // Hexo renders scaffolds/post.md and used to put its skeleton above the draft's.
    expect(published.split('## 学んだこと').length - 1).toBe(1);
    expect(published).not.toContain('hexo new のときに front matter のコメントを消す');
    expect(published).toBe(draft.replace(/^title: .*\n/m, (line) => `${line}date: ${dateOf(published)}\n`));
  });

  it('gives a draft without a body the note skeleton when it is published', () => {
    expect(runs.publishEmpty!.code).toBe(0);
    const published = site.read('source/_posts/empty-draft.md');
    expect(published).toMatch(/^---\ntitle: 空の下書き\ntags:\n  - EKS\ndate: .+\ncategories:\n---\n/);
    expect(published.split('## 学んだこと').length - 1).toBe(1);
  });

  it('builds the new notes, showing that date', () => {
    expect(runs.generate!.code).toBe(0);
    expect(runs.generate!.output).not.toMatch(/ERROR/);
    const [built] = findFiles(join(site.dir, 'public'), join('vpc-notes', 'index.html'));
    expect(built).toBeDefined();
    const html = readFileSync(built!, 'utf8');
    const time = /<time class="dt-published" datetime="([^"]+)" itemprop="datePublished">([^<]+)<\/time>/.exec(html);
    expect(time).not.toBeNull();
    // The instant is the moment of `hexo new`; the text is its day in Tokyo.
    const written = dateOf(site.read('source/_posts/vpc-notes.md'));
    expect(formatWallClock(wallClock(new Date(time![1]!), zone))).toBe(written);
    expect(time![2]).toBe(written.slice(0, 10));
    expect(Math.abs(new Date(time![1]!).getTime() - Date.now())).toBeLessThan(10 * 60_000);
  });

  it('builds the Japanese-named note, without the scaffold comment', () => {
    const [built] = findFiles(join(site.dir, 'public'), join('AWS勉強会3日目', 'index.html'));
    expect(built).toBeDefined();
    const html = readFileSync(built!, 'utf8');
    expect(html).toContain('AWS勉強会3日目');
    expect(html).toContain('学んだこと');
    expect(html).not.toContain('glossary_exclude');
    expect(html).not.toContain('{#');
  });
});
