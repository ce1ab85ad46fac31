/**
 * sitemap.xml, atom.xml and rss2.xml, read back by a real XML parser
 * (saxes, strict: any well-formedness error fails), from a site whose
 * notes, tags, categories and file names have &, <, quotes and Japanese in
 * them, and one note a raw "]]>"; the site is under a folder (`/notes/`), as
 * a GitHub project site is.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SaxesParser } from 'saxes';
import { makeSite, type RunResult, type Site } from '../helpers/site.js';

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text, CDATA included. */
  text: string;
}

/** `xml` as a tree; throws the parser's first error. */
function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: false });
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const open = [root];
  let error: Error | undefined;
  parser.on('error', (problem) => (error ??= problem));
  parser.on('opentag', (tag) => {
    const element: XmlElement = { name: tag.name, attributes: tag.attributes as Record<string, string>, children: [], text: '' };
    open.at(-1)!.children.push(element);
    if (!tag.isSelfClosing) open.push(element);
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) open.pop();
  });
  parser.on('text', (text) => (open.at(-1)!.text += text));
  parser.on('cdata', (text) => (open.at(-1)!.text += text));
  parser.write(xml).close();
  if (error) throw error;
  return root;
}

/** Every element named `name` under `element`, in document order. */
function all(element: XmlElement, name: string): XmlElement[] {
  return element.children.flatMap((child) => [...(child.name === name ? [child] : []), ...all(child, name)]);
}

function child(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((item) => item.name === name);
}

describe('the XML files hexo generate publishes', () => {
  let site: Site;
  let build: RunResult;

  beforeAll(async () => {
    site = makeSite('publish');
    build = await site.hexo('generate');
  });
  afterAll(() => site?.dispose());

  it('builds without errors', () => {
    expect(build.output).not.toMatch(/ERROR/);
    expect(build.code).toBe(0);
  });

  it('writes sitemap.xml as well-formed XML, with the URL of a note named Q&A.md read back as its URL', () => {
    const urls = all(parseXml(site.read('public/sitemap.xml')), 'url').map((url) => child(url, 'loc')!.text.trim());
    expect(urls).toContain('http://127.0.0.1:4000/notes/2024/01/16/Q&A/');
    expect(urls).toContain('http://127.0.0.1:4000/notes/about/index.html');
    expect(urls).toContain(`http://127.0.0.1:4000/notes/tags/${encodeURIComponent('日本語タグ')}/`);
    expect(urls).toContain(`http://127.0.0.1:4000/notes/categories/${encodeURIComponent('勉強会')}/AWS/`);
    expect(urls).toContain('http://127.0.0.1:4000/notes/glossary/');
    expect(new Set(urls).size).toBe(urls.length);
  });

  it("lists the home page at the site's root with its trailing slash, once, in sitemap.xml and sitemap.txt", () => {
    const urls = all(parseXml(site.read('public/sitemap.xml')), 'loc').map((loc) => loc.text.trim());
    expect(urls.filter((url) => url === 'http://127.0.0.1:4000/notes/')).toHaveLength(1);
    expect(urls).not.toContain('http://127.0.0.1:4000/notes');
    const lines = site.read('public/sitemap.txt').split('\n');
    expect(lines.filter((line) => line === 'http://127.0.0.1:4000/notes/')).toHaveLength(1);
    expect(lines).not.toContain('http://127.0.0.1:4000/notes');
    expect(lines).toContain('http://127.0.0.1:4000/notes/2024/01/16/Q&A/');
  });

  it('writes atom.xml as well-formed XML, with titles, tags and categories read back as written', () => {
    const feed = child(parseXml(site.read('public/atom.xml')), 'feed')!;
    expect(child(feed, 'title')!.text).toBe('Notes & <Tests>');
    const entries = all(feed, 'entry');
    expect(entries).toHaveLength(9);
    const titles = entries.map((entry) => child(entry, 'title')!.text);
    expect(titles).toEqual(expect.arrayContaining(['第1回 Q&A <まとめ> "EKS"', "ベータ & '引用'", 'ガンマ "quoted" & more', 'デルタ <δ>', 'Q&A']));
    const alpha = entries.find((entry) => child(entry, 'title')!.text.startsWith('第1回'))!;
    expect(all(alpha, 'category').map((category) => category.attributes['term'])).toEqual(['勉強会', 'AWS', 'EKS', 'IAM', 'R&D', 'a-first', 'z-last']);
    const beta = entries.find((entry) => child(entry, 'title')!.text.startsWith('ベータ'))!;
    expect(all(beta, 'category').map((category) => category.attributes['term'])).toEqual(['R&D', '勉強会', 'IAM', 'a-first', '<b>太字</b>']);
    const qa = entries.find((entry) => child(entry, 'title')!.text === 'Q&A')!;
    expect(child(qa, 'link')!.attributes['href']).toBe('http://127.0.0.1:4000/notes/2024/01/16/Q&A/');
  });

  /** The HTML of the note titled `title` as each feed carries it, read back by the XML parser, by feed path. */
  const noteInFeeds = (title: string): [path: string, html: string][] =>
    (
      [
        ['public/atom.xml', 'entry', 'content'],
        ['public/rss2.xml', 'item', 'content:encoded'],
      ] as const
    ).map(([path, entryName, contentName]) => {
      const entry = all(parseXml(site.read(path)), entryName).find((item) => child(item, 'title')!.text === title)!;
      return [path, child(entry, contentName)!.text];
    });

  it('keeps a note with "]]>" in its HTML whole in the feeds', () => {
    for (const [path, html] of noteInFeeds('イプシロン')) {
      expect(html, path).toContain('<div class="raw">CDATA ends like this: ]]> and goes on</div>');
      expect(html, path).toContain('<p>IAM と EKS。</p>');
    }
  });

  it('keeps the line breaks and tabs of a note\'s code in the feeds', () => {
    for (const [path, html] of noteInFeeds('シータ')) {
      expect(html, path).toContain('<pre><code>aws eks list-clusters\naws eks describe-cluster --name demo\n</code></pre>');
      expect(html, path).toContain('<pre>生の pre\n  二行目</pre>');
      expect(html, path).toContain('\tkubectl apply -f a.yaml');
    }
  });

  it('writes rss2.xml as well-formed XML, with each item read back as written', () => {
    const items = all(parseXml(site.read('public/rss2.xml')), 'item');
    expect(items.map((item) => child(item, 'title')!.text)).toContain('ガンマ "quoted" & more');
    const gamma = items.find((item) => child(item, 'title')!.text.startsWith('ガンマ'))!;
    expect(all(gamma, 'category').map((category) => category.text)).toEqual(['インフラ', 'EKS', 'R&D', "it's", 'z-last', '日本語タグ']);
  });
});
