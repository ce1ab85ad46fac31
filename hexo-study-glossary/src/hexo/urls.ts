/**
 * URLs of the pages the plugin generates, and of the site paths it writes
 * into pages.
 *
 * Paths are decoded and relative to the site's root (`glossary/eks/`,
 * `tags/勉強会/`); URLs are percent-encoded. A URL written into a page is
 * root-absolute (`/glossary/eks/`), or, with Hexo's `relative_link`,
 * relative to that page (`../../../../glossary/eks/`), as Hexo's `url_for`
 * writes the theme's links: see `pageUrls`.
 */
import { prettyUrls } from 'hexo-util';
import type { GlossaryOptions } from '../core/options.js';

/** Site-absolute URL of a term page, percent-encoded: `{root}{path}/{slug}/`. */
export function termUrl(root: string, options: Pick<GlossaryOptions, 'path'>, slug: string): string {
  return pathUrl(root, termPath(options, slug));
}

/** Site-absolute URL of the glossary index. */
export function glossaryUrl(root: string, options: Pick<GlossaryOptions, 'path'>): string {
  return pathUrl(root, glossaryPath(options));
}

/** Site path (decoded, no leading slash) of a term page: `{path}/{slug}/`. */
export function termPath(options: Pick<GlossaryOptions, 'path'>, slug: string): string {
  return `${options.path}/${slug}/`;
}

/** Site path (decoded, no leading slash) of the glossary index: `{path}/`. */
export function glossaryPath(options: Pick<GlossaryOptions, 'path'>): string {
  return `${options.path}/`;
}

/** Folder (decoded, no leading slash) of the tag index, from Hexo's `tag_dir`. */
export function tagIndexDir(tagDir: string): string {
  return `${tagDir.replace(/^\/+|\/+$/g, '')}/`;
}

/** Route path (decoded, no leading slash) of a term page. */
export function termRoute(options: Pick<GlossaryOptions, 'path'>, slug: string): string {
  return `${options.path}/${slug}/index.html`;
}

/** Site-absolute, percent-encoded URL of a decoded site path (`tags/勉強会/`). */
export function pathUrl(root: string, path: string): string {
  return `${withSlash(root)}${encodePath(path.replace(/^\/+/, ''))}`;
}

/**
 * URL of the decoded site path `path` (a leading slash is ignored) from the
 * page at the route `from` (decoded, as Hexo's `locals.path`:
 * `2024/01/02/first/index.html`; the folder `2024/01/02/first/` is the same
 * page), percent-encoded. It is what Hexo's `url_for` writes with
 * `relative_link: true` (hexo-util's `relative_url`): the folders both
 * share are left out, `..` climbs out of the rest of the page's; the site's
 * root is `index.html` (`../../index.html`), and a link to the page's own
 * folder is empty (the page itself). It resolves the same from whatever
 * folder the site is served from.
 */
export function relativeUrl(from: string, path: string): string {
  const fromParts = from.replace(/^\/+/, '').split('/');
  const site = path.replace(/^\/+/, '');
  // Hexo's `relative_url(from, '/')`: the root as its index file, which also opens from disk.
  const toParts = site === '' ? ['', ''] : site.split('/');
  const shared = Math.min(fromParts.length, toParts.length);
  let common = 0;
  while (common < shared && fromParts[common] === toParts[common]) common++;
  const parts = [...Array<string>(Math.max(0, fromParts.length - common - 1)).fill('..'), ...toParts.slice(common)];
  if (parts.length > 1 && parts[parts.length - 1] === '' && parts[parts.length - 2] === '') parts.splice(-2, 2, 'index.html');
  return encodePath(parts.join('/').replace(/\/{2,}/g, '/'));
}

/** How the plugin writes site paths into pages, by the site's `root` and `relative_link`. */
export interface PageUrls {
  /**
   * Whether a URL depends on the page it is written into (Hexo's
   * `relative_link`). When not, `url` ignores `from`, and callers may make
   * a URL once for every page.
   */
  readonly relative: boolean;
  /**
   * The URL of the decoded site path `path` written into the page at the
   * route `from` (see `relativeUrl`): relative to that page when `relative`
   * and `from` is known, else root-absolute (`pathUrl`, then hexo-util's `prettyUrls`).
   */
  url(path: string, from?: string): string;
}

/** Hexo's `pretty_urls` in `_config.yml`; each is on unless set to `false`. */
export interface PrettyUrls {
  trailing_index?: boolean;
  trailing_html?: boolean;
}

/** The site's settings that decide how a URL is written into a page. */
export interface UrlConfig {
  root: string;
  relative_link?: unknown;
  pretty_urls?: PrettyUrls | null;
}

/**
 * `PageUrls` for a site's `_config.yml`; Hexo's `url_for` reads
 * `relative_link` the same way (any true value). Root-absolute URLs follow
 * `pretty_urls`, as `url_for`'s do; relative ones keep the file's name, as
 * Hexo's `relative_url` does.
 */
export function pageUrls(config: UrlConfig): PageUrls {
  const { root } = config;
  // Hexo's own `pretty_urls` (hexo-util's, as `url_for` applies it):
  // `trailing_index: false` drops a final `index.html`, `trailing_html:
  // false` a final `.html`. Hexo's links, canonical URL, sitemap and feed
  // all drop them: a link keeping it named the page by a second URL.
  const absolute = (path: string) => prettyUrls(pathUrl(root, path), config.pretty_urls ?? {});
  if (!config.relative_link) return { relative: false, url: absolute };
  return { relative: true, url: (path, from) => (from === undefined ? absolute(path) : relativeUrl(from, path)) };
}

/** The route of the page a template or filter renders (Hexo's `locals.path`), if known. */
export function pagePath(locals: unknown): string | undefined {
  const path = typeof locals === 'object' && locals !== null ? (locals as { path?: unknown }).path : undefined;
  return typeof path === 'string' ? path : undefined;
}

/**
 * Full URL of a decoded site path, like Hexo's own permalinks: `url`
 * already holds the site's folder (Hexo's docs ask for `url:
 * https://example.org/blog` together with `root: /blog/`).
 */
export function permalinkUrl(siteUrl: string, path: string): string {
  return `${siteUrl.replace(/\/+$/, '')}/${encodePath(path.replace(/^\/+/, ''))}`;
}

function withSlash(root: string): string {
  return root.endsWith('/') ? root : `${root}/`;
}

/**
 * Percent-encodes each segment of a decoded path, but keeps `! $ & ' ( ) * +
 * , ; = @` as they are: a URL path may hold them (RFC 3986's `pchar`), and
 * Hexo's links keep them (hexo-util's `encodeURL` is `encodeURI`), so a
 * note's file name `Q&A+メモ` gives the one URL Hexo links it by, not a
 * second spelling of it. `#`, `?`, `%` and `/` stay encoded, which Hexo's
 * `encodeURI` leaves as they are and so breaks; so does `:`, which would
 * read as a scheme at the start of a relative URL (`a:b/`).
 */
function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/%(?:24|26|2B|2C|3B|3D|40)/g, decodeURIComponent))
    .join('/');
}
