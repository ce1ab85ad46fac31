import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { decodeHTML } from 'entities';
import Hexo from 'hexo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSite, repoRoot, type RunResult, type Site } from '../helpers/site.js';

/** The notes of the `pages` fixture, by their folder under public/. */
const notes = {
  intro: '2024/02/01/eks-intro',
  ci: '2024/03/10/ci',
  auth: '2024/01/15/auth',
  day3: '2024/04/01/AWS勉強会3日目',
  unlinked: '2024/05/01/unlinked',
} as const;

const fixtureConfig = readFileSync(join(repoRoot, 'test', 'fixtures', 'sites', 'pages', '_config.yml'), 'utf8');
const withAutoTags = (value: string) => fixtureConfig.replace('glossary:\n', `glossary:\n  auto_tags: ${value}\n`);

/** `[href, text]` of every `<a class="…className…">` in `html`, entities decoded. */
function anchors(html: string, className: string): [string, string][] {
  const pattern = new RegExp(`<a class="${className}"[^>]*?href="([^"]*)"[^>]*>([^<]*)</a>`, 'g');
  return [...html.matchAll(pattern)].map((match) => [decodeHTML(match[1] ?? ''), decodeHTML(match[2] ?? '')]);
}

/** The tags shown in a note's footer. */
function noteTags(site: Site, note: string): string[] {
  const html = site.read(`public/${note}/index.html`);
  return anchors(html.match(/<ul class="article-tag-list"[\s\S]*?<\/ul>/)?.[0] ?? '', 'article-tag-list-link').map(([, name]) => name);
}

describe('glossary, term and tag pages', () => {
  let site: Site;
  let build: RunResult;
  let index: string;
  let eks: string;

  beforeAll(async () => {
    site = makeSite('pages');
    build = await site.hexo('generate');
    index = site.read('public/glossary/index.html');
    eks = site.read('public/glossary/eks/index.html');
  });
  afterAll(() => site?.dispose());

  it('builds without problems', () => {
    expect(build.output).not.toMatch(/ERROR|problem/);
    expect(build.code).toBe(0);
  });

  describe('the glossary index', () => {
    it('groups terms A–Z, then by kana row, then その他', () => {
      const groups = [...index.matchAll(/<h2 class="glossary-group-title">([^<]+)<\/h2>/g)].map((match) => match[1]);
      expect(groups).toEqual(['A', 'C', 'E', 'I', 'K', 'N', 'あ', 'か', 'さ', 'な', 'は', 'や', 'ら', 'わ', 'その他']);
    });

    it('has a jump bar to every group', () => {
      const jump = index.match(/<nav class="glossary-jump"[\s\S]*?<\/nav>/)?.[0] ?? '';
      const targets = [...jump.matchAll(/href="#([^"]+)"/g)].map((match) => match[1]);
      const ids = [...index.matchAll(/<section class="glossary-group" id="([^"]+)"/g)].map((match) => match[1]);
      expect(targets).toEqual(ids);
      expect(targets).toHaveLength(15);
    });

    it('orders the terms of a group by reading, voiced kana with their row', () => {
      const group = (id: string) => {
        const section = index.match(new RegExp(`<section class="glossary-group" id="glossary-${id}">([\\s\\S]*?)</section>`))?.[1] ?? '';
        return anchors(section, 'glossary-entry-link').map(([, title]) => title);
      };
      expect(group('A')).toEqual(['ALB Ingress Controller', 'Amazon S3']);
      expect(group('K')).toEqual(['kubectl', 'Kubernetes']);
      expect(group('kana-ka')).toEqual(['ガベージコレクション', 'キャッシュ', 'コンテナ']);
      expect(group('kana-sa')).toEqual(['シャーディング']);
      expect(group('kana-na')).toEqual(['認証']);
      expect(group('kana-ha')).toEqual(['冪等性', 'ポッド']);
      expect(group('other')).toEqual(expect.arrayContaining(['...', '../x', '3層アーキテクチャ', '負荷分散']));
      expect(group('other').indexOf('3層アーキテクチャ')).toBeLessThan(group('other').indexOf('負荷分散'));
      expect(group('C').slice(-1)).toEqual(['CI/CD']);
    });

    it('shows each term with its summary and how many notes mention it', () => {
      const entry = (href: string) => index.match(new RegExp(`href="${href}">[^<]*</a>(?: <span class="glossary-entry-title">[^<]*</span>)? <span class="glossary-count">([^<]+)</span></dt><dd class="glossary-summary">([^<]*)</dd>`));
      expect(entry('/glossary/eks/')?.[1]).toBe('ノート 4 件');
      expect(entry('/glossary/eks/')?.[2]).toBe('Kubernetes を動かすマネージドサービス。');
      expect(entry('/glossary/iam/')?.[1]).toBe('ノート 2 件');
      expect(entry(`/glossary/${encodeURIComponent('認証')}/`)?.[1]).toBe('ノート 1 件');
      expect(entry('/glossary/s3/')?.[1]).toBe('ノート 0 件');
    });

    it('is a real page: title, date of the newest note (for its metadata, not shown), permalink, menu', () => {
      expect(index).toContain('<title>用語集 | Pages Fixture</title>');
      expect(index).toContain('<meta property="article:published_time" content="2024-05-01T01:00:00.000Z">');
      expect(index).toContain('data-url="http://127.0.0.1:4000/glossary/"');
      const menu = [...index.matchAll(/<a class="main-nav-link" href="([^"]*)">([^<]*)<\/a>/g)].map((match) => `${match[2]} ${match[1]}`);
      // The site's menu replaces the theme's Home and Archives, which a merge would keep.
      expect(menu).toEqual(['ホーム /', '用語集 /glossary/', 'タグ /tags/']);
    });

    it('carries the glossary styles, which notes do not', () => {
      expect(index).toContain('<style class="glossary-style">');
      expect(site.read(`public/${notes.intro}/index.html`)).not.toContain('glossary-style');
    });
  });

  describe('term pages', () => {
    it('shows title, summary, aliases, related terms and official links', () => {
      expect(eks).toContain('<title>Amazon EKS | Pages Fixture</title>');
      expect(eks).toContain('<p class="glossary-term-summary">Kubernetes を動かすマネージドサービス。</p>');
      expect(eks).toContain('<span class="glossary-alias">ElasticKubernetesService</span>');
      expect(anchors(eks, 'glossary-link').slice(0, 2)).toEqual([
        ['/glossary/iam/', 'IAM'],
        ['/glossary/kubectl/', 'kubectl'],
      ]);
      expect(eks).toMatch(/<a class="glossary-official-link"[^>]*href="https:\/\/docs\.aws\.amazon\.com\/eks\/"[^>]*>Amazon EKS ドキュメント<\/a>/);
    });

    it('renders the description from Markdown, linking other terms but never itself', () => {
      const description = eks.match(/<div class="glossary-term-description">([\s\S]*?)<\/div>/)?.[1] ?? '';
      expect(description).toContain('<strong>');
      expect(description).toContain(`href="/glossary/${encodeURIComponent('コンテナ')}/"`);
      expect(description).toContain('href="/glossary/iam/"');
      expect(description).toContain('href="/glossary/kubernetes/"');
      expect(description).not.toContain('/glossary/eks/');
      expect(description).toContain('EKS は');
    });

    it('lists as related the terms that name it too, after those it names', () => {
      const related = (page: string) => anchors(page.match(/<dt data-pagefind-ignore>関連する用語<\/dt><dd>[\s\S]*?<\/dd>/)?.[0] ?? '', 'glossary-link');
      expect(related(eks)).toEqual([
        ['/glossary/iam/', 'IAM'],
        ['/glossary/kubectl/', 'kubectl'],
      ]);
      expect(related(site.read('public/glossary/iam/index.html'))).toEqual([['/glossary/eks/', 'Amazon EKS']]);
      expect(related(site.read('public/glossary/kubectl/index.html'))).toEqual([['/glossary/eks/', 'Amazon EKS']]);
      expect(related(site.read('public/glossary/kubernetes/index.html'))).toEqual([]);
    });

    it('shows parent and children', () => {
      const iam = site.read('public/glossary/iam/index.html');
      expect(iam).toContain(
        `<dt data-pagefind-ignore>下位の用語</dt><dd><a class="glossary-link" href="/glossary/${encodeURIComponent('iamロール')}/" data-term="IAMロール" title="一時的な権限を引き受けるための IAM のアイデンティティ。">IAMロール</a></dd>`,
      );
      const role = site.read('public/glossary/iamロール/index.html');
      expect(role).toContain('<dt data-pagefind-ignore>上位の用語</dt><dd><a class="glossary-link" href="/glossary/iam/" data-term="IAM" title="AWS の認証と認可を管理するサービス。">IAM</a></dd>');
    });

    it('lists the notes that mention the term, newest first, with their mention counts', () => {
      const list = eks.match(/<ol class="glossary-backlink-list">([\s\S]*?)<\/ol>/)?.[1] ?? '';
      expect(anchors(list, 'glossary-backlink-title')).toEqual([
        [`/${notes.day3.split('/').map(encodeURIComponent).join('/')}/`, 'AWS勉強会3日目'],
        [`/${notes.ci}/`, 'CI/CD と Node.js'],
        [`/${notes.intro}/`, 'EKS入門'],
        [`/${notes.auth}/`, '認証の基本'],
      ]);
      const counts = [...list.matchAll(/<span class="glossary-count">([^<]+)<\/span>/g)].map((match) => match[1]);
      expect(counts).toEqual(['出現 1 回', '出現 1 回', '出現 3 回', '出現 2 回']);
      const dates = [...list.matchAll(/<time class="glossary-backlink-date"[^>]*>([^<]+)<\/time>/g)].map((match) => match[1]);
      expect(dates).toEqual(['2024-04-01', '2024-03-10', '2024-02-01', '2024-01-15']);
    });

    it('shows a snippet around the first mention with the term highlighted', () => {
      const snippets = [...eks.matchAll(/<p class="glossary-snippet">([\s\S]*?)<\/p>/g)].map((match) => match[1] ?? '');
      expect(snippets).toHaveLength(4);
      for (const snippet of snippets) expect(snippet).toContain('<mark>EKS</mark>');
      expect(snippets[2]).toMatch(/^今日は <mark>EKS<\/mark> を触った。/);
      const container = site.read('public/glossary/コンテナ/index.html');
      expect(container).toContain('<mark>コンテナ</mark>');
    });

    it('leaves out pages and notes with glossary: false', () => {
      const list = eks.match(/<ol class="glossary-backlink-list">([\s\S]*?)<\/ol>/)?.[1] ?? '';
      expect(list).toContain('<li');
      expect(list).not.toContain('Unlinked note');
      expect(list).not.toContain('/about/');
    });

    it('links the term’s tag page', () => {
      expect(eks).toContain('<p class="glossary-tag-link"><a href="/tags/EKS/">');
    });

    it('says so when no note mentions the term', () => {
      expect(site.read('public/glossary/s3/index.html')).toContain('<p class="glossary-no-backlinks">');
    });

    it('says that a term notes do not link automatically lists only the notes that link it explicitly', () => {
      const unlinked = site.read('public/glossary/x/index.html');
      expect(unlinked).toContain('<p class="glossary-explicit-only">この用語は本文中で自動的にはリンクされないため、ここには明示的にリンクしたノートだけが並びます。</p>');
      expect(unlinked).not.toContain('glossary-no-backlinks');
    });

    it('is a real page: date of the newest mentioning note, labelled as such, and permalink', () => {
      expect(eks).toMatch(/<time class="dt-published" datetime="2024-04-01T01:00:00\.000Z"[^>]*>2024-04-01<\/time>/);
      expect(eks).toContain('data-url="http://127.0.0.1:4000/glossary/eks/"');
      expect(eks).toMatch(/<a href="\/glossary\/eks\/" class="article-date">\s*<span class="glossary-date-label">最新の言及<\/span> <time /);
      expect(eks.match(/glossary-date-label/g)).toHaveLength(1);
    });

    it('shows no date above a term no note mentions, whose page carries the newest note\'s', () => {
      const s3 = site.read('public/glossary/s3/index.html');
      expect(s3).toContain('<p class="glossary-no-backlinks">');
      expect(s3).toContain('<div class="article-meta">');
      expect(s3).not.toContain('class="article-date"');
      expect(s3).not.toContain('glossary-date-label');
    });

    it('shows no date above the glossary index, the tag index or the search page, which have none of their own', () => {
      for (const path of ['public/glossary/index.html', 'public/tags/index.html', 'public/search/index.html']) {
        const html = site.read(path);
        expect(html, path).toContain('<div class="article-meta">');
        expect(html, path).not.toContain('class="article-date"');
        expect(html, path).not.toContain('itemprop="datePublished"');
      }
    });
  });

  describe('slugs', () => {
    it.each([
      ['EKS', 'eks'],
      ['ALB Ingress Controller', 'alb-ingress-controller'],
      ['Amazon S3', 's3'],
      ['CI/CD', 'ci-cd'],
      ['Node.js', 'node-js'],
      ['C++', 'c-plus-plus'],
      ['C#', 'c-sharp'],
      ['../x', 'x'],
      ['コンテナ', 'コンテナ'],
      ['IAMロール', 'iamロール'],
    ])('writes the page of %j at glossary/%s/', (key, slug) => {
      expect(site.read(`public/glossary/${slug}/index.html`)).toContain(`data-term="${key.replace(/&/g, '&amp;')}"`);
    });

    it('gives a term of symbols only a non-empty slug', () => {
      const dirs = readdirSync(join(site.dir, 'public', 'glossary')).filter((name) => name.startsWith('term-'));
      expect(dirs).toHaveLength(1);
      expect(site.read(`public/glossary/${dirs[0]}/index.html`)).toContain('data-term="..."');
    });

    it('writes every term page one level under public/glossary/', () => {
      const pages = site.files('public/glossary', /\.html$/).map((file) => file.slice('public/glossary/'.length));
      expect(pages).toHaveLength(26 + 1);
      for (const page of pages) expect(page).toMatch(/^(?:[^/]+\/)?index\.html$/);
      expect(site.exists('x')).toBe(false);
      expect(site.exists('public/x')).toBe(false);
    });

    it('percent-encodes Japanese slugs in hrefs', () => {
      expect(index).toContain(`href="/glossary/${encodeURIComponent('コンテナ')}/"`);
      expect(index).not.toContain('href="/glossary/コンテナ/"');
    });
  });

  describe('tags', () => {
    it('adds the mentioned terms to a note’s own tags', () => {
      expect(noteTags(site, notes.intro)).toEqual(['AWS', 'EKS', 'IAM', 'コンテナ', '勉強会']);
      expect(noteTags(site, notes.auth)).toEqual(['EKS', 'IAM', '勉強会', '認証']);
      expect(noteTags(site, notes.day3)).toEqual(['EKS', 'kubectl', 'ポッド', '勉強会']);
    });

    it('spells an own tag that names a term in another case as the term (eks is EKS)', () => {
      expect(noteTags(site, notes.ci)).toEqual(['C#', 'C++', 'CI/CD', 'EKS', 'Node.js']);
    });

    it('adds nothing to a note with glossary: false', () => {
      expect(noteTags(site, notes.unlinked)).toEqual([]);
    });

    it('shows the tags in the sidebar', () => {
      const home = site.read('public/index.html');
      expect(home).toContain('href="/tags/EKS/"');
      expect(home).toContain(`href="/tags/${encodeURIComponent('勉強会')}/"`);
    });

    it('lists every tag on the tag index with its note count, most used first', () => {
      const tagIndex = site.read('public/tags/index.html');
      const tags = anchors(tagIndex, 'tag-index-link').map(([, name]) => name);
      const counts = [...tagIndex.matchAll(/<span class="tag-index-count">ノート (\d+) 件<\/span>/g)].map((match) => Number(match[1]));
      expect(tags.slice(0, 3)).toEqual(['EKS', '勉強会', 'IAM']);
      expect(counts.slice(0, 3)).toEqual([4, 3, 2]);
      expect(counts.slice(3).every((count) => count === 1)).toBe(true);
      expect(new Set(tags)).toEqual(new Set(['EKS', '勉強会', 'IAM', 'AWS', 'C#', 'C++', 'CI/CD', 'Node.js', 'kubectl', 'コンテナ', 'ポッド', '認証']));
      expect(tagIndex).toContain('<title>タグ | Pages Fixture</title>');
      expect(tagIndex).toContain('data-url="http://127.0.0.1:4000/tags/"');
    });

    it('describes the glossary index and the tag index with a sentence of their own, not with their text', () => {
      const terms = anchors(index, 'glossary-entry-link').length;
      expect(terms).toBeGreaterThan(10);
      const glossaryDescription = `用語集: ${terms} 語の用語の説明と、それぞれの用語が出てくるノート。`;
      expect(index).toContain(`<meta name="description" content="${glossaryDescription}">`);
      expect(index).toContain(`<meta property="og:description" content="${glossaryDescription}">`);
      const tagIndex = site.read('public/tags/index.html');
      expect(tagIndex).toContain('<meta name="description" content="タグの一覧: 12 件のタグと、それぞれのノートの数。">');
      expect(tagIndex).toContain('<meta property="og:description" content="タグの一覧: 12 件のタグと、それぞれのノートの数。">');
      const search = site.read('public/search/index.html');
      expect(search).toContain('<meta name="description" content="ノートと用語集を全文検索します。">');
      expect(search).toContain('<meta property="og:description" content="ノートと用語集を全文検索します。">');
    });

    it('serves a Japanese tag page, written under its decoded name and linked percent-encoded', () => {
      const page = site.read('public/tags/勉強会/index.html');
      expect(page).toContain('<title>タグ: 勉強会 | Pages Fixture</title>');
      // Named on the page too, not only in its title.
      expect(page).toContain('<section id="main"><h1 class="reader-page-title">タグ: 勉強会</h1>');
      const listed = [...page.matchAll(/class="archive-article-title" href="([^"]+)">([^<]+)</g)].map((match) => match[2]);
      expect(listed).toEqual(['AWS勉強会3日目', 'EKS入門', '認証の基本']);
      expect(site.read('public/tags/index.html')).toContain(`href="/tags/${encodeURIComponent('勉強会')}/"`);
    });

    it('gives tags that Hexo would put on one page (C++, C#) pages of their own', () => {
      expect(site.exists('public/tags/C/index.html')).toBe(false);
      expect(site.read('public/tags/c-plus-plus/index.html')).toContain('タグ: C++');
      expect(site.read('public/tags/c-sharp/index.html')).toContain('タグ: C#');
    });
  });

  it('offers template helpers for the term list and term URLs', async () => {
    const hexo = new Hexo(site.dir, { silent: true });
    await hexo.init();
    await hexo.load();
    try {
      const helper = (name: string) => hexo.extend.helper.get(name).bind({ config: hexo.config } as never) as (...args: unknown[]) => unknown;
      expect(helper('glossary_url')('EKS')).toBe('/glossary/eks/');
      expect(helper('glossary_url')('ElasticKubernetesService')).toBe('/glossary/eks/');
      expect(helper('glossary_url')('コンテナ')).toBe(`/glossary/${encodeURIComponent('コンテナ')}/`);
      expect(helper('glossary_url')('not a term')).toBe('');
      expect(helper('glossary_index_url')()).toBe('/glossary/');
      const terms = (helper('glossary_terms')() as { key: string }[]).map((entry) => entry.key);
      expect(terms).toHaveLength(26);
      expect(terms.slice(0, 3)).toEqual(['ALB Ingress Controller', 'Amazon S3', 'C#']);
      expect(terms.indexOf('kubectl')).toBeLessThan(terms.indexOf('アベイラビリティゾーン'));
    } finally {
      await hexo.exit();
    }
  });

  it('links only to files that exist, from every glossary and tag page', () => {
    const publicDir = join(site.dir, 'public');
    const pages = [...site.files('public/glossary', /\.html$/), ...site.files('public/tags', /\.html$/)];
    expect(pages.length).toBeGreaterThanOrEqual(40);
    const broken: string[] = [];
    let checked = 0;
    for (const page of pages) {
      for (const match of site.read(page).matchAll(/href="(\/(?!\/)[^"#?]*)/g)) {
        const path = decodeURIComponent(decodeHTML(match[1] ?? ''));
        let target = resolve(publicDir, `.${path}`);
        if (existsSync(target) && statSync(target).isDirectory()) target = join(target, 'index.html');
        checked++;
        if (!target.startsWith(publicDir) || !existsSync(target)) broken.push(`${page} -> ${path}`);
      }
    }
    expect(checked).toBeGreaterThan(500);
    expect(broken).toEqual([]);
  });
  describe('the sitemap', () => {
    const origin = 'http://127.0.0.1:4000';
    /** `[loc, lastmod]` of every `<url>` of sitemap.xml. */
    const urls = () =>
      [...site.read('public/sitemap.xml').matchAll(/<url>\s*<loc>([^<]*)<\/loc>(?:\s*<lastmod>([^<]*)<\/lastmod>)?/g)].map((match) => [match[1], match[2]]);
    const termPages = () =>
      readdirSync(join(site.dir, 'public', 'glossary'), { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => `${origin}/glossary/${encodeURIComponent(entry.name)}/`);

    it('lists the glossary index, every term page and the tag index, next to the notes', () => {
      const locs = urls().map(([loc]) => loc);
      expect(locs).toContain(`${origin}/${notes.intro}/`);
      expect(locs).toContain(`${origin}/glossary/`);
      expect(locs).toContain(`${origin}/tags/`);
      expect(termPages().length).toBeGreaterThan(10);
      for (const page of termPages()) expect(locs).toContain(page);
      expect(new Set(locs).size).toBe(locs.length);
    });

    it('dates a term page by the newest note that mentions it, and the index by the newest note', () => {
      const lastmod = new Map(urls().map(([loc, date]) => [loc, date]));
      expect(lastmod.get(`${origin}/glossary/eks/`)).toBe('2024-04-01');
      expect(lastmod.get(`${origin}/glossary/iam/`)).toBe('2024-02-01');
      expect(lastmod.get(`${origin}/glossary/`)).toBe('2024-05-01');
    });

    it('lists the same pages in the text sitemap', () => {
      const lines = site.read('public/sitemap.txt').split('\n');
      expect(lines).toContain(`${origin}/glossary/`);
      expect(lines).toContain(`${origin}/tags/`);
      for (const page of termPages()) expect(lines).toContain(page);
    });
  });
});

describe('glossary.auto_tags options', () => {
  let site: Site;
  const tagsAfter: Record<string, Record<keyof typeof notes, string[]>> = {};
  const tagIndexAfter: Record<string, string> = {};
  const builds: RunResult[] = [];

  beforeAll(async () => {
    site = makeSite('pages', { '_config.yml': withAutoTags('{ min_mentions: 2 }') });
    for (const [name, value] of [
      ['min2', '{ min_mentions: 2 }'],
      ['off', 'false'],
    ] as const) {
      site.write('_config.yml', withAutoTags(value));
      // No `hexo clean` in between: the second build must remove the tags the first one added.
      builds.push(await site.hexo('generate'));
      tagsAfter[name] = Object.fromEntries(Object.entries(notes).map(([key, note]) => [key, noteTags(site, note)])) as Record<keyof typeof notes, string[]>;
      tagIndexAfter[name] = site.read('public/tags/index.html');
    }
  });
  afterAll(() => site?.dispose());

  it('builds without problems', () => {
    expect(builds.map((result) => result.code)).toEqual([0, 0]);
  });

  it('min_mentions keeps only terms mentioned often enough', () => {
    expect(tagsAfter['min2']).toEqual({
      intro: ['AWS', 'EKS', 'コンテナ', '勉強会'],
      ci: ['CI/CD', 'EKS'],
      auth: ['EKS', 'IAM', '勉強会', '認証'],
      day3: ['勉強会'],
      unlinked: [],
    });
  });

  it('false leaves only the front-matter tags, removing those added before', () => {
    expect(tagsAfter['off']).toEqual({
      intro: ['AWS', '勉強会'],
      ci: ['eks'],
      auth: ['勉強会'],
      day3: ['勉強会'],
      unlinked: [],
    });
  });

  it('the tag index follows', () => {
    const names = (html: string | undefined) => anchors(html ?? '', 'tag-index-link').map(([, name]) => name);
    expect(names(tagIndexAfter['min2'])).toEqual(['EKS', '勉強会', 'AWS', 'CI/CD', 'IAM', 'コンテナ', '認証']);
    expect(names(tagIndexAfter['off'])).toEqual(['勉強会', 'AWS', 'eks']);
  });
});

describe('glossary links written by hand in a note', () => {
  it('earn a tag only when they name a term', async () => {
    const note = '---\ntitle: Raw\ndate: 2024-03-01 10:00:00\n---\n<a class="glossary-link" data-term="Nope" href="/x/">made up</a> and <a class="glossary-link" data-term="IAM" href="/glossary/iam/">written by hand</a>\n';
    const site = makeSite('basic', { 'source/_posts/raw.md': note });
    try {
      const build = await site.hexo('generate');
      expect(build.code).toBe(0);
      expect(noteTags(site, '2024/03/01/raw')).toEqual(['IAM']);
      expect(site.exists('public/tags/Nope/index.html')).toBe(false);
    } finally {
      site.dispose();
    }
  });
});

describe('a slug collision across glossary files', () => {
  let site: Site;
  let build: RunResult;

  beforeAll(async () => {
    site = makeSite('pages', { 'source/_glossary/more.yml': 'Node JS:\n  summary: 別の綴り。\n' });
    build = await site.hexo('generate');
  });
  afterAll(() => site?.dispose());

  it('fails the build naming both terms', () => {
    expect(build.code).toBe(1);
    expect(build.output).toMatch(/source\/_glossary\/more\.yml:1:1: terms "Node\.js" \(source\/_glossary\/aws\.yml:\d+:\d+\) and "Node JS" both have the slug "node-js"/);
  });

  it('keeps the page of the first term', () => {
    expect(site.read('public/glossary/node-js/index.html')).toContain('data-term="Node.js"');
  });
});
