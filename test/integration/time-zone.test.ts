import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSite, runHexo, type RunResult, type Site } from '../helpers/site.js';

// A note written at 05:00 in Tokyo on the 1st is still the previous day in UTC.
describe('a site in Asia/Tokyo built on a machine in UTC', () => {
  let site: Site;
  let build: RunResult;

  beforeAll(async () => {
    site = makeSite('basic', { 'source/_posts/early.md': '---\ntitle: Early\ndate: 2024-03-01 05:00:00\n---\nEKS early.\n' });
    build = await runHexo(site.dir, ['generate'], { TZ: 'UTC' });
  });
  afterAll(() => site?.dispose());

  it('builds cleanly', () => {
    expect(build.code).toBe(0);
  });

  it("dates the note's URL in the site's time zone", () => {
    expect(site.exists('public/2024/03/01/early/index.html')).toBe(true);
    expect(site.exists('public/2024/02/29/early/index.html')).toBe(false);
  });

  it('files the note under the month the sidebar links to', () => {
    expect(site.read('public/index.html')).toContain('href="/archives/2024/03/"');
    expect(site.read('public/archives/2024/03/index.html')).toContain('Early');
    expect(site.exists('public/archives/2024/02/index.html')).toBe(false);
  });

  it('shows the Tokyo date on the page and keeps the instant in datetime', () => {
    const html = site.read('public/2024/03/01/early/index.html');
    expect(html).toMatch(/<time class="dt-published" datetime="2024-02-29T20:00:00\.000Z" itemprop="datePublished">2024-03-01<\/time>/);
  });
});

// Hexo reads again only the files that changed: dates read in the old zone stayed.
describe('a site whose time zone changes between two builds without hexo clean', () => {
  let site: Site;
  let first: RunResult;
  let second: RunResult;

  beforeAll(async () => {
    site = makeSite('basic', { 'source/_posts/evening.md': '---\ntitle: Evening\ndate: 2024-03-05 10:00:00\n---\nEKS evening.\n' });
    first = await runHexo(site.dir, ['generate'], { TZ: 'UTC' });
    site.write('_config.yml', site.read('_config.yml').replace('timezone: Asia/Tokyo', 'timezone: America/Los_Angeles'));
    second = await runHexo(site.dir, ['generate'], { TZ: 'UTC' });
  });
  afterAll(() => site?.dispose());

  it('builds cleanly, saying why it reads the notes again', () => {
    expect(first.code).toBe(0);
    expect(first.output).not.toContain('reading them again');
    expect(second.code).toBe(0);
    expect(second.output).toContain("Hexo's cache holds notes read with another timezone: reading them again");
  });

  it('reads the dates in the new zone, as a clean build does', () => {
    expect(site.exists('public/2024/03/05/evening/index.html')).toBe(true);
    expect(site.exists('public/2024/03/04/evening/index.html')).toBe(false);
    expect(site.read('public/2024/03/05/evening/index.html')).toMatch(/<time class="dt-published" datetime="2024-03-05T18:00:00\.000Z" itemprop="datePublished">2024-03-05<\/time>/);
  });

  it('reads nothing again in the next build with the same settings', async () => {
    const third = await runHexo(site.dir, ['generate'], { TZ: 'UTC' });
    expect(third.code).toBe(0);
    expect(third.output).not.toContain('reading them again');
  });
});

describe('a site that turns on future between two builds without hexo clean', () => {
  it("gives a future note its own tags, as a clean build does", async () => {
    const site = makeSite('basic', { 'source/_posts/later.md': '---\ntitle: Later\ndate: 2030-01-01 10:00:00\ntags: [未来]\n---\nEKS later.\n' });
    try {
      site.write('_config.yml', `${site.read('_config.yml')}\nfuture: false\n`);
      expect((await site.hexo('generate')).code).toBe(0);
      expect(site.exists('public/2030/01/01/later/index.html')).toBe(false);
      site.write('_config.yml', site.read('_config.yml').replace('\nfuture: false\n', '\nfuture: true\n'));
      expect((await site.hexo('generate')).code).toBe(0);
      expect(site.exists('public/2030/01/01/later/index.html')).toBe(true);
      expect(site.exists('public/tags/未来/index.html')).toBe(true);
    } finally {
      site.dispose();
    }
  });
});

describe('a site whose root changes between two builds without hexo clean', () => {
  it("renders its notes again, so that their images move to the new root with the glossary's links", async () => {
    const site = makeSite('basic', { 'source/_posts/picture.md': '---\ntitle: Picture\ndate: 2024-03-06 10:00:00\n---\nEKS の図。\n\n![図](/images/eks.png)\n' });
    try {
      expect((await site.hexo('generate')).code).toBe(0);
      expect(site.read('public/2024/03/06/picture/index.html')).toContain('src="/images/eks.png"');
      site.write('_config.yml', site.read('_config.yml').replace(/^root: \/$/m, 'root: /notes/'));
      const second = await site.hexo('generate');
      expect(second.code, second.output).toBe(0);
      expect(second.output).toContain("Hexo's cache holds notes read with another root: reading them again");
      const page = site.read('public/2024/03/06/picture/index.html');
      expect(page).toContain('src="/notes/images/eks.png"');
      expect(page).toContain('href="/notes/glossary/eks/"');
    } finally {
      site.dispose();
    }
  });
});

describe('a site whose timezone names no zone', () => {
  it('fails the build at its line, naming the zone meant, and still writes every note, dated in the machine zone', async () => {
    const site = makeSite('basic', { 'source/_posts/early.md': '---\ntitle: Early\ndate: 2024-03-01 05:00:00\n---\nEKS early.\n' });
    try {
      site.write('_config.yml', site.read('_config.yml').replace('timezone: Asia/Tokyo', 'timezone: Tokyo'));
      const build = await runHexo(site.dir, ['generate'], { TZ: 'UTC' });
      expect(build.code).toBe(1);
      expect(build.output).toMatch(/_config\.yml:\d+:11: "timezone" "Tokyo" is not a time zone; did you mean "Asia\/Tokyo"\? dates follow the machine's zone until it is mended/);
      expect(build.output).not.toContain('could not read this file');
      expect(site.exists('public/index.html')).toBe(true);
      expect(site.exists('public/2024/03/01/early/index.html')).toBe(true);
    } finally {
      site.dispose();
    }
  });
});
