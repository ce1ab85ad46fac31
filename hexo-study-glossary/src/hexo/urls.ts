/** URLs of the pages the plugin generates. */
import type { GlossaryOptions } from '../core/options.js';

/** Site-absolute URL of a term page, percent-encoded: `{root}{path}/{slug}/`. */
export function termUrl(root: string, options: Pick<GlossaryOptions, 'path'>, slug: string): string {
  return pathUrl(root, `${options.path}/${slug}/`);
}

/** Site-absolute URL of the glossary index. */
export function glossaryUrl(root: string, options: Pick<GlossaryOptions, 'path'>): string {
  return pathUrl(root, `${options.path}/`);
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

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
