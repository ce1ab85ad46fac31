import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AttributeNames, scanHtml, type ScanOptions } from '../../hexo-study-glossary/src/core/scan-html.js';
import { markup } from '../helpers/html-arbitraries.js';

const runs = Number(process.env.FC_RUNS ?? 1000);

// The Parser of the htmlparser2 the plugin depends on: the one the repo's
// root resolves is another version, with another version of `entities`,
// which decodes some entities in attribute values otherwise.
const { Parser } = createRequire(new URL('../../hexo-study-glossary/package.json', import.meta.url))('htmlparser2') as typeof import('htmlparser2');

/**
 * What `scanHtml` reports, as one line per event; attributes of every
 * element, or of `a` only. Tags' raw ranges are left out (see `tagRanges`),
 * but for whether an element closes implicitly.
 */
function scanned(html: string, attributesOf: (name: string) => boolean | AttributeNames = () => true, options: ScanOptions = {}): string[] {
  const events: string[] = [];
  scanHtml(html, {
    onopentagname(name) {
      events.push(`open ${name}`);
      return attributesOf(name);
    },
    onattribute: (name, value) => events.push(`attribute ${name}=${value}`),
    onopentagend: () => {},
    onclosetag: (name, start) => events.push(start < 0 ? `close ${name} (implied)` : `close ${name}`),
    ontext: (data, start, end, entity) => events.push(`${entity ? 'entity' : 'text'} ${JSON.stringify(data)} ${start}-${end}`),
    onother: () => events.push('other'),
    onend: () => events.push('end'),
  }, options);
  return events;
}

/** What `scanHtml` reports with `browser: true`, attributes of every element. */
const browserScanned = (html: string): string[] => scanned(html, () => true, { browser: true });

/** The tags `scanHtml` reports, each with its raw range: `open em 3-7`, `close em 8-13`, `close p (implied)`. */
function tagRanges(html: string): string[] {
  const events: string[] = [];
  let open = '';
  scanHtml(html, {
    onopentagname(name, start) {
      open = `open ${name} ${start}`;
      return false;
    },
    onattribute: () => {},
    onopentagend: (end) => events.push(`${open}-${end}`),
    onclosetag: (name, start, end) => events.push(start < 0 ? `close ${name} (implied)` : `close ${name} ${start}-${end}`),
    ontext: () => {},
    onother: () => {},
    onend: () => {},
  });
  return events;
}

/**
 * The same events from htmlparser2's `Parser`, as the linker used it: text
 * ranges from the tokenizer's callbacks, comments, CDATA and declarations as
 * one kind of event.
 */
function parsed(html: string): string[] {
  const events: string[] = [];
  class RangeParser extends Parser {
    start = 0;
    entity = false;
    override ontext(start: number, endIndex: number): void {
      // The scanner's second fix: an end tag the input ends in (`</x EKS`)
      // comes from the tokenizer as text from -1, which the Parser reports
      // as its last character; the scanner drops it.
      if (start < 0) return;
      this.start = start;
      this.entity = false;
      super.ontext(start, endIndex);
    }
    override ontextentity(codePoint: number, endIndex: number): void {
      this.entity = true;
      super.ontextentity(codePoint, endIndex);
    }
    // The scanner's first fix (see scan-html.ts): the Parser stays in foreign
    // content after a self-closed `<svg/>` or `<math/>`; the scanner doesn't.
    override onselfclosingtag(endIndex: number): void {
      const state = this as unknown as { tagname: string; foreignContext: boolean[] };
      const foreign = state.tagname === 'svg' || state.tagname === 'math';
      super.onselfclosingtag(endIndex);
      if (foreign) state.foreignContext.shift();
    }
  }
  const parser: RangeParser = new RangeParser(
    {
      onopentagname: (name) => events.push(`open ${name}`),
      onattribute: (name, value) => events.push(`attribute ${name}=${value}`),
      onclosetag: (name, implied) => events.push(implied ? `close ${name} (implied)` : `close ${name}`),
      ontext(data) {
        const end = parser.endIndex + 1;
        const entity = parser.entity;
        const start = entity ? html.lastIndexOf('&', end - 1) : parser.start;
        events.push(`${entity ? 'entity' : 'text'} ${JSON.stringify(data)} ${start}-${end}`);
      },
      oncomment: () => events.push('other'),
      onprocessinginstruction: () => events.push('other'),
      onend: () => events.push('end'),
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: false },
  );
  parser.end(html);
  return events;
}

describe('scanHtml', () => {
  it('reports text with its raw range, and each decoded entity as its own piece', () => {
    expect(scanned('<p>CI&#x2F;CD</p>')).toEqual([
      'open p',
      'text "CI" 3-5',
      'entity "/" 5-11',
      'text "CD" 11-13',
      'close p',
      'end',
    ]);
  });

  it('reports an entity that decodes to two code points as two pieces with one range', () => {
    expect(scanned('&NotEqualTilde;')).toEqual(['entity "≂" 0-15', 'entity "̸" 0-15', 'end']);
  });

  it('lower-cases element and attribute names and decodes attribute values', () => {
    expect(scanned('<A CLASS="x&amp;y" Data-Term=EKS>EKS</A>')).toEqual([
      'open a',
      'attribute class=x&y',
      'attribute data-term=EKS',
      'text "EKS" 33-36',
      'close a',
      'end',
    ]);
  });

  it('reads attributes only of the elements the handler asks for', () => {
    expect(scanned('<p id="x"><a href="/y">y</a></p>', (name) => name === 'a')).toEqual([
      'open p',
      'open a',
      'attribute href=/y',
      'text "y" 23-24',
      'close a',
      'close p',
      'end',
    ]);
  });

  it('reads only the attributes named, whatever their case, when the handler names some', () => {
    const names = new AttributeNames(['hidden', 'aria-hidden']);
    expect(scanned('<p HIDDEN class="x" Aria-Hidden="tr&#117;e" data-x="y" hidden2 aria-label="z">t</p>', () => names)).toEqual([
      'open p',
      'attribute hidden=',
      'attribute aria-hidden=true',
      'text "t" 78-79',
      'close p',
      'end',
    ]);
  });

  it('closes the elements that a start tag implies, and those left open at the end', () => {
    expect(scanned('<p>a<ul><li>b<li><code>c')).toEqual([
      'open p',
      'text "a" 3-4',
      'close p (implied)',
      'open ul',
      'open li',
      'text "b" 12-13',
      'close li (implied)',
      'open li',
      'open code',
      'text "c" 23-24',
      'close code (implied)',
      'close li (implied)',
      'close ul (implied)',
      'end',
    ]);
  });

  it('closes void elements at once, and honours self-closing tags only in SVG and MathML', () => {
    expect(scanned('<br><code/>x</code><svg><path/></svg>')).toEqual([
      'open br',
      'close br (implied)',
      'open code',
      'text "x" 11-12',
      'close code',
      'open svg',
      'open path',
      'close path (implied)',
      'close svg',
      'end',
    ]);
  });

  it('goes back to HTML rules after a self-closed <svg/> or <math/>', () => {
    // In HTML `<code/>` and `<a/>` open an element: the text after them is inside it.
    expect(scanned('<p><math/></p><p><code/>IAM</p>')).toEqual([
      'open p',
      'open math',
      'close math (implied)',
      'close p',
      'open p',
      'open code',
      'text "IAM" 24-27',
      'close code (implied)',
      'close p',
      'end',
    ]);
    expect(scanned('<p><svg/></p><p><a name="n"/>IAM</p>', () => false)).toEqual([
      'open p',
      'open svg',
      'close svg (implied)',
      'close p',
      'open p',
      'open a',
      'text "IAM" 29-32',
      'close a (implied)',
      'close p',
      'end',
    ]);
  });

  it('stays in SVG after a self-closed <svg/> inside an <svg>, until that one ends', () => {
    expect(scanned('<svg><svg/><path/></svg><code/>x')).toEqual([
      'open svg',
      'open svg',
      'close svg (implied)',
      'open path',
      'close path (implied)',
      'close svg',
      'open code',
      'text "x" 31-32',
      'close code (implied)',
      'end',
    ]);
  });

  it('goes back to closing self-closing tags once an HTML integration point in SVG ends', () => {
    expect(scanned('<svg><title>t</title><path/>x</svg>')).toEqual([
      'open svg',
      'open title',
      'text "t" 12-13',
      'close title',
      'open path',
      'close path (implied)',
      'text "x" 28-29',
      'close svg',
      'end',
    ]);
  });

  it('treats </p> and </br> without a start tag as elements, and ignores other stray end tags', () => {
    expect(scanned('a</span></p></br></img>b')).toEqual([
      'text "a" 0-1',
      'open p',
      'close p',
      'open br',
      'close br',
      'text "b" 23-24',
      'end',
    ]);
  });

  it('reports the raw range of each start tag and of each end tag that closes an element', () => {
    const html = '<p>a<EM class="x>y">b</em ><br></ SPAN><span>c</span></p>';
    expect(tagRanges(html)).toEqual([
      'open p 0-3',
      'open em 4-20',
      'close em 21-27',
      'open br 27-31',
      'close br (implied)',
      'open span 39-45',
      'close span 46-53',
      'close p 53-57',
    ]);
    expect(html.slice(4, 20)).toBe('<EM class="x>y">');
    expect(html.slice(21, 27)).toBe('</em >');
    expect(html.slice(31, 39)).toBe('</ SPAN>'); // no span is open: ignored
  });

  it('gives no start tag range to </p> and </br> alone, and the range of the end tag that closes them', () => {
    expect(tagRanges('a</p></br>')).toEqual(['open p -1--1', 'close p 1-5', 'open br -1--1', 'close br 5-10']);
  });

  it('decodes only what follows an ampersand: text that starts like an entity name is text', () => {
    expect(scanned('xamp; EKS &amp; lt;')).toEqual(['text "xamp; EKS " 0-10', 'entity "&" 10-15', 'text " lt;" 15-19', 'end']);
  });

  it('names each element by its whole name, lower-cased, common or not', () => {
    const html = '<p></p><pre></pre><PRE></PRE><pres></pres><Pre></Pre><rtc></rtc><rt></rt><h7></h7><h1></h1>';
    expect(scanned(html).filter((event) => event.startsWith('open '))).toEqual(
      ['p', 'pre', 'pre', 'pres', 'pre', 'rtc', 'rt', 'h7', 'h1'].map((name) => `open ${name}`),
    );
    expect(scanned(html)).toEqual(parsed(html));
  });

  it('skips to the next tag or closing quote, and to the end of the input when there is none', () => {
    expect(scanned('EKS と IAM')).toEqual(['text "EKS と IAM" 0-9', 'end']);
    expect(scanned('<p>EKS</p>IAM ロール')).toEqual(['open p', 'text "EKS" 3-6', 'close p', 'text "IAM ロール" 10-17', 'end']);
    expect(scanned('<a title="EKS">IAM</a>')).toEqual(['open a', 'attribute title=EKS', 'text "IAM" 15-18', 'close a', 'end']);
    // A value whose quote never closes takes the rest of the input: no text after it.
    expect(scanned('<p>VPC<a title="EKS>IAM')).toEqual(['open p', 'text "VPC" 3-6', 'open a', 'close a (implied)', 'close p (implied)', 'end']);
    expect(scanned("<a title='EKS>IAM")).toEqual(parsed("<a title='EKS>IAM"));
  });

  it('drops an end tag left open at the end of the input, with the text after it', () => {
    expect(scanned('<p>EKS</p></x IAM')).toEqual(['open p', 'text "EKS" 3-6', 'close p', 'end']);
  });

  it('reports comments, CDATA and declarations as other events, and raw text as text', () => {
    expect(scanned('<!DOCTYPE html><!-- EKS --><![CDATA[ IAM ]]><script>if (a < b) EKS()</script>')).toEqual([
      'other',
      'other',
      'other',
      'open script',
      'text "if (a < b) EKS()" 52-68',
      'close script',
      'end',
    ]);
  });
});


describe('scanHtml as a browser builds the tree', () => {
  it('reopens a <code> that </p> closed in the paragraphs after it, until </code>', () => {
    expect(browserScanned('<p><code>a</p><p>b</p></code><p>c</p>')).toEqual([
      'open p',
      'open code',
      'text "a" 9-10',
      'close code (implied)',
      'close p',
      'open p',
      'open code',
      'text "b" 17-18',
      'close code (implied)',
      'close p',
      'open p',
      'text "c" 32-33',
      'close p',
      'end',
    ]);
  });

  it('reopens a link with the attributes of its start tag', () => {
    expect(browserScanned('<p><a href="/x" class="c">a</p>b')).toEqual([
      'open p',
      'open a',
      'attribute href=/x',
      'attribute class=c',
      'text "a" 26-27',
      'close a (implied)',
      'close p',
      'open a',
      'attribute href=/x',
      'attribute class=c',
      'text "b" 31-32',
      'close a (implied)',
      'end',
    ]);
  });

  it('reopens before an inline start tag, not before a block', () => {
    expect(browserScanned('<p><code>a</p><div><em>b')).toEqual([
      'open p',
      'open code',
      'text "a" 9-10',
      'close code (implied)',
      'close p',
      'open div',
      'open code',
      'open em',
      'text "b" 23-24',
      'close em (implied)',
      'close code (implied)',
      'close div (implied)',
      'end',
    ]);
  });

  it('reopens nothing in a table cell opened after, and forgets what a cell opened when it ends', () => {
    expect(browserScanned('<code>a</p><table><tr><td><b>b</td><td>c</td></tr></table>')).toEqual([
      'open code',
      'text "a" 6-7',
      'open p',
      'close p',
      'open table',
      'open tr',
      'open td',
      'open b',
      'text "b" 29-30',
      'close b (implied)',
      'close td',
      'open td',
      'text "c" 39-40',
      'close td',
      'close tr',
      'close table',
      'close code (implied)',
      'end',
    ]);
  });

  it('ignores an end tag whose element is beyond a table cell', () => {
    expect(browserScanned('<code><table><tr><td>a</code>b')).toEqual([
      'open code',
      'open table',
      'open tr',
      'open td',
      'text "a" 21-22',
      'text "b" 29-30',
      'close td (implied)',
      'close tr (implied)',
      'close table (implied)',
      'close code (implied)',
      'end',
    ]);
  });

  it('closes a formatting element with a block open inside it and opens the block again, but ignores an inline one', () => {
    // A browser moves the block out of the link (`<a></a><div><a>a</a>b</div>`), and keeps the span open.
    expect(browserScanned('<a href="/x"><div class="d">a</a>b</div><span><p>c</span>d')).toEqual([
      'open a',
      'attribute href=/x',
      'open div',
      'attribute class=d',
      'text "a" 28-29',
      'close div (implied)',
      'close a',
      'open div',
      'attribute class=d',
      'text "b" 33-34',
      'close div',
      'open span',
      'open p',
      'text "c" 49-50',
      'text "d" 57-58',
      'close p (implied)',
      'close span (implied)',
      'end',
    ]);
  });

  it('closes the paragraph a block starts in, and the list item before an item, with what is open in them', () => {
    expect(browserScanned('<p><em>a<div>b</div><ul><li><em>c<li>d</ul>')).toEqual([
      'open p',
      'open em',
      'text "a" 7-8',
      'close em (implied)',
      'close p (implied)',
      'open div',
      'open em',
      'text "b" 13-14',
      'close em (implied)',
      'close div',
      'open ul',
      'open li',
      'open em',
      'open em',
      'text "c" 32-33',
      'close em (implied)',
      'close em (implied)',
      'close li (implied)',
      'open li',
      'open em',
      'open em',
      'text "d" 37-38',
      'close em (implied)',
      'close em (implied)',
      'close li (implied)',
      'close ul',
      'end',
    ]);
  });

  it('reopens no more than the last three formatting elements of one name and attributes, as a browser does', () => {
    // parse5 and browsers put `y` in three `b` elements, those opened at 50, 65 and 80 (the standard's Noah's Ark).
    const html = '<div><b>x</div>'.repeat(6) + 'y';
    const reopened: number[] = [];
    let last: number[] = [];
    const open: number[] = [];
    scanHtml(
      html,
      {
        onopentagname: (name, start) => {
          open.push(start);
          if (name === 'b' && start < 0) reopened.push(start);
          return false;
        },
        onattribute: () => {},
        onopentagend: () => {},
        onclosetag: () => {
          open.pop();
        },
        ontext: (data) => {
          if (data === 'y') last = [...open];
        },
        onother: () => {},
        onend: () => {},
      },
      { browser: true },
    );
    expect(last).toEqual([-1, -1, -1]);
    expect(reopened.length).toBeLessThan(20);
  });

  it('closes a link still open at the start tag of another', () => {
    expect(browserScanned('<a href="/x">a<a href="/y">b</a>c')).toEqual([
      'open a',
      'attribute href=/x',
      'text "a" 13-14',
      'close a (implied)',
      'open a',
      'attribute href=/y',
      'text "b" 27-28',
      'close a',
      'text "c" 32-33',
      'end',
    ]);
  });

  it('closes an element of SVG at its end tag, not the HTML link of that name around the SVG', () => {
    expect(browserScanned('<a href="/x"><svg><a>t</a>u</svg>v</a>')).toEqual([
      'open a',
      'attribute href=/x',
      'open svg',
      'open a',
      'text "t" 21-22',
      'close a',
      'text "u" 26-27',
      'close svg',
      'text "v" 33-34',
      'close a',
      'end',
    ]);
  });

  it('closes no paragraph at a block name inside MathML, which is not an HTML start tag there', () => {
    expect(browserScanned('<p><math><details>x')).toEqual([
      'open p',
      'open math',
      'open details',
      'text "x" 18-19',
      'close details (implied)',
      'close math (implied)',
      'close p (implied)',
      'end',
    ]);
  });

  it('closes a heading at the start tag of another only when the heading is the current element', () => {
    expect(browserScanned('<h2>a<h3>b</h3>c<h4><em><h5>d')).toEqual([
      'open h2',
      'text "a" 4-5',
      'close h2 (implied)',
      'open h3',
      'text "b" 9-10',
      'close h3',
      'text "c" 15-16',
      'open h4',
      'open em',
      'open h5',
      'text "d" 28-29',
      'close h5 (implied)',
      'close em (implied)',
      'close h4 (implied)',
      'end',
    ]);
  });

  it('closes the innermost heading at the end tag of any heading, and nothing when none is in scope', () => {
    // parse5 and browsers: `</h3>` closes the h2, `</h2>` the h4 only (`d` is in the h3), and `</h5>` inside a cell nothing.
    expect(browserScanned('<h2>a</h3>b<h3><em><h4>c</h2>d<table><tr><td>e</h5>f')).toEqual([
      'open h2',
      'text "a" 4-5',
      'close h2',
      'text "b" 10-11',
      'open h3',
      'open em',
      'open h4',
      'text "c" 23-24',
      'close h4',
      'text "d" 29-30',
      'open table',
      'open tr',
      'open td',
      'text "e" 45-46',
      'text "f" 51-52',
      'close td (implied)',
      'close tr (implied)',
      'close table (implied)',
      'close em (implied)',
      'close h3 (implied)',
      'end',
    ]);
  });

  it('reads an iframe or a noscript as raw text to its end tag, as a browser does', () => {
    expect(browserScanned('<code><iframe></code>&amp;</iframe>a<noscript><a href="/x"></noscript>b')).toEqual([
      'open code',
      'open iframe',
      'text "</code>&amp;" 14-26',
      'close iframe',
      'text "a" 35-36',
      'open noscript',
      'text "<a href=\\"/x\\">" 46-59',
      'close noscript',
      'text "b" 70-71',
      'close code (implied)',
      'end',
    ]);
  });

  it('reads raw text after a self-closing script or textarea, whose slash a browser ignores', () => {
    expect(browserScanned('<code><script/></code></script>a<textarea/>b</textarea>c')).toEqual([
      'open code',
      'open script',
      'text "</code>" 15-22',
      'close script',
      'text "a" 31-32',
      'open textarea',
      'text "b" 43-44',
      'close textarea',
      'text "c" 55-56',
      'close code (implied)',
      'end',
    ]);
  });

  it('reads everything after plaintext as its text', () => {
    expect(browserScanned('<p>a<plaintext>b</plaintext><p>c')).toEqual([
      'open p',
      'text "a" 3-4',
      'close p (implied)',
      'open plaintext',
      'text "b</plaintext><p>c" 15-32',
      'close plaintext (implied)',
      'end',
    ]);
  });

  it('reads an iframe in SVG as an element like any other', () => {
    expect(browserScanned('<svg><iframe></svg>a</iframe>')).toEqual([
      'open svg',
      'open iframe',
      'close iframe (implied)',
      'close svg',
      'text "a" 19-20',
      'end',
    ]);
  });

  it('opens and closes nothing at html, head and body tags, which a browser ignores in a page\'s body', () => {
    // A start tag a browser ignores is reported as a comment is: it ends a run of text.
    expect(browserScanned('<p>a<head><b></head>c<body class="x"></body></p>d</html>')).toEqual([
      'open p',
      'text "a" 3-4',
      'other',
      'open b',
      'text "c" 20-21',
      'other',
      'close b (implied)',
      'close p',
      'open b',
      'text "d" 48-49',
      'close b (implied)',
      'end',
    ]);
  });

  it('leaves what is open inside a form open at its end tag, and opens no table part or frameset outside a table', () => {
    // parse5 and browsers: `a` in the h2, which `</form>` leaves open; `<td>`, `</td>`, `<frameset>` and `<caption>` ignored.
    expect(browserScanned('<form><h2></form>a</h2><td><code></td>b</code><frameset><caption>c')).toEqual([
      'open form',
      'open h2',
      'text "a" 17-18',
      'close h2',
      'other',
      'open code',
      'text "b" 38-39',
      'close code',
      'other',
      'other',
      'text "c" 65-66',
      'close form (implied)',
      'end',
    ]);
  });

  it('closes nothing outside a select at a tag inside it, but at what ends the select', () => {
    expect(browserScanned('<center><select><option>a</center>b</option></select>c')).toEqual([
      'open center',
      'open select',
      'open option',
      'text "a" 24-25',
      'text "b" 34-35',
      'close option',
      'close select',
      'text "c" 53-54',
      'close center (implied)',
      'end',
    ]);
    // Older browsers ignore `<dd>`, `<b>` and `<code>` in a select, Chromium puts them in it and reopens the `b` and `code`
    // after it: either way `</p>` there closes nothing, nor `<dd>` the paragraph. `<select>` only ends the select.
    expect(browserScanned('<p><select><dd><b>a</p></select>b<select><option><code>c</option><select>d')).toEqual([
      'open p',
      'open select',
      'open dd',
      'open b',
      'text "a" 18-19',
      'close b (implied)',
      'close dd (implied)',
      'close select',
      'open b',
      'text "b" 32-33',
      'open select',
      'open option',
      'open code',
      'text "c" 55-56',
      'close code (implied)',
      'close option',
      'close select (implied)',
      'other',
      'open code',
      'text "d" 73-74',
      'close code (implied)',
      'close b (implied)',
      'close p (implied)',
      'end',
    ]);
    // Outside a select, `</option>` is an inline element's end tag: it doesn't close the heading open inside.
    expect(browserScanned('<option><h1></option>a')).toEqual([
      'open option',
      'open h1',
      'text "a" 21-22',
      'close h1 (implied)',
      'close option (implied)',
      'end',
    ]);
  });

  it('closes no form control at another\'s start tag, and ends a select only at one in its scope, outside SVG', () => {
    // Chromium: the input is in the option; `<input>` ends the select only once the object and the SVG are closed.
    expect(browserScanned('<option><input>a<select><object><input>b</object><svg><input>c</svg><textarea>d')).toEqual([
      'open option',
      'open input',
      'close input (implied)',
      'text "a" 15-16',
      'open select',
      'open object',
      'open input',
      'close input (implied)',
      'text "b" 39-40',
      'close object',
      'open svg',
      'open input',
      'close input (implied)',
      'text "c" 61-62',
      'close svg',
      'close select (implied)',
      'open textarea',
      'text "d" 78-79',
      'close textarea (implied)',
      'close option (implied)',
      'end',
    ]);
  });

  it('takes a table cell in MathML or SVG for no cell, and no edge of a scope', () => {
    expect(browserScanned('<details><math><td><caption></details>a<code><svg><td></code>b')).toEqual([
      'open details',
      'open math',
      'open td',
      'open caption',
      'close caption (implied)',
      'close td (implied)',
      'close math (implied)',
      'close details',
      'text "a" 38-39',
      'open code',
      'open svg',
      'open td',
      'close td (implied)',
      'close svg (implied)',
      'close code',
      'text "b" 61-62',
      'end',
    ]);
  });

  it('reads raw text in MathML or SVG once a stray end tag may have closed it with the page around the note', () => {
    // In a page, `</div>` closes the theme's div around the note, the math with it: `<noembed>` is HTML's then, and raw text.
    // Where nothing closes the math, `<hr>` would end it; read either way, `EKS` is no prose.
    expect(browserScanned('<math></div><noembed><hr>EKS')).toEqual([
      'open math',
      'open noembed',
      'text "<hr>EKS" 21-28',
      'close noembed (implied)',
      'close math (implied)',
      'end',
    ]);
  });

  it('closes everything at a stray end tag of an element the page puts the HTML in, unless a scope edge is open', () => {
    // Chromium, with the note in a div: `</div>` closes the page's div and all in it; `</dialog>` then closes nothing, and `b` is in the h2.
    expect(scanned('<dialog><pre>a</div><h2></dialog>b', () => true, { browser: true, within: ['div'] })).toEqual([
      'open dialog',
      'open pre',
      'text "a" 13-14',
      'close pre (implied)',
      'close dialog (implied)',
      'open h2',
      'text "b" 33-34',
      'close h2 (implied)',
      'end',
    ]);
    // The page's article is closed at the first `</article>`: the second closes nothing.
    expect(scanned('</article><samp></article>a', () => true, { browser: true, within: ['article', 'div'] })).toEqual([
      'open samp',
      'text "a" 26-27',
      'close samp (implied)',
      'end',
    ]);
    // In a cell the page's div is out of scope: `</div>` closes nothing.
    expect(scanned('<table><tr><td><pre>a</div>b', () => true, { browser: true, within: ['div'] })).toEqual([
      'open table',
      'open tr',
      'open td',
      'open pre',
      'text "a" 20-21',
      'text "b" 27-28',
      'close pre (implied)',
      'close td (implied)',
      'close tr (implied)',
      'close table (implied)',
      'end',
    ]);
  });

  it('reads an HTML image tag as an img, which is void, and leaves SVG\'s image as it is', () => {
    expect(browserScanned('<samp><image src="x"></image>a<svg><image></image>b')).toEqual([
      'open samp',
      'open img',
      'attribute src=x',
      'close img (implied)',
      'text "a" 29-30',
      'open svg',
      'open image',
      'close image',
      'text "b" 50-51',
      'close svg (implied)',
      'close samp (implied)',
      'end',
    ]);
  });

  it('ends SVG at an HTML start tag, which it reports as written nowhere', () => {
    const tags: string[] = [];
    scanHtml(
      '<svg><text>a</text><em>b</em></svg>c',
      {
        onopentagname: (name, start) => (tags.push(`open ${name} ${start}`), false),
        onattribute: () => {},
        onopentagend: () => {},
        onclosetag: (name, start) => tags.push(start < 0 ? `close ${name} (implied)` : `close ${name}`),
        ontext: (data) => tags.push(`text ${data}`),
        onother: () => {},
        onend: () => {},
      },
      { browser: true },
    );
    expect(tags).toEqual(['open svg 0', 'open text 5', 'text a', 'close text', 'close svg (implied)', 'open em -1', 'text b', 'close em', 'text c']);
  });
});

describe('scanHtml properties', () => {
  it('reports the same events as htmlparser2\'s Parser', () => {
    fc.assert(
      fc.property(markup, (html) => {
        expect(scanned(html)).toEqual(parsed(html));
      }),
      { numRuns: runs },
    );
  });

  it('gives each start tag and explicit end tag the raw range that spells it', () => {
    fc.assert(
      fc.property(markup, (html) => {
        for (const event of tagRanges(html)) {
          const [, kind, name, start, end] = /^(open|close) (\S+) (-?\d+)-(-?\d+)$/.exec(event) ?? [];
          if (kind === undefined || name === undefined || Number(start) < 0) continue;
          const tag = html.slice(Number(start), Number(end)).toLowerCase();
          if (kind === 'open') expect(tag.startsWith(`<${name}`) && tag.endsWith('>')).toBe(true);
          else {
            // After raw text, U+001C and U+000F are a `<` and a `/` to the tokenizer.
            expect(tag).toMatch(new RegExp(`^[<\\u001c][/\\u000f]\\s*${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^>]*>?$`));
            // Only an end tag the input ends in has no `>`.
            if (!tag.endsWith('>')) expect(Number(end)).toBe(html.length);
          }
        }
      }),
      { numRuns: runs },
    );
  });
});
