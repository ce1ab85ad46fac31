import { describe, expect, it } from 'vitest';
import { addToSitemap, type SitemapEntry } from '../../hexo-study-glossary/src/core/sitemap-entries.js';

// The shape hexo-generator-sitemap writes.
const xml = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url>
    <loc>https://example.org/2024/01/15/auth/</loc>
    <lastmod>2024-01-15</lastmod>
  </url>
  <url>
    <loc>https://example.org/</loc>
  </url>
</urlset>
`;
const txt = 'https://example.org/2024/01/15/auth/\nhttps://example.org/\n';

const entries: SitemapEntry[] = [
  { loc: 'https://example.org/glossary/', lastmod: '2024-05-01' },
  { loc: `https://example.org/glossary/${encodeURIComponent('認証')}/`, lastmod: undefined },
];

describe('addToSitemap', () => {
  it('adds a <url> per page before </urlset>, with lastmod when the page has a date', () => {
    const edited = addToSitemap(xml, 'xml', entries)!;
    expect(edited.startsWith(xml.slice(0, xml.indexOf('</urlset>')))).toBe(true);
    expect(edited).toContain('  <url>\n    <loc>https://example.org/glossary/</loc>\n    <lastmod>2024-05-01</lastmod>\n  </url>\n');
    expect(edited).toContain('  <url>\n    <loc>https://example.org/glossary/%E8%AA%8D%E8%A8%BC/</loc>\n  </url>\n</urlset>\n');
  });

  it('escapes what it writes into the XML', () => {
    const edited = addToSitemap(xml, 'xml', [{ loc: 'https://example.org/a?b=1&c=<2>', lastmod: undefined }])!;
    expect(edited).toContain('<loc>https://example.org/a?b=1&amp;c=&lt;2&gt;</loc>');
    expect(edited).not.toContain('c=<2>');
  });

  it('does not list a page twice, whether the sitemap has it or the entries repeat it', () => {
    const repeated = [{ loc: 'https://example.org/', lastmod: undefined }, entries[0]!, entries[0]!];
    const edited = addToSitemap(xml, 'xml', repeated)!;
    expect(edited.match(/<loc>https:\/\/example\.org\/<\/loc>/g)).toHaveLength(1);
    expect(edited.match(/<loc>https:\/\/example\.org\/glossary\/<\/loc>/g)).toHaveLength(1);
    expect(addToSitemap(edited, 'xml', repeated)).toBe(edited);
  });

  it('gives undefined for an XML sitemap without </urlset>', () => {
    expect(addToSitemap('<sitemapindex></sitemapindex>', 'xml', entries)).toBeUndefined();
  });

  it('appends one line per page to a text sitemap, after a final newline', () => {
    expect(addToSitemap(txt, 'txt', entries)).toBe(`${txt}https://example.org/glossary/\nhttps://example.org/glossary/%E8%AA%8D%E8%A8%BC/\n`);
    expect(addToSitemap(txt.trimEnd(), 'txt', entries.slice(0, 1))).toBe(`${txt}https://example.org/glossary/\n`);
    expect(addToSitemap(txt, 'txt', [{ loc: 'https://example.org/', lastmod: undefined }])).toBe(txt);
  });

  it('leaves the sitemap as it is when there is nothing to add', () => {
    expect(addToSitemap(xml, 'xml', [])).toBe(xml);
    expect(addToSitemap(txt, 'txt', [])).toBe(txt);
  });
});
