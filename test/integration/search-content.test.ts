/**
 * What the Pagefind index holds of each page, read from the bundle that
 * `hexo generate` writes (each page's fragment is gzipped JSON): a note's
 * own title and text, not the theme's lines around them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSite, type RunResult, type Site } from '../helpers/site.js';

const awsNote = '/2020/07/03/aws-study-day2/';
const newerNote = '/2020/07/10/retrospective/';

let site: Site;
let build: RunResult;
/** Indexed text by result URL. */
let indexed: Map<string, string>;
/** Indexed metadata by result URL. */
let meta: Map<string, Record<string, string>>;
/** Pagefind's anchors (sections) by result URL. */
let anchors: Map<string, { id: string; location: number }[]>;

beforeAll(async () => {
  site = makeSite('repo', {
    // The AWS note's neighbour: landscape names it in the AWS note's "次の記事" link.
    'source/_posts/retrospective.md': '---\ntitle: 振り返り会の記録\ndate: 2020-07-10 10:00:00\ntags: [ふりかえり]\n---\n勉強会全体を振り返った。\n',
  });
  build = await site.hexo('generate');
  const folder = join(site.dir, 'public', 'pagefind', 'fragment');
  const records = readdirSync(folder).map((name) => {
    // Pagefind's signature, then the page's record.
    const text = gunzipSync(readFileSync(join(folder, name))).toString('utf8').replace(/^pagefind_dcd/, '');
    return JSON.parse(text) as { url: string; content: string; meta: Record<string, string>; anchors: { id: string; location: number }[] };
  });
  // Pagefind puts zero-width spaces between the words it segments.
  indexed = new Map(records.map(({ url, content }) => [url, content.replace(/\u200b/g, '')]));
  meta = new Map(records.map((record) => [record.url, record.meta]));
  anchors = new Map(records.map((record) => [record.url, record.anchors]));
}, 120_000);
afterAll(() => site?.dispose());

describe('the search index', () => {
  it('indexes the notes and term pages', () => {
    expect(build.code).toBe(0);
    expect(indexed.get(awsNote)).toContain('AWS勉強会2日目');
    expect(indexed.get(newerNote)).toContain('振り返り会の記録');
    expect(indexed.get('/glossary/eks/')).toContain('Kubernetes');
  });

  it("does not index a note's newer and older links, so a note's title finds that note alone", () => {
    const pages = [...indexed].filter(([, content]) => content.includes('振り返り会')).map(([url]) => url);
    expect(pages).toEqual([newerNote]);
    expect(indexed.get(awsNote)).not.toContain('次の記事');
    expect(indexed.get(newerNote)).not.toContain('前の記事');
  });

  it("starts a page's text at its title, without the theme's date line", () => {
    expect(indexed.get(awsNote)!.trimStart().startsWith('AWS勉強会2日目')).toBe(true);
    expect(indexed.get('/glossary/eks/')!).not.toMatch(/^\s*\d{4}-\d{2}-\d{2}/);
    expect(indexed.get(newerNote)!).not.toContain('2020-07-10');
  });

  it("starts a section after the title, so that an excerpt can be taken from the text without it", () => {
    // A location counts the words Pagefind indexes: the title's come first (Amazon and EKS on the EKS page).
    for (const url of [awsNote, newerNote, '/glossary/eks/']) {
      const section = anchors.get(url)?.find((anchor) => anchor.id === 'pagefind-text');
      const title = meta.get(url)?.['title'] ?? '';
      expect(section, url).toBeDefined();
      expect(section!.location, url).toBeGreaterThan(0);
      expect(indexed.get(url)!.trimStart().startsWith(title), url).toBe(true);
    }
    expect(anchors.get('/glossary/eks/')?.find((anchor) => anchor.id === 'pagefind-text')?.location).toBe(2);
  });

  it("gives a Japanese title and reading from each of their letters, as a query's pieces start", () => {
    // Node's Intl.Segmenter cuts 振り返り会の記録 as 振り|返|り|会|の|記録 (the browser's alike); each piece starts a word.
    expect(meta.get(newerNote)?.['titlewords']?.split(' ')).toEqual(expect.arrayContaining(['振り返り会の記録', '返り会の記録', 'り会の記録', '会の記録', 'の記録', '記録']));
    // あーるばっく is cut as あー|る|ば|っ|く.
    expect(meta.get('/glossary/rbac/')?.['reading']?.split(' ')).toEqual(['あーるばっく', 'ーるばっく', 'るばっく', 'ばっく', 'っく', 'く']);
    // Its text is not the page's: Pagefind cut it as it cuts words, unlike the query.
    expect(indexed.get('/glossary/rbac/')).not.toContain('あーる');
    // Latin words keep their words whole: EKS starts no "KS".
    expect(meta.get('/glossary/eks/')?.['titlewords']).toBe('Amazon EKS');
  });

  it("does not index a term page's section headings, which every term page has, but indexes what is under them", () => {
    expect(indexed.get('/glossary/eks/')).not.toContain('公式リンク');
    expect(indexed.get('/glossary/eks/')).toContain('Amazon EKS とは');
  });

  it("does not index the theme's share link and tag list under a note", () => {
    expect(indexed.get(newerNote)).not.toContain('共有');
    expect(indexed.get(newerNote)).not.toContain('ふりかえり');
  });
});
