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
