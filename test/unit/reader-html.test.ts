import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attributesEdit, findOpenTag, findOpenTags, voidTagRemoval, type OpenTag } from '../../hexo-study-glossary/src/core/open-tags.js';
import { htmlLangEdit, languageTag } from '../../hexo-study-glossary/src/core/page-language.js';
import { externalStylesheetRemovals, isExternalUrl } from '../../hexo-study-glossary/src/core/external-styles.js';
import { searchableEdits, searchBodyElements, separateDefinitions } from '../../hexo-study-glossary/src/core/search-markers.js';
import { applyEdits } from '../../hexo-study-glossary/src/core/page-edits.js';
import { markup } from '../helpers/html-arbitraries.js';

const runs = Number(process.env.FC_RUNS ?? 1000);

// The pages the edits make.
const removeVoidTag = (html: string, tag: OpenTag): string => applyEdits(html, [voidTagRemoval(html, tag)]);
const setAttributes = (html: string, tag: OpenTag, attributes: Readonly<Record<string, string | undefined>>): string => applyEdits(html, [attributesEdit(html, tag, attributes)]);
const setHtmlLang = (html: string, lang: string | undefined): string => applyEdits(html, [htmlLangEdit(html, lang) ?? []].flat());
const dropExternalStylesheets = (html: string): string => applyEdits(html, externalStylesheetRemovals(html));
const markSearchable = (html: string, title: string | undefined): string => applyEdits(html, searchableEdits(html, title));

// The Parser of the htmlparser2 the plugin depends on (see scan-html.test.ts).
const { Parser } = createRequire(new URL('../../hexo-study-glossary/package.json', import.meta.url))('htmlparser2') as typeof import('htmlparser2');

const page = (head: string, body: string, html = '<html>') => `<!DOCTYPE html>\n${html}\n<head>\n${head}</head>\n<body>${body}</body>\n</html>`;

describe('open-tags', () => {
  it('should find opening tags outside comments and scripts only', () => {
    const html = '<!-- <article> --><script>"<article>"</script><p>&lt;article&gt;</p><article class="a">x</article>';
    const tag = findOpenTag(html, 'article');
    expect(tag?.attributes).toEqual({ class: 'a' });
    expect(html.slice(tag!.start, tag!.end)).toBe('<article class="a">');
  });

  it('reads the attributes only of the tags named, and hands only those to the test', () => {
    const seen: string[] = [];
    const found = findOpenTags('<p class="a"><a class="b" href="/x"><em>y</em></a><link rel="c">', (tag) => (seen.push(tag.name), true), { names: new Set(['a', 'link']) });
    expect(seen).toEqual(['a', 'link']);
    expect(found.map((tag) => tag.attributes)).toEqual([{ class: 'b', href: '/x' }, { rel: 'c' }]);
  });

  it('stops at the until tag, before reading it or what follows', () => {
    const html = '<head><link rel="a"></head><body><link rel="b">';
    expect(findOpenTags(html, () => true, { until: 'body' }).map((tag) => tag.name)).toEqual(['head', 'link']);
  });

  it('reports tags as written: not the p that a lone </p> implies', () => {
    expect(findOpenTags('x</p><br/><BR >', () => true).map((tag) => [tag.name, tag.start, tag.end])).toEqual([
      ['br', 5, 10],
      ['br', 10, 15],
    ]);
  });

  it('keeps the first of two attributes of one name, and takes any name as an attribute', () => {
    const tag = findOpenTag('<a title="one" TITLE="two" __proto__="p" constructor="c">', 'a');
    expect(tag?.attributes['title']).toBe('one');
    expect(tag?.attributes['__proto__']).toBe('p');
    expect(tag?.attributes['constructor']).toBe('c');
    expect('toString' in tag!.attributes).toBe(false);
  });

  it('finds the tags htmlparser2\'s Parser finds where they are written, with the same attributes', () => {
    fc.assert(
      fc.property(markup, (html) => {
        const found = findOpenTags(html, () => true);
        expect(found.map(({ name, attributes }) => ({ name, attributes }))).toEqual(parserOpenTags(html));
        for (const tag of found) {
          const written = html.slice(tag.start, tag.end);
          expect(written.toLowerCase().startsWith(`<${tag.name}`)).toBe(true);
          expect(/^[\s/>]$/.test(written[tag.name.length + 1] ?? '')).toBe(true);
          expect(written.endsWith('>')).toBe(true);
        }
      }),
      { numRuns: runs },
    );
  });

  it('finds with names, limit and until what it finds without them, filtered and cut', () => {
    const name: fc.Arbitrary<string> = fc.constantFrom('p', 'a', 'div', 'code', 'br', 'script', 'title', 'svg', 'li');
    const options = fc.record({
      names: fc.option(fc.uniqueArray(name, { maxLength: 3 }), { nil: undefined }),
      limit: fc.option(fc.nat(4), { nil: undefined }),
      until: fc.option(name, { nil: undefined }),
    });
    fc.assert(
      fc.property(markup, options, (html, { names, limit, until }) => {
        const wanted = (tag: { attributes: Readonly<Record<string, string>> }) => !('hidden' in tag.attributes);
        const all = findOpenTags(html, () => true);
        const stop = until === undefined ? -1 : all.findIndex((tag) => tag.name === until);
        const expected = (stop === -1 ? all : all.slice(0, stop))
          .filter((tag) => (names === undefined || names.includes(tag.name)) && wanted(tag))
          .slice(0, limit ?? Infinity);
        expect(findOpenTags(html, wanted, { names: names && new Set(names), limit, until })).toEqual(expected);
      }),
      { numRuns: runs },
    );
  });

  it('should stop after the limit', () => {
    expect(findOpenTags('<a><a><a>', (tag) => tag.name === 'a', { limit: 2 })).toHaveLength(2);
    expect(findOpenTags('<a>', () => true, { limit: 0 })).toEqual([]);
  });

  it('should add, replace and remove attributes, keeping the others as written', () => {
    const html = `<p>before</p><a class='x' href=/y title="t">z</a>`;
    const tag = findOpenTag(html, 'a')!;
    expect(setAttributes(html, tag, { lang: 'ja' })).toBe(`<p>before</p><a class='x' href=/y title="t" lang="ja">z</a>`);
    expect(setAttributes(html, tag, { title: 'new "one"' })).toBe(`<p>before</p><a class='x' href=/y title="new &quot;one&quot;">z</a>`);
    expect(setAttributes(html, tag, { href: undefined })).toBe(`<p>before</p><a class='x' title="t">z</a>`);
  });

  it('should not mistake text inside another attribute for an attribute', () => {
    const html = '<a title="lang=en">x</a>';
    expect(setAttributes(html, findOpenTag(html, 'a')!, { lang: 'ja' })).toBe('<a title="lang=en" lang="ja">x</a>');
  });

  it('should keep self-closing tags self-closing', () => {
    const html = '<meta name="a"/>';
    expect(setAttributes(html, findOpenTag(html, 'meta')!, { content: 'b' })).toBe('<meta name="a" content="b" />');
  });

  it('should remove a void element with its line break', () => {
    const html = 'a\n<link rel="x">\nb';
    expect(removeVoidTag(html, findOpenTag(html, 'link')!)).toBe('a\nb');
  });
});

/**
 * The opening tags htmlparser2's Parser reports that a start tag wrote (not
 * those an end tag implies), names and attributes: after an implied tag,
 * its indices are not those of the tag it reports.
 */
function parserOpenTags(html: string): { name: string; attributes: Record<string, string> }[] {
  const tags: { name: string; attributes: Record<string, string> }[] = [];
  let implied = false;
  class ClosingParser extends Parser {
    override onclosetag(start: number, endIndex: number): void {
      implied = true;
      super.onclosetag(start, endIndex);
      implied = false;
    }
  }
  const parser = new ClosingParser(
    {
      onopentag(name, attributes) {
        if (!implied) tags.push({ name, attributes: Object.assign(Object.create(null) as Record<string, string>, attributes) });
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return tags;
}

describe('page-language', () => {
  it.each([
    ['ja', 'ja'],
    [['ja', 'en'], 'ja'],
    ['zh_TW', 'zh-TW'],
    ['default', undefined],
    ['', undefined],
    [undefined, undefined],
    [42, undefined],
    ['ja"><script>', undefined],
  ])('should read the language setting %j as %j', (setting, tag) => {
    expect(languageTag(setting)).toBe(tag);
  });

  it('should set lang on <html>', () => {
    expect(setHtmlLang(page('', ''), 'ja')).toContain('\n<html lang="ja">\n');
  });

  it('should keep a lang the theme wrote, and leave fragments alone', () => {
    const themed = page('', '', '<html lang="en">');
    expect(setHtmlLang(themed, 'ja')).toBe(themed);
    expect(setHtmlLang('<p>fragment</p>', 'ja')).toBe('<p>fragment</p>');
    expect(setHtmlLang(page('', ''), undefined)).toBe(page('', ''));
  });
});

describe('external-styles', () => {
  it.each([
    ['https://cdn.jsdelivr.net/x.css', true],
    ['//cdn.example/x.css', true],
    ['HTTP://x', true],
    ['/css/style.css', false],
    ['css/style.css', false],
    ['data:text/css,a{}', false],
  ])('should tell whether %s leaves the site (%s)', (url, external) => {
    expect(isExternalUrl(url)).toBe(external);
  });

  it("should drop landscape's CDN stylesheets and keep local ones", () => {
    const head = [
      '<link rel="stylesheet" href="/css/style.css">',
      '<link rel="stylesheet" href="https://cdn.jsdelivr.net/npm/typeface-source-code-pro@0.0.71/index.min.css">',
      '<link rel="stylesheet" href="https://cdn.jsdelivr.net/npm/fork-awesome@1.2.0/css/fork-awesome.min.css">',
      '<link rel="alternate" href="https://example.org/atom.xml" type="application/atom+xml">',
      '',
    ].join('\n');
    const result = dropExternalStylesheets(page(head, '<p>https://cdn.jsdelivr.net</p>'));
    expect(result).not.toContain('cdn.jsdelivr.net/npm');
    expect(result).toContain('<link rel="stylesheet" href="/css/style.css">\n<link rel="alternate"');
    expect(result).toContain('<p>https://cdn.jsdelivr.net</p>');
  });

  it.each([
    ['protocol-relative', '<link rel="stylesheet" href="//cdn.example/x.css">'],
    ['upper-case', '<LINK REL="STYLESHEET" HREF="HTTPS://cdn.example/x.css">'],
    ['entity-spelled', '<link rel="stylesheet" href="https&#x3a;//cdn.example/x.css">'],
    ['unquoted', '<link rel=stylesheet href=https://cdn.example/x.css>'],
  ])('should drop a %s external stylesheet', (_, link) => {
    const html = page(`<link rel="stylesheet" href="/css/style.css">\n${link}\n`, '<p>x</p>');
    expect(dropExternalStylesheets(html)).toBe(html.replace(`${link}\n`, ''));
  });

  it('should return a page whose links are all local as it is', () => {
    const html = page('<link rel="stylesheet" href="/css/style.css">\n<link rel="icon" href="/favicon.png">\n', '<p>https://cdn.example/</p>');
    expect(dropExternalStylesheets(html)).toBe(html);
  });

  it('should leave scripts and links in text alone', () => {
    const html = page('<script src="https://example.org/x.js"></script>\n', '<a href="https://example.org/">x</a>');
    expect(dropExternalStylesheets(html)).toBe(html);
  });
});

describe('search-markers', () => {
  it('should mark the first article and put the title in a Pagefind meta', () => {
    const html = markSearchable(page('<title>AWS | Site</title>\n', '<h1>Site</h1><article id="post"><h1>AWS</h1></article><article>2</article>'), 'AWS "day 2"');
    expect(html).toContain('<article id="post" data-pagefind-body="">');
    expect(html).toContain('<article>2</article>');
    expect(html).toContain('<meta data-pagefind-meta="title[content]" content="AWS &quot;day 2&quot;"></head>');
  });

  it('should fall back to <main>, and leave pages with neither unmarked', () => {
    expect(searchBodyElements).toEqual(['article', 'main']);
    expect(markSearchable(page('', '<main>x</main>'), 'T')).toContain('<main data-pagefind-body="">');
    const plain = page('', '<div>x</div>');
    expect(markSearchable(plain, 'T')).toBe(plain);
  });

  it('separates the terms and definitions of a list for the index, and nothing else', () => {
    expect(separateDefinitions('<dl><dt>RTO</dt><dd>Recovery <b>Time</b></dd><DT>A</DT ></dl>')).toBe('<dl><dt>RTO </dt><dd>Recovery <b>Time</b> </dd><DT>A </DT ></dl>');
    const other = '<p>a</p><pre>&lt;/dd&gt;</pre><div data-x="</dx>">b</div>';
    expect(separateDefinitions(other)).toBe(other);
  });

  it('should mark a page once', () => {
    const once = markSearchable(page('', '<article>x</article>'), 'T');
    expect(markSearchable(once, 'T')).toBe(once);
  });

  it('should not be fooled by the attribute name in text', () => {
    const html = markSearchable(page('', '<article><code>data-pagefind-body</code></article>'), undefined);
    expect(html).toContain('<article data-pagefind-body="">');
    expect(html).not.toContain('data-pagefind-meta');
  });

  it('puts no title inside the article\'s own tag, where a fragment\'s only </head> may be', () => {
    expect(markSearchable('<article data-note="</head>">x</article>', 'T')).toBe('<article data-note="</head>" data-pagefind-body="">x</article>');
  });
});
