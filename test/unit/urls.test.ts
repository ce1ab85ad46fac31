/**
 * URLs the plugin writes into pages: root-absolute by default, relative to
 * the page with Hexo's `relative_link`, the way Hexo's `url_for` makes them.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { glossaryLinkOpenTag, rebaseGlossaryLinks } from '../../hexo-study-glossary/src/core/glossary-anchor.js';
import { createHeadAssets } from '../../hexo-study-glossary/src/hexo/head-assets.js';
import { pagePath, pageUrls, pathUrl, relativeUrl } from '../../hexo-study-glossary/src/hexo/urls.js';

const hexoUtil = createRequire(import.meta.url)('hexo-util') as {
  relative_url(from: string, to: string): string;
  url_for(this: { config: object; path: string }, path: string): string;
};

describe('relativeUrl', () => {
  // [page route (Hexo's locals.path), site path, URL written into that page]
  const cases: [string, string, string][] = [
    // The home page.
    ['index.html', 'glossary/eks/', 'glossary/eks/'],
    ['index.html', 'css/reader.css', 'css/reader.css'],
    ['index.html', 'search/', 'search/'],
    // A note.
    ['2024/01/02/first/index.html', 'glossary/eks/', '../../../../glossary/eks/'],
    ['2024/01/02/first/index.html', 'js/glossary-tooltip.js', '../../../../js/glossary-tooltip.js'],
    ['2024/01/02/first/index.html', '2024/01/03/second/', '../../03/second/'],
    ['2024/01/02/first/index.html', '2024/01/02/first/', ''],
    // The glossary index and a term page.
    ['glossary/index.html', 'glossary/eks/', 'eks/'],
    ['glossary/eks/index.html', 'glossary/', '../'],
    ['glossary/eks/index.html', 'glossary/kubectl/', '../kubectl/'],
    ['glossary/eks/index.html', 'glossary/eks/', ''],
    ['glossary/eks/index.html', '2024/01/02/first/', '../../2024/01/02/first/'],
    ['glossary/eks/index.html', 'tags/EKS/', '../../tags/EKS/'],
    // Decoded paths in, percent-encoded URLs out.
    ['tags/勉強会/index.html', 'glossary/eks/', '../../glossary/eks/'],
    ['tags/勉強会/index.html', 'tags/勉強会/', ''],
    ['tags/index.html', 'tags/勉強会/', '%E5%8B%89%E5%BC%B7%E4%BC%9A/'],
    ['index.html', 'glossary/iamロール/', 'glossary/iam%E3%83%AD%E3%83%BC%E3%83%AB/'],
    ['glossary/iamロール/index.html', 'glossary/', '../'],
    // Paginated and archive pages.
    ['page/2/index.html', 'glossary/eks/', '../../glossary/eks/'],
    ['archives/2024/01/page/2/index.html', 'search/', '../../../../../search/'],
    // The search page and Pagefind's folder.
    ['search/index.html', 'pagefind/pagefind-ui.js', '../pagefind/pagefind-ui.js'],
    ['search/index.html', 'search/', ''],
    // The site's root, as its index file (Hexo's relative_url(from, '/')).
    ['index.html', '', 'index.html'],
    ['2024/01/02/first/index.html', '/', '../../../../index.html'],
    // A page written as a file (pretty_urls.trailing_html: false keeps the route).
    ['about.html', 'glossary/eks/', 'glossary/eks/'],
    ['docs/about.html', 'glossary/eks/', '../glossary/eks/'],
  ];

  it.each(cases)('from %s, writes %s as %s', (from, path, url) => {
    expect(relativeUrl(from, path)).toBe(url);
  });

  it.each(cases)('from %s, writes %s as Hexo url_for does with relative_link', (from, path) => {
    // Hexo's url_for hands a path without leading slash to relative_url as is.
    const site = path.replace(/^\/+/, '');
    const hexo = hexoUtil.url_for.call({ config: { relative_link: true, root: '/' }, path: from }, site === '' ? '/' : site);
    expect(relativeUrl(from, path)).toBe(hexo);
  });

  it('reads a page given as its folder (pretty_urls.trailing_index: false links pages so) as the page', () => {
    expect(relativeUrl('glossary/eks/', 'glossary/')).toBe(relativeUrl('glossary/eks/index.html', 'glossary/'));
    expect(relativeUrl('2024/01/02/first/', 'css/reader.css')).toBe('../../../../css/reader.css');
  });

  it('ignores a leading slash on either path', () => {
    expect(relativeUrl('/glossary/eks/index.html', '/glossary/kubectl/')).toBe('../kubectl/');
  });

  it('percent-encodes as root-absolute URLs do, segment by segment', () => {
    expect(relativeUrl('index.html', 'tags/C#/a b?/')).toBe(pathUrl('/', 'tags/C#/a b?/').slice(1));
  });

  it('resolves, from the page, to the file the root-absolute URL names, under any folder', () => {
    const pages = ['index.html', '2024/01/02/first/index.html', 'glossary/eks/index.html', 'tags/勉強会/index.html', 'search/index.html'];
    const paths = ['glossary/eks/', 'glossary/', 'tags/勉強会/', 'css/reader.css', 'search/', '2024/01/02/first/'];
    for (const folder of ['/', '/sub/', '/a/b/']) {
      for (const from of pages) {
        const base = new URL(`http://host${folder}${encodeURI(from)}`);
        for (const path of paths) {
          // A page's link to itself is empty: the page's own file.
          const resolved = new URL(relativeUrl(from, path), base).pathname.replace(/index\.html$/, '');
          expect(resolved, `${path} from ${from} under ${folder}`).toBe(`${folder}${pathUrl('/', path).slice(1)}`);
        }
      }
    }
  });
});

describe('pageUrls', () => {
  it('writes root-absolute URLs, whatever the page, by default', () => {
    const urls = pageUrls({ root: '/notes/' });
    expect(urls.relative).toBe(false);
    expect(urls.url('glossary/eks/', '2024/01/02/first/index.html')).toBe('/notes/glossary/eks/');
    expect(urls.url('tags/勉強会/')).toBe('/notes/tags/%E5%8B%89%E5%BC%B7%E4%BC%9A/');
    expect(pageUrls({ root: '/', relative_link: false }).url('css/reader.css', 'index.html')).toBe('/css/reader.css');
  });

  it('writes URLs relative to the page with relative_link, ignoring root', () => {
    const urls = pageUrls({ root: '/notes/', relative_link: true });
    expect(urls.relative).toBe(true);
    expect(urls.url('glossary/eks/', '2024/01/02/first/index.html')).toBe('../../../../glossary/eks/');
    expect(urls.url('glossary/eks/', 'index.html')).toBe('glossary/eks/');
  });

  it.each([
    ['2024/01/first.html', { trailing_html: false }],
    ['2024/01/first.html', { trailing_index: false, trailing_html: false }],
    ['about/index.html', { trailing_index: false }],
    ['about/index.html', { trailing_html: false }],
    ['glossary/eks/', { trailing_index: false, trailing_html: false }],
    ['tags/勉強会/', { trailing_html: false }],
  ])('writes %s with pretty_urls %o as Hexo url_for does', (path, pretty) => {
    const config = { root: '/notes/', url: 'https://example.com/notes', pretty_urls: pretty };
    expect(pageUrls(config).url(path)).toBe(hexoUtil.url_for.call({ config, path: 'index.html' }, path));
  });

  it.each(['2024/06/01/Q&A+メモ/', "notes/it's (1) $5, a=b; c@d!*/", 'tags/勉強会 2/'])('encodes %s as Hexo url_for does', (path) => {
    const config = { root: '/', url: 'https://example.com' };
    expect(pageUrls(config).url(path)).toBe(hexoUtil.url_for.call({ config, path: 'index.html' }, path));
  });

  it('keeps #, ?, % and : encoded, which Hexo url_for leaves as they are', () => {
    expect(pageUrls({ root: '/' }).url('C#/a?b/100%/a:b/')).toBe('/C%23/a%3Fb/100%25/a%3Ab/');
  });

  it('falls back to root-absolute URLs with relative_link when the page is not known', () => {
    expect(pageUrls({ root: '/notes/', relative_link: true }).url('glossary/eks/')).toBe('/notes/glossary/eks/');
  });

  it('reads the page from template locals', () => {
    expect(pagePath({ path: 'tags/index.html' })).toBe('tags/index.html');
    expect(pagePath({ page: {} })).toBeUndefined();
    expect(pagePath(undefined)).toBeUndefined();
  });
});

describe('rebasing glossary links', () => {
  const eks = glossaryLinkOpenTag('EKS', '/glossary/eks/', 'Managed "Kubernetes"');
  const iam = glossaryLinkOpenTag('IAM', '/glossary/iam/', undefined);

  it('rewrites the start of every glossary link href, and nothing else', () => {
    const html = `<p>${eks}EKS</a> <a href="/glossary/eks/">own</a> ${iam}IAM</a> /glossary/eks/</p>`;
    expect(rebaseGlossaryLinks(html, '/glossary/', '../../glossary/')).toBe(
      `<p>${glossaryLinkOpenTag('EKS', '../../glossary/eks/', 'Managed "Kubernetes"')}EKS</a> <a href="/glossary/eks/">own</a> ${glossaryLinkOpenTag('IAM', '../../glossary/iam/', undefined)}IAM</a> /glossary/eks/</p>`,
    );
  });

  it('makes links from the glossary index relative to its folder', () => {
    expect(rebaseGlossaryLinks(`${eks}EKS</a>`, '/glossary/', '')).toBe(`${glossaryLinkOpenTag('EKS', 'eks/', 'Managed "Kubernetes"')}EKS</a>`);
  });

  it('returns the HTML itself when it has no glossary link there', () => {
    const html = `<p>EKS ${glossaryLinkOpenTag('EKS', '/other/eks/', undefined)}EKS</a></p>`;
    expect(rebaseGlossaryLinks(html, '/glossary/', '../glossary/')).toBe(html);
  });

  it('does not rewrite text that only shows the markup', () => {
    const shown = '<code>&lt;a class="glossary-link" href="/glossary/eks/"&gt;</code>';
    expect(rebaseGlossaryLinks(shown, '/glossary/', '../glossary/')).toBe(shown);
  });
});

describe('head assets with page URLs', () => {
  const assets = (relative_link: boolean) => {
    const head = createHeadAssets(pageUrls({ root: '/', relative_link }));
    head.add((url) => `<link href="${url('css/reader.css')}">`);
    head.add('<style>x</style>');
    head.add((url) => `<script src="${url('pagefind/pagefind-ui.js')}"></script>`, ['search']);
    return head;
  };

  it('are root-absolute, the same for every page, by default', () => {
    const head = assets(false);
    expect(head.markup('post', '2024/01/02/first/index.html')).toBe('<link href="/css/reader.css"><style>x</style>');
    expect(head.markup('search', 'search/index.html')).toBe('<link href="/css/reader.css"><style>x</style><script src="/pagefind/pagefind-ui.js"></script>');
  });

  it('are relative to each page with relative_link', () => {
    const head = assets(true);
    expect(head.markup('post', '2024/01/02/first/index.html')).toBe('<link href="../../../../css/reader.css"><style>x</style>');
    expect(head.markup('index', 'index.html')).toBe('<link href="css/reader.css"><style>x</style>');
    expect(head.markup('search', 'search/index.html')).toBe('<link href="../css/reader.css"><style>x</style><script src="../pagefind/pagefind-ui.js"></script>');
  });
});
