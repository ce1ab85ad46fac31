/**
 * `relative_link: true`: every URL the plugin writes into a page is
 * relative to that page, as Hexo's own links are, so the built site works
 * from any folder. The same site built with the default writes the same
 * pages with root-absolute URLs.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { decodeHTML } from 'entities';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSite, repoRoot, type RunResult, type Site } from '../helpers/site.js';

const fixture = join(repoRoot, 'test', 'fixtures', 'sites', 'pages');
/** The `pages` fixture's settings, with a feed, and dates that don't come from the files' times. */
const fixtureConfig = `${readFileSync(join(fixture, '_config.yml'), 'utf8')}updated_option: date\nfeed:\n  type: atom\n  path: atom.xml\n`;
const fixturePackage = JSON.parse(readFileSync(join(fixture, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };

/** Added to the `pages` fixture: hexo-generator-feed, and notes with `{% term %}` links, with and without automatic ones. */
const extraFiles = {
  'package.json': JSON.stringify({ ...fixturePackage, dependencies: { ...fixturePackage.dependencies, 'hexo-generator-feed': '*' } }),
  '_config.yml': fixtureConfig,
  'source/_posts/tagged.md': '---\ntitle: Tagged\ndate: 2024-06-01 10:00:00\n---\n{% term IAMロール %} を使う。EKS も。\n',
  'source/_posts/tag-only.md': '---\ntitle: Tag only\ndate: 2024-06-02 10:00:00\nglossary: false\n---\n{% term kubectl %} だけ。\n',
};

/** The folder the built site is served from in these checks: not the root it was built for. */
const folder = '/sub/';

/** Every HTML file of `dir`, as routes (`glossary/eks/index.html`). */
function htmlRoutes(dir: string, under = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return htmlRoutes(path, under);
    return entry.name.endsWith('.html') ? [relative(under, path).split(sep).join('/')] : [];
  });
}

/**
 * The file of `publicDir` that `url`, written into the page at `route`,
 * names once the site is served under `folder`; `undefined` when it leaves
 * the folder or names no file.
 */
function resolveInFolder(publicDir: string, route: string, url: string): string | undefined {
  const base = new URL(`http://127.0.0.1${folder}${encodeURI(route)}`);
  const { pathname } = new URL(url, base);
  if (!pathname.startsWith(folder)) return undefined;
  let file = decodeURIComponent(pathname.slice(folder.length));
  if (file === '' || file.endsWith('/')) file += 'index.html';
  const path = join(publicDir, ...file.split('/'));
  return existsSync(path) && statSync(path).isFile() ? file : undefined;
}

/** `[attribute, URL]` of every href, src and action in `html`, entities decoded; links to other hosts and fragments left out. */
function urls(html: string): [string, string][] {
  return [...html.matchAll(/\s(href|src|action|data-bundle)="([^"]*)"/g)]
    .map((match): [string, string] => [match[1]!, decodeHTML(match[2]!)])
    .filter(([, url]) => !/^(#|[a-z][a-z0-9+.-]*:|\/\/)/i.test(url));
}

/** The hrefs of the glossary links in `html`. */
function glossaryLinks(html: string): string[] {
  return [...html.matchAll(/<a class="glossary-link" href="([^"]*)"/g)].map((match) => decodeHTML(match[1]!));
}

/** The part of a page the plugin writes: its article, for the plugin's own pages. */
function article(html: string): string {
  return html.match(/<div class="[^"]*article-entry"[^>]*>([\s\S]*?)<\/div>\s*<footer class="article-footer">/)?.[1] ?? '';
}

/** The plugin's assets in `<head>`, the search form and the search icon: what it adds to every page. */
function pluginChrome(html: string): string[] {
  const head = html.slice(0, html.indexOf('</head>'));
  const assets = [...head.matchAll(/<(?:link rel="stylesheet" href|script src)="([^"]*(?:css\/reader\.css|glossary-tooltip\.(?:css|js)|reader-search\.js|pagefind-ui\.(?:css|js)))"/g)].map((match) => match[1]!);
  const search = [...html.matchAll(/<form action="([^"]*)"[^>]*class="search-form"|<a [^>]*class="nav-icon nav-search-btn"[^>]*href="([^"]*)"/g)].map((match) => match[1] ?? match[2]!);
  return [...assets, ...search];
}

/** The plugin's own pages. */
const pluginPages = (routes: readonly string[]) =>
  routes.filter((route) => route.startsWith('glossary/') || route === 'tags/index.html' || route === 'search/index.html');

describe('relative_link: true', () => {
  let site: Site;
  let plain: Site;
  let build: RunResult;
  let plainBuild: RunResult;
  let routes: string[];
  const publicDir = () => join(site.dir, 'public');
  const read = (route: string) => site.read(`public/${route}`);

  beforeAll(async () => {
    site = makeSite('pages', { ...extraFiles, '_config.yml': `${fixtureConfig}relative_link: true\n` });
    plain = makeSite('pages', extraFiles);
    [build, plainBuild] = await Promise.all([site.hexo('generate'), plain.hexo('generate')]);
    routes = htmlRoutes(publicDir());
  }, 120_000);
  afterAll(() => {
    site?.dispose();
    plain?.dispose();
  });

  it('builds without problems', () => {
    expect(build.output).not.toMatch(/ERROR|problem/);
    expect(build.code).toBe(0);
    expect(plainBuild.code).toBe(0);
  });

  it('links terms on a note page relative to it, to the term page’s file', () => {
    const links = glossaryLinks(read('2024/02/01/eks-intro/index.html'));
    expect(links).toContain('../../../../glossary/eks/');
    expect(links).toContain('../../../../glossary/%E3%82%B3%E3%83%B3%E3%83%86%E3%83%8A/');
    expect(resolveInFolder(publicDir(), '2024/02/01/eks-intro/index.html', '../../../../glossary/eks/')).toBe('glossary/eks/index.html');
  });

  it('links terms on the home page relative to it, to the term page’s file', () => {
    const links = glossaryLinks(read('index.html'));
    expect(links).toContain('glossary/eks/');
    expect(resolveInFolder(publicDir(), 'index.html', 'glossary/eks/')).toBe('glossary/eks/index.html');
  });

  it('makes {% term %} links relative to each page that shows the note', () => {
    expect(glossaryLinks(read('2024/06/01/tagged/index.html'))).toEqual(['../../../../glossary/iam%E3%83%AD%E3%83%BC%E3%83%AB/', '../../../../glossary/eks/']);
    expect(glossaryLinks(read('2024/06/02/tag-only/index.html'))).toEqual(['../../../../glossary/kubectl/']);
    expect(glossaryLinks(read('index.html'))).toEqual(expect.arrayContaining(['glossary/iam%E3%83%AD%E3%83%BC%E3%83%AB/', 'glossary/kubectl/']));
    expect(glossaryLinks(read('archives/index.html'))).toEqual([]);
  });

  it('writes the plugin’s stylesheets, scripts and search links relative to each page', () => {
    expect(pluginChrome(read('2024/02/01/eks-intro/index.html'))).toEqual([
      '../../../../css/reader.css',
      '../../../../js/reader-search.js',
      '../../../../css/glossary-tooltip.css',
      '../../../../js/glossary-tooltip.js',
      '../../../../search/',
      '../../../../search/',
    ]);
    expect(pluginChrome(read('search/index.html'))).toEqual(expect.arrayContaining(['../pagefind/pagefind-ui.css', '../pagefind/pagefind-ui.js', '', '']));
  });

  it('writes the links of the glossary, term, tag and search pages relative to them', () => {
    const index = article(read('glossary/index.html'));
    expect(index).toContain('<a class="glossary-entry-link" href="eks/">EKS</a>');
    const eks = article(read('glossary/eks/index.html'));
    expect(eks).toContain('<a class="glossary-link" href="../iam/" data-term="IAM" title="AWS の認証と認可を管理するサービス。">IAM</a>');
    expect(eks).toContain('<a class="glossary-backlink-title" href="../../2024/02/01/eks-intro/">');
    expect(eks).toContain('<a href="../../tags/EKS/">');
    expect(eks).toContain('<p class="glossary-back" data-pagefind-ignore><a href="../">');
    // The description's links, made by the linker.
    expect(eks).toMatch(/<div class="glossary-term-description">[\s\S]*<a class="glossary-link" href="\.\.\/%E3%82%B3%E3%83%B3%E3%83%86%E3%83%8A\/"/);
    expect(article(read('tags/index.html'))).toContain('<a class="tag-index-link" href="EKS/">EKS</a>');
    const search = article(read('search/index.html'));
    expect(search).toContain('<form class="reader-search-form" action="" method="get" role="search">');
    expect(search).toContain('<a href="../glossary/">');
    // Pagefind's UI finds its bundle by its own script's URL (a relative data-bundle would misplace its results).
    expect(search).not.toContain('data-bundle');
  });

  it('writes no root-absolute URL into any page where the plugin writes one', () => {
    for (const route of routes) {
      const html = read(route);
      const written = [...glossaryLinks(html), ...pluginChrome(html), ...(pluginPages([route]).length ? urls(article(html)).map(([, url]) => url) : [])];
      expect(written.filter((url) => url.startsWith('/')), route).toEqual([]);
    }
  });

  it('resolves every URL of the plugin’s pages and every glossary link, from its page, to a file of the site served from a folder', () => {
    const broken: string[] = [];
    let checked = 0;
    for (const route of routes) {
      const html = read(route);
      const written = pluginPages([route]).length ? urls(html).map(([, url]) => url) : [...glossaryLinks(html), ...pluginChrome(html)];
      for (const url of written) {
        checked++;
        if (resolveInFolder(publicDir(), route, url) === undefined) broken.push(`${route}: ${url}`);
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(500);
  });

  it('resolves every URL to the same place as the default build’s, in pages otherwise the same', () => {
    // Each URL as the path it names from its page (a folder with or without
    // its slash: Hexo's own links differ so); Hexo's random share ids left out.
    const normalize = (route: string, html: string) =>
      html
        .replace(/\s(href|src|action)="([^"]*)"/g, (whole, name: string, url: string) => {
          if (/^(#|[a-z][a-z0-9+.-]*:|\/\/)/i.test(url)) return whole;
          return ` ${name}="${new URL(decodeHTML(url), `http://127.0.0.1/${encodeURI(route)}`).pathname.replace(/\/(index\.html)?$/, '')}"`;
        })
        .replace(/ data-bundle="[^"]*"/, '')
        .replace(/data-id="[^"]*"/g, '');
    expect(htmlRoutes(join(plain.dir, 'public')).sort()).toEqual([...routes].sort());
    for (const route of routes) {
      expect(normalize(route, read(route)), route).toBe(normalize(route, plain.read(`public/${route}`)));
    }
  });

  it('writes the theme’s menu relative to each page, the home page included', () => {
    for (const route of ['index.html', '2024/02/01/eks-intro/index.html']) {
      const menu = [...read(route).matchAll(/class="main-nav-link" href="([^"]*)"/g)].map((match) => match[1]!);
      expect(menu, route).toHaveLength(3);
      for (const url of menu) {
        expect(url.startsWith('/'), `${route}: ${url}`).toBe(false);
        expect(resolveInFolder(publicDir(), route, url), `${route}: ${url}`).toBeDefined();
      }
    }
  });

  it('keeps the default build’s URLs root-absolute', () => {
    const note = plain.read('public/2024/02/01/eks-intro/index.html');
    expect(glossaryLinks(note)).toContain('/glossary/eks/');
    expect(pluginChrome(note)).toEqual(['/css/reader.css', '/js/reader-search.js', '/css/glossary-tooltip.css', '/js/glossary-tooltip.js', '/search/', '/search/']);
    expect(glossaryLinks(plain.read('public/2024/06/01/tagged/index.html'))).toEqual(['/glossary/iam%E3%83%AD%E3%83%BC%E3%83%AB/', '/glossary/eks/']);
    expect(plain.read('public/search/index.html')).toContain('data-bundle="/pagefind/"');
    expect(article(plain.read('public/glossary/eks/index.html'))).toContain('<a class="glossary-link" href="/glossary/iam/" data-term="IAM" title="AWS の認証と認可を管理するサービス。">IAM</a>');
  });

  it('keeps full URLs in the feed and the sitemap, and the feed’s notes as written', () => {
    const feed = read('atom.xml');
    expect(feed).toContain('<link href="http://127.0.0.1:4000/2024/06/01/tagged/"/>');
    // The note as stored: its {% term %} link root-absolute, as without relative_link.
    expect(feed).toContain('&lt;a class=&quot;glossary-link&quot; href=&quot;/glossary/kubectl/&quot;');
    // A note's tags in the feed, and the tag pages in the sitemap, come in
    // the order Hexo created the tags, which follows the order its reads of
    // the notes finish: both are compared as sets.
    const sortCategories = (xml: string) =>
      // hexo-generator-feed puts a line of spaces between a note's categories: a run spans them.
      xml.replace(/(?:[ \t]*<category [^>]*\/>\n(?:[ \t]*\n)*)+/g, (run) => run.split('\n').filter((line) => line.trim() !== '').map((line) => line.trim()).sort().join('\n'));
    expect(sortCategories(feed)).toBe(sortCategories(plain.read('public/atom.xml')));
    expect(feed).toMatch(/<category term="AWS"[^>]*\/>\n\s*<category term="EKS"[^>]*\/>\n\s*<category term="IAM"/);
    expect(read('sitemap.xml')).toContain('<loc>http://127.0.0.1:4000/glossary/eks/</loc>');
    const entries = (xml: string) => [...xml.matchAll(/<url>[\s\S]*?<\/url>/g)].map((match) => match[0]).sort();
    expect(entries(read('sitemap.xml'))).toEqual(entries(plain.read('public/sitemap.xml')));
    expect(entries(read('sitemap.xml')).length).toBeGreaterThan(10);
  });
});
