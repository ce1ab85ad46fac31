/**
 * Hostile strings (quotes, `<script>`, `</a>`, `javascript:` URLs, entities,
 * control characters, path pieces) through every place where glossary or
 * front matter text becomes HTML or a file path. The output is parsed with
 * htmlparser2: the only elements added must be the expected ones, and every
 * attribute and text must read back as the original string.
 */
import fc from 'fast-check';
import { DomUtils, parseDocument } from 'htmlparser2';
// Types only: htmlparser2's own typings are built on them.
import type { ChildNode, Element } from 'domhandler';
import { slugize } from 'hexo-util';
import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { linkHtml } from '../../hexo-study-glossary/src/core/link-html.js';
import { loadGlossary } from '../../hexo-study-glossary/src/core/load-glossary.js';
import { defaultOptions } from '../../hexo-study-glossary/src/core/options.js';
import { readerLabels } from '../../hexo-study-glossary/src/core/reader-labels.js';
import { renderGlossaryIndex, renderTagIndex, renderTermPage, type IndexTerm, type TermPage } from '../../hexo-study-glossary/src/core/render-pages.js';
import { isValidSlug, maxSlugBytes, termSlug } from '../../hexo-study-glossary/src/core/slug.js';
import { tagSlugFixes } from '../../hexo-study-glossary/src/core/tag-slugs.js';
import { createStore, type GlossaryStore } from '../../hexo-study-glossary/src/hexo/store.js';
import { registerTermTag } from '../../hexo-study-glossary/src/hexo/term-tag.js';
import { termRoute, termUrl } from '../../hexo-study-glossary/src/hexo/urls.js';

const runs = Number(process.env.FC_RUNS ?? 1000);
const { textContent } = DomUtils;

const nasty = [
  '"', "'", '`', '<', '>', '&', '=', '/', '\\', '<script>alert(1)</script>', '</a>', '<a href="x">', '<img src=x onerror=alert(1)>',
  'javascript:alert(1)', 'JaVaScRiPt:', '&amp;', '&lt;', '&#0;', '&#x3C;', '&quot;', '&nbsp', '\u0000', '\u0007', '\u001b', '\u007f',
  '\u2028', '\uFEFF', '\r', '\n', '\t', ' ', '../', '..\\', '..', '%2e%2e%2f', '%00', '{{ x }}', '{% raw %}', '<!--', '-->', ']]>',
  '<![CDATA[', 'EKS', 'ロール', '😀', 'e\u0301', '\uD800',
];
const piece = fc.constantFrom(...nasty);
/** Any string, mostly made of the pieces above. */
const hostile = fc.oneof(
  piece,
  fc.array(piece, { minLength: 2, maxLength: 6 }).map((parts) => parts.join('')),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 10 }),
);
/** Non-empty: the renderers leave out empty optional strings, which would change the structure. */
const filled = hostile.filter((text) => text.length > 0 && !/[\uE000\uE001]/.test(text));

/** An element as structure: its name and attribute names, in document order. */
interface Shape {
  elements: string[];
  attributes: string[];
  texts: string[];
}

function shape(html: string): Shape {
  const result: Shape = { elements: [], attributes: [], texts: [] };
  const walk = (nodes: ChildNode[]) => {
    for (const node of nodes) {
      if (node.type === 'text') result.texts.push(node.data);
      else if (node.type === 'tag' || node.type === 'script' || node.type === 'style') {
        const element = node as Element;
        result.elements.push(`${element.name}[${Object.keys(element.attribs).join(',')}]`);
        result.attributes.push(...Object.values(element.attribs));
        walk(element.children);
      } else if (node.type !== 'comment' && 'children' in node) walk(node.children as ChildNode[]);
      else if (node.type !== 'comment') result.elements.push(`#${node.type}`);
    }
  };
  walk(parseDocument(html).children);
  return result;
}

/**
 * Renders `render(strings)` with hostile strings and with placeholders in
 * their place: the two must have the same elements and attributes, and each
 * attribute and text of the hostile one must be the placeholder one with
 * the hostile strings put back.
 */
function expectSameShape(strings: readonly string[], render: (strings: readonly string[]) => string): void {
  const distinct = [...new Set(strings)];
  const placeholders = strings.map((text) => `\uE000${distinct.indexOf(text)}\uE001`);
  const putBack = (text: string) => text.replace(/\uE000(\d+)\uE001/g, (_, index: string) => distinct[Number(index)]!);
  const safe = shape(render(placeholders));
  const actual = shape(render(strings));
  expect(actual.elements).toEqual(safe.elements);
  expect(actual.attributes).toEqual(safe.attributes.map(putBack));
  expect(actual.texts).toEqual(safe.texts.map(putBack));
}

describe('glossary strings in the generated pages', () => {
  // Japanese labels: the tag link's label quotes the tag name.
  const ja = readerLabels('ja');

  it('renders the glossary index with every string escaped', () => {
    fc.assert(
      fc.property(fc.array(filled, { minLength: 9, maxLength: 9 }), (strings) => {
        expectSameShape(strings, ([id, label, key, title, summary, href, key2, summary2, href2]) => {
          const terms: IndexTerm[] = [
            { key: key!, title: title!, summary: summary!, href: href!, noteCount: 2 },
            { key: key2!, title: key2!, summary: summary2!, href: href2!, noteCount: 1 },
          ];
          return renderGlossaryIndex([{ id: id!, label: label!, terms }], ja);
        });
      }),
      { numRuns: runs },
    );
  });

  it('renders a term page with every string escaped', () => {
    fc.assert(
      fc.property(fc.array(filled, { minLength: 24, maxLength: 24 }), (s) => {
        expectSameShape(s, (t) => {
          const link = (index: number) => ({ text: t[index]!, href: t[index + 1]! });
          const termLink = (index: number) => ({ ...link(index), key: t[index + 1]!, summary: t[index]! });
          const page: TermPage = {
            key: t[0]!,
            title: t[1]!,
            summary: t[2]!,
            reading: t[3]!,
            descriptionHtml: undefined,
            aliases: [t[4]!, t[5]!],
            parent: termLink(6),
            children: [termLink(8)],
            related: [termLink(10)],
            links: [{ title: t[12]!, url: t[13]! }],
            backlinks: [
              { title: t[14]!, href: t[15]!, date: { iso: t[16]!, text: t[17]! }, count: 3, snippet: { before: t[18]!, match: t[19]!, after: t[20]! } },
            ],
            tag: link(21),
            indexHref: t[23]!,
          };
          return renderTermPage(page, ja);
        });
      }),
      { numRuns: runs },
    );
  });

  it('renders the tag index with every string escaped', () => {
    fc.assert(
      fc.property(fc.array(filled, { minLength: 4, maxLength: 4 }), (strings) => {
        expectSameShape(strings, ([name, href, name2, href2]) =>
          renderTagIndex([
            { name: name!, href: href!, count: 2 },
            { name: name2!, href: href2!, count: 1 },
          ], ja),
        );
      }),
      { numRuns: runs },
    );
  });
});

/** A glossary written as JSON (valid YAML), so that any string survives the trip into the loader. */
interface RawEntry {
  key: string;
  summary: string;
  aliases: string[];
}

const rawEntry = fc.record({ key: filled.map((text) => text.trim()), summary: filled, aliases: fc.array(filled.map((text) => text.trim()), { maxLength: 2 }) });

function storeOf(entries: readonly RawEntry[]): GlossaryStore {
  const glossary = Object.fromEntries(entries.map((entry) => [entry.key, { summary: entry.summary, aliases: entry.aliases }]));
  const store = createStore();
  store.setFile('source/_glossary/hostile.yml', JSON.stringify(glossary, null, 1));
  store.refresh();
  return store;
}

describe('glossary strings in notes', () => {
  const href = (store: GlossaryStore) => (key: string) => termUrl('/', defaultOptions, store.glossary.byKey.get(key)?.slug ?? '');

  it('links hostile terms in text, adding only the expected anchors, with attributes that read back', () => {
    let linked = 0;
    fc.assert(
      fc.property(
        fc.uniqueArray(rawEntry, { minLength: 1, maxLength: 4, selector: (entry) => entry.key }),
        fc.array(fc.oneof(fc.nat(7), filled), { minLength: 1, maxLength: 8 }),
        (raw, words) => {
          const store = storeOf(raw);
          const { entries, byKey } = store.glossary;
          fc.pre(entries.length > 0);
          const forms = entries.flatMap((entry) => [entry.key, ...entry.aliases]);
          // Numbers pick a term or alias, so that the text mentions the glossary.
          const text = words.map((word) => (typeof word === 'number' ? forms[word % forms.length]! : word)).join(' ');
          const escaped = text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
          const input = `<p>${escaped}</p><ul><li><em>${escaped}</em></li></ul>`;

          const result = linkHtml(input, store.matcher, { mode: 'all', href: href(store), title: (key) => byKey.get(key)?.summary });
          if (result.linked > 0) linked++;
          const before = shape(input);
          const after = shape(result.html);
          const added = after.elements.filter((element) => element.startsWith('a[')).length;
          expect(added).toBe(result.linked);
          expect(after.elements.filter((element) => !element.startsWith('a['))).toEqual(before.elements);
          expect(textContent(parseDocument(result.html))).toBe(textContent(parseDocument(input)));

          const anchors = parseDocument(result.html);
          const links: Element[] = [];
          const collect = (nodes: ChildNode[]) => {
            for (const node of nodes) {
              if (node.type !== 'tag') continue;
              if (node.name === 'a') links.push(node);
              collect(node.children);
            }
          };
          collect(anchors.children);
          for (const link of links) {
            // `data-before-link` only where the next link starts at once (glossary-anchor.ts).
            expect(Object.keys(link.attribs).filter((name) => name !== 'data-before-link')).toEqual(['class', 'href', 'data-term', 'title']);
            const entry = byKey.get(link.attribs['data-term']!);
            expect(entry).toBeDefined();
            expect(link.attribs['title']).toBe(entry!.summary);
            expect(link.attribs['href']).toBe(termUrl('/', defaultOptions, entry!.slug));
            expect(link.attribs['href']).toMatch(/^\/glossary\/[A-Za-z0-9\-_.!~*'()%]+\/$/);
          }
        },
      ),
      { numRuns: runs },
    );
    // Most generated glossaries load and get linked: the property is not vacuous.
    expect(linked).toBeGreaterThan(runs / 2);
  });

  it('writes {% term %} links whose attributes and text read back, and plain text for unknown names', () => {
    fc.assert(
      fc.property(fc.uniqueArray(rawEntry, { minLength: 1, maxLength: 3, selector: (entry) => entry.key }), fc.array(filled, { maxLength: 3 }), filled, (raw, words, unknown) => {
        const store = storeOf(raw);
        const tag = termTag(store);
        for (const entry of store.glossary.entries) {
          for (const name of [entry.key, ...entry.aliases]) {
            const html = tag([name, ...words]);
            const written = words.length ? words.join(' ') : name;
            expect(shape(html).elements).toEqual(['a[class,href,data-term,title]']);
            const [link] = parseDocument(html).children as Element[];
            // A spelling two entries share (reported by the loader) names the first.
            const named = store.lookup(name)!;
            expect(link!.attribs).toEqual({ class: 'glossary-link', href: termUrl('/', defaultOptions, named.slug), 'data-term': named.key, title: named.summary });
            expect(textContent(link!)).toBe(written);
          }
        }
        fc.pre(store.lookup(unknown) === undefined);
        const plain = tag([unknown, ...words]);
        expect(shape(plain).elements).toEqual([]);
        expect(textContent(parseDocument(plain))).toBe(words.length ? words.join(' ') : unknown);
      }),
      { numRuns: runs },
    );
  });

  it('accepts only http(s) URLs in "links"', () => {
    const url = fc.oneof(
      hostile,
      fc.constantFrom(
        'javascript:alert(1)', 'JAVASCRIPT:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>alert(1)</script>',
        'vbscript:msgbox', '//evil.example/', 'http:/no-host', 'file:///etc/passwd', 'https://ok.example/a"b<c>', 'http://ok.example/?q=<script>',
      ),
    );
    fc.assert(
      fc.property(fc.array(url, { minLength: 1, maxLength: 4 }), (urls) => {
        const glossary = { Term: { summary: 'ok', links: urls.map((item, index) => ({ title: `link ${index}`, url: item })) } };
        const { glossary: loaded } = loadGlossary([{ path: 'g.yml', content: JSON.stringify(glossary) }]);
        for (const link of loaded.entries[0]?.links ?? []) {
          expect(['http:', 'https:']).toContain(new URL(link.url).protocol);
          expect(link.url).not.toMatch(/[\s"'<>`\\]/);
        }
      }),
      { numRuns: runs },
    );
  });
});

/** The `{% term %}` tag as Hexo would call it, from the real registration. */
function termTag(store: GlossaryStore): (args: string[]) => string {
  let registered: ((this: unknown, args: string[]) => string) | undefined;
  const hexo = {
    config: { root: '/' },
    log: { error: () => undefined },
    extend: {
      tag: { register: (_name: string, fn: (this: unknown, args: string[]) => string) => (registered = fn) },
      // The tag's own filter (counting the unknown names a note's render meets) is not needed here.
      filter: { register: () => undefined },
    },
  };
  registerTermTag(hexo as never, defaultOptions, store);
  return (args) => registered!.call({ source: '_posts/x.md', raw: '' }, args);
}

/** A route path that can only land inside `public/`, in one folder name per segment that fits a file system. */
function expectInsidePublic(path: string): void {
  expect(path).not.toMatch(/^\/|\\|\0/);
  expect(posix.normalize(path)).toBe(path);
  expect(path.split('/')).not.toContain('..');
  expect(path.split('/')).not.toContain('.');
  for (const segment of path.split('/')) expect(Buffer.byteLength(segment)).toBeLessThanOrEqual(255);
}

describe('routes of the generated pages', () => {
  it('keeps every term page inside public/, whatever the term', () => {
    fc.assert(
      fc.property(fc.oneof(hostile, fc.string({ unit: 'grapheme', minLength: 90, maxLength: 100 })), (key) => {
        const slug = termSlug(key);
        expect(slug.length).toBeGreaterThan(0);
        expect(Buffer.byteLength(slug)).toBeLessThanOrEqual(maxSlugBytes);
        expect(isValidSlug(slug) || /^term-[0-9a-f]{8}$/.test(slug)).toBe(true);
        expectInsidePublic(termRoute(defaultOptions, slug));
        if (isValidSlug(key)) expectInsidePublic(termRoute(defaultOptions, key));
      }),
      { numRuns: runs },
    );
  });

  it('gives a 100-character Japanese term a slug that fits a folder name, and distinct ones to terms that differ late', () => {
    const base = '長い用語の名前'.repeat(14);
    const a = termSlug(`${base}あ`);
    const b = termSlug(`${base}い`);
    expect(Buffer.byteLength(a)).toBeLessThanOrEqual(maxSlugBytes);
    expect(a).not.toBe(b);
    expect(isValidSlug(a)).toBe(true);
    expect(termSlug('短い')).toBe('短い');
  });

  it('keeps every tag page inside public/, after the tag_map fixes', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.oneof(hostile, fc.string({ unit: 'grapheme', minLength: 60, maxLength: 100 })), { minLength: 1, maxLength: 5 }), (names) => {
        // What Hexo does: slugize the name, or the tag_map entry in its place.
        const tags = names.map((name) => ({ name, slug: slugize(name) }));
        const fixes = tagSlugFixes(tags, termSlug);
        const slugs = names.map((name) => slugize(Object.hasOwn(fixes, name) ? fixes[name]! : name));
        for (const slug of slugs) {
          expect(slug.length).toBeGreaterThan(0);
          expectInsidePublic(`tags/${slug}/index.html`);
        }
        expect(new Set(slugs).size).toBe(slugs.length);
      }),
      { numRuns: runs },
    );
  });
});
