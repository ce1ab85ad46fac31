/**
 * Adds the plugin's pages to a sitemap written by hexo-generator-sitemap.
 *
 * That generator lists notes, pages, tags and categories from Hexo's
 * models; the glossary index, the term pages and the tag index are routes
 * of other generators, which it never sees. Search engines would find them
 * only by following links, and a term page ("IAMロール とは") is often the
 * page a reader searches for.
 *
 * The sitemap is edited as text, the way the generator writes it: an XML
 * `<urlset>` with one `<url>` per page, or a text file with one URL per
 * line. Pages it lists already are not added again.
 */
import { escapeText } from './escape.js';

export interface SitemapEntry {
  /** Full URL, percent-encoded. */
  loc: string;
  /** `YYYY-MM-DD`, when the page has a date. */
  lastmod: string | undefined;
}

/**
 * `sitemap` with `entries` added: in `xml`, as `<url>` elements before
 * `</urlset>`; in `txt`, as lines at the end. `undefined` when an XML
 * sitemap has no `</urlset>` (a custom template of another shape).
 */
export function addToSitemap(sitemap: string, format: 'xml' | 'txt', entries: readonly SitemapEntry[]): string | undefined {
  if (format === 'txt') {
    const listed = new Set(sitemap.split(/\r?\n/).map((line) => line.trim()));
    const lines = unique(entries, listed).map((entry) => `${entry.loc}\n`);
    if (lines.length === 0) return sitemap;
    return `${sitemap}${sitemap === '' || sitemap.endsWith('\n') ? '' : '\n'}${lines.join('')}`;
  }
  const end = sitemap.lastIndexOf('</urlset>');
  if (end < 0) return undefined;
  const listed = new Set<string>();
  for (const match of sitemap.matchAll(/<loc>\s*([^<]*?)\s*<\/loc>/g)) listed.add(match[1]!);
  const urls = unique(entries, listed, escapeText).map(
    (entry) =>
      `  <url>\n    <loc>${escapeText(entry.loc)}</loc>\n` +
      (entry.lastmod ? `    <lastmod>${escapeText(entry.lastmod)}</lastmod>\n` : '') +
      '  </url>\n',
  );
  if (urls.length === 0) return sitemap;
  return `${sitemap.slice(0, end)}${urls.join('')}${sitemap.slice(end)}`;
}

/** Entries whose URL (as `listed` spells it) is not listed yet, each once. */
function unique(entries: readonly SitemapEntry[], listed: Set<string>, spell: (loc: string) => string = (loc) => loc): SitemapEntry[] {
  const kept: SitemapEntry[] = [];
  for (const entry of entries) {
    const loc = spell(entry.loc);
    if (listed.has(loc)) continue;
    listed.add(loc);
    kept.push(entry);
  }
  return kept;
}
