import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadGlossary } from '../../hexo-study-glossary/src/core/load-glossary.js';
import { makeSite, type RunResult, type Site } from '../helpers/site.js';

describe('the repository site, built with real Hexo', () => {
  let site: Site;
  let build: RunResult;

  beforeAll(async () => {
    site = makeSite('repo');
    build = await site.hexo('generate');
  });
  afterAll(() => site?.dispose());

  it('exits 0 with no glossary problems', () => {
    expect(build.output).not.toMatch(/ERROR/);
    expect(build.code).toBe(0);
  });

  it('loads the glossary', () => {
    expect(build.output).toMatch(/Glossary: \d+ terms loaded/);
  });

  it('renders the AWS note at its permalink with title and Tokyo date', () => {
    const html = site.read('public/2020/07/03/aws-study-day2/index.html');
    expect(html).toContain('<h1 class="p-name article-title" itemprop="headline name">\n      AWS勉強会2日目\n    </h1>');
    expect(html).toMatch(/<time class="dt-published" datetime="2020-07-03T07:32:06\.000Z" itemprop="datePublished">2020-07-03<\/time>/);
  });

  it("dates the note's updates by its date, not by when the file was checked out", () => {
    // The fixture's files were just copied, so an mtime-based date would be today.
    const html = site.read('public/2020/07/03/aws-study-day2/index.html');
    expect(html).toContain('<meta property="article:modified_time" content="2020-07-03T07:32:06.000Z">');
    expect(site.read('public/sitemap.xml')).toMatch(/<loc>http:\/\/127\.0\.0\.1:4000\/2020\/07\/03\/aws-study-day2\/<\/loc>\s*<lastmod>2020-07-03<\/lastmod>/);
  });

  it('renders the body text of the note', () => {
    const html = site.read('public/2020/07/03/aws-study-day2/index.html');
    expect(html).toContain('リージョンは複数の');
    expect(html).toContain('ダメになったら転生させる');
  });

  it('links every glossary term that occurs in the running text of the AWS note', () => {
    const html = site.read('public/2020/07/03/aws-study-day2/index.html');
    const linked = new Set([...html.matchAll(/<a class="glossary-link" href="[^"]*" data-term="([^"]*)"/g)].map((match) => match[1]));
    const glossary = loadGlossary(
      readdirSync(join(site.dir, 'source/_glossary')).map((name) => ({ path: name, content: site.read(`source/_glossary/${name}`) })),
    ).glossary;
    const unlinked = glossary.entries.map((entry) => entry.key).filter((key) => !linked.has(key));
    // These five do not occur in the note: it writes "CloudCormation", and never
    // names access keys, an internet gateway, probes in general or Fluent Bit.
    expect(unlinked.sort()).toEqual(['CloudFormation', 'Fluent Bit', 'アクセスキー', 'インターネットゲートウェイ', 'プローブ'].sort());
    expect(linked.size).toBe(glossary.entries.length - 5);
  });

  it("shows the menu of _config.landscape.yml in Japanese, without the theme's English Home and Archives", () => {
    const html = site.read('public/index.html');
    const main = [...html.matchAll(/<a class="main-nav-link" href="([^"]*)">([^<]*)<\/a>/g)].map((match) => `${match[2]} ${match[1]}`);
    const mobile = [...html.matchAll(/<a href="([^"]*)" class="mobile-nav-link">([^<]*)<\/a>/g)].map((match) => `${match[2]} ${match[1]}`);
    const menu = ['ホーム /', 'アーカイブ /archives', '用語集 /glossary/', 'タグ /tags/'];
    expect(main).toEqual(menu);
    expect(mobile).toEqual(menu);
  });

  it('lists the note on the home page', () => {
    expect(site.read('public/index.html')).toContain('AWS勉強会2日目');
  });

  it("writes the plugin's stylesheets and deferred scripts in <head>, and no stylesheet from another host", () => {
    for (const page of ['public/index.html', 'public/2020/07/03/aws-study-day2/index.html', 'public/glossary/eks/index.html']) {
      const html = site.read(page);
      const head = html.slice(0, html.indexOf('</head>'));
      const stylesheets = [...head.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)].map((match) => match[1]);
      expect(stylesheets, page).toEqual(expect.arrayContaining(['/css/style.css', '/css/reader.css', '/css/glossary-tooltip.css']));
      expect(stylesheets.filter((href) => !href?.startsWith('/')), page).toEqual([]);
      expect(head, page).toContain('<script src="/js/glossary-tooltip.js" defer></script>');
      expect(html.slice(html.indexOf('</head>')), page).not.toContain('glossary-tooltip.js');
    }
    expect(site.read('public/glossary/eks/index.html')).toContain('<style class="glossary-style">');
    expect(site.read('public/index.html')).not.toContain('glossary-style');
  });
});
