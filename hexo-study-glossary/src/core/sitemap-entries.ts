/**
 * Adds the plugin's pages to a sitemap written by hexo-generator-sitemap,
 * and mends what that generator writes wrong.
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
 *
 * What the generator writes wrong (see `mendSitemap`): URLs go into
 * `<loc>` unescaped (autoescape is off in its template), so a note's URL
 * with `&` in it (`Q&A.md`) made sitemap.xml invalid XML; the home page is
 * `config.url` as written, without the slash (`https://user.github.io/repo`,
 * a redirect); and the home page, tag and category pages are dated the day
 * of the build, so every build on another day changed the file.
 */
import { decodeXML } from 'entities';
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

/** What to write for a page the generator lists: its URL and its date. */
export interface SitemapFix {
  /** The page's URL (percent-encoded, not XML-escaped). */
  loc: string;
  /** `YYYY-MM-DD`; `undefined` keeps the date written. */
  lastmod: string | undefined;
}

/**
 * `sitemap` with every `<loc>` XML-escaped, the `<url>` of each URL in
 * `fixes` (keyed by the URL as written) given its fix, and a page listed
 * twice (the home page that a fix moves onto a page at the site's root)
 * listed once; a text sitemap (`txt`) gets the same URLs, one a line.
 */
export function mendSitemap(sitemap: string, format: 'xml' | 'txt', fixes: ReadonlyMap<string, SitemapFix>): string {
  const listed = new Set<string>();
  if (format === 'txt') {
    return sitemap.replace(/^([^\r\n]*)(\r?\n|$)/gm, (line, text: string, end: string) => {
      if (text.trim() === '') return line;
      const url = fixes.get(text.trim())?.loc ?? text;
      if (listed.has(url.trim())) return '';
      listed.add(url.trim());
      return `${url}${end}`;
    });
  }
  return sitemap.replace(/([ \t]*)<url>([\s\S]*?)<\/url>([ \t]*\r?\n)?/g, (block, indent: string, body: string, end: string | undefined) => {
    const written = /<loc>\s*([^<]*?)\s*<\/loc>/.exec(body);
    if (!written) return block;
    // Entities decoded; a `&` that starts none (the generator's unescaped
    // `&`) is kept as it is. A URL with an entity spelt out in it (`a&amp;b`
    // as a file name) is read as `a&b`: percent-encoding makes none.
    const asWritten = decodeXML(written[1]!);
    const fix = fixes.get(asWritten);
    const url = fix?.loc ?? asWritten;
    if (listed.has(url)) return '';
    listed.add(url);
    let mended = `${body.slice(0, written.index)}<loc>${escapeText(url)}</loc>${body.slice(written.index + written[0].length)}`;
    const lastmod = fix?.lastmod;
    if (lastmod !== undefined) mended = mended.replace(/<lastmod>[^<]*<\/lastmod>/, () => `<lastmod>${escapeText(lastmod)}</lastmod>`);
    return `${indent}<url>${mended}</url>${end ?? ''}`;
  });
}
