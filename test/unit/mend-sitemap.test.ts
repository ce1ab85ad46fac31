import { describe, expect, it } from 'vitest';
import { mendSitemap, type SitemapFix } from '../../hexo-study-glossary/src/core/sitemap-entries.js';

// The shape hexo-generator-sitemap writes, with its unescaped & and its home page.
const xml = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url>
    <loc>https://example.org/repo/2024/01/15/Q&A/</loc>
    <lastmod>2024-01-15</lastmod>
  </url>
  <url>
    <loc>https://example.org/repo/</loc>
    <lastmod>2024-01-15</lastmod>
  </url>
  <url>
    <loc>https://example.org/repo</loc>
    <lastmod>2026-11-26</lastmod>
  </url>
  <url>
    <loc>https://example.org/repo/tags/R-D/</loc>
    <lastmod>2026-11-26</lastmod>
  </url>
</urlset>
`;

const fixes = new Map<string, SitemapFix>([
  ['https://example.org/repo', { loc: 'https://example.org/repo/', lastmod: '2024-01-15' }],
  ['https://example.org/repo/tags/R-D/', { loc: 'https://example.org/repo/tags/R-D/', lastmod: '2024-01-10' }],
]);

describe('mendSitemap', () => {
  it('escapes a bare & in a <loc>, and leaves an escaped one as it is', () => {
    const mended = mendSitemap(xml, 'xml', new Map());
    expect(mended).toContain('<loc>https://example.org/repo/2024/01/15/Q&amp;A/</loc>');
    expect(mendSitemap(mended, 'xml', new Map())).toBe(mended);
  });

  it('gives the pages it has fixes for their URL and date, and keeps the rest of the <url> as written', () => {
    const mended = mendSitemap(xml, 'xml', fixes);
    expect(mended).toContain('  <url>\n    <loc>https://example.org/repo/tags/R-D/</loc>\n    <lastmod>2024-01-10</lastmod>\n  </url>\n</urlset>');
    expect(mended).not.toContain('2026-11-26');
  });

  it('lists a page once when a fix moves the home page onto a URL that is listed already', () => {
    const mended = mendSitemap(xml, 'xml', fixes);
    expect(mended.match(/<loc>https:\/\/example\.org\/repo\/<\/loc>/g)).toHaveLength(1);
    expect(mended).not.toContain('<loc>https://example.org/repo</loc>');
    expect(mended).toContain('</url>\n  <url>\n    <loc>https://example.org/repo/tags/R-D/</loc>');
  });

  it('mends a text sitemap line by line', () => {
    const txt = 'https://example.org/repo/2024/01/15/Q&A/\nhttps://example.org/repo/\nhttps://example.org/repo\nhttps://example.org/repo/tags/R-D/\n';
    expect(mendSitemap(txt, 'txt', fixes)).toBe('https://example.org/repo/2024/01/15/Q&A/\nhttps://example.org/repo/\nhttps://example.org/repo/tags/R-D/\n');
  });
});
