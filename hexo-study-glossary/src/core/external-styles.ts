/**
 * Removes stylesheets that a page would fetch from another host.
 *
 * hexo-theme-landscape loads its icon font (Fork Awesome) and, with
 * highlighting on, a code font from a CDN on every page. A study site is
 * read offline too, and every such request tells a third party who reads
 * what; the theme's icons are drawn by our own CSS instead (see
 * `reader-styles.ts`). Scripts are left alone: landscape only loads
 * outside scripts for services the user turned on (comments, analytics).
 */
import { findOpenTags, voidTagRemoval, type OpenTag } from './open-tags.js';
import type { PageEdit } from './page-edits.js';

/** True for a URL that leaves the site: `https://…`, `//host/…`, any other scheme but `data:`. */
export function isExternalUrl(url: string): boolean {
  const trimmed = url.trim();
  if (trimmed.startsWith('//')) return true;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1]?.toLowerCase();
  return scheme !== undefined && scheme !== 'data';
}

/** Stylesheets and hints are `<link>` tags: only theirs are read. */
const linkTag: ReadonlySet<string> = new Set(['link']);

/** The edits that take `<link rel="stylesheet">` (or `preload`/`preconnect` hints) to other hosts out of the `<head>` of `html`. */
export function externalStylesheetRemovals(html: string): PageEdit[] {
  if (!mayLinkElsewhere(html)) return [];
  const external = (tag: Pick<OpenTag, 'name' | 'attributes'>) => {
    if (tag.name !== 'link') return false;
    const rel = (tag.attributes['rel'] ?? '').toLowerCase().split(/\s+/);
    const fetches = rel.includes('stylesheet') || rel.includes('preload') || rel.includes('preconnect') || rel.includes('dns-prefetch');
    return fetches && isExternalUrl(tag.attributes['href'] ?? '');
  };
  // Stylesheets belong in <head>: stopping at <body> spares tokenizing every
  // page whole (it was the largest cost of a build).
  return findOpenTags(html, external, { names: linkTag, until: 'body' }).map((tag) => voidTagRemoval(html, tag));
}

/**
 * False when no `<link` tag in `html` can name another host: none holds a
 * `:` (a scheme), `//` (another host) or `&` (an entity that could spell
 * either). Most pages have none, and a string search is much cheaper than
 * tokenizing their head. True only means "tokenize and see".
 */
function mayLinkElsewhere(html: string): boolean {
  // Only what comes before <body> is tokenized, so only that needs a look.
  // Searching the whole page cost more than tokenizing its head. A "<body"
  // in a comment in <head> would hide the links after it: a theme that
  // writes one, and a stylesheet from another host after it, keeps that one.
  const end = html.indexOf('<body');
  const head = end === -1 ? html : html.slice(0, end);
  for (const [tag] of head.matchAll(/<link\b[^>]*>?/gi)) {
    if (tag.includes(':') || tag.includes('//') || tag.includes('&')) return true;
  }
  return false;
}
