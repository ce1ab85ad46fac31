import fc from 'fast-check';
import { Parser } from 'htmlparser2';
import * as parse5 from 'parse5';
import { glossaryLinkKeys, insertedAnchors, pagePrefix, type TreeNode } from '../helpers/browser-tree.js';
import { describe, expect, it } from 'vitest';
import { defaultSkip, linkHtml, planLinks, spliceLinks, type LinkOptions } from '../../hexo-study-glossary/src/core/link-html.js';
import { glossaryLinkOpenTag } from '../../hexo-study-glossary/src/core/glossary-anchor.js';
import { createMatcher } from '../../hexo-study-glossary/src/core/match-terms.js';

const runs = Number(process.env.FC_RUNS ?? 1000);

const matcher = createMatcher([
  { key: 'EKS', forms: ['EKS', 'Amazon EKS'], caseSensitive: true },
  { key: 'IAM', forms: ['IAM'], caseSensitive: true },
  { key: 'IAMロール', forms: ['IAMロール'], caseSensitive: true },
  { key: 'ノード', forms: ['ノード'], caseSensitive: true },
  { key: 'ノードグループ', forms: ['ノードグループ'], caseSensitive: true },
  { key: 'CI/CD', forms: ['CI/CD'], caseSensitive: true },
  { key: 'AT&T', forms: ['AT&T'], caseSensitive: true },
  { key: 'kubectl', forms: ['kubectl'], caseSensitive: false },
  { key: 'あ', forms: ['あ'], caseSensitive: true },
  { key: '😀絵文字', forms: ['😀絵文字'], caseSensitive: true },
  { key: '5G', forms: ['5G'], caseSensitive: true },
  // Starts inside `&ThickSpace;` (U+205F U+200A): can't be wrapped there.
  { key: 'hair-a', forms: ['\u200Aあ'], caseSensitive: true },
  // A short katakana term, which starts inside a katakana word only after four kana or a term.
  { key: 'ログ', forms: ['ログ'], caseSensitive: true },
]);

const keys = ['EKS', 'IAM', 'IAMロール', 'ノード', 'CI/CD', 'AT&T'];

// Text: terms, near-terms, Japanese and ASCII filler. `<` only ever comes
// followed by a space, so text never turns into a tag by accident.
const word = fc.constantFrom(
  'EKS', 'IAM', 'IAMロール', 'ロール', 'ノード', 'ノードグループ', 'グループ', 'CI/CD', 'CI', '/CD', 'AT&T', 'kubectl', 'KUBECTL',
  'IAMPolicy', 'xEKS', 'EKS2', 'ＥＫＳ', 'ｶﾀｶﾅ', 'ﾉｰﾄﾞ', 'Amazon ', '5G', 'あ', 'い', 'の', 'は', '。', '、', '（', '）',
  '😀', '絵文字', ' ', '\n', 'a', '1', '< ', '>', '&', '"', "'",
  // Katakana words a short term may or may not start inside, and a dot that joins ASCII words.
  'ログ', 'ブ', 'ー', 'アクセス', 'フ\u3099', '.', 'io',
  // Variation selectors, which a match takes in with the character before them.
  '\uFE0F', '\u{E0100}', 'ノ\u{E0100}ード',
);
const text = fc.array(word, { minLength: 1, maxLength: 6 }).map((words) => words.join(''));
const entity = fc.constantFrom(
  '&amp;', '&#x2F;', '&lt;', '&gt;', '&quot;', '&#12354;', '&#128512;', '&#x1F600;', '&NotEqualTilde;', '&amp', '&#x35;', '&#71;',
  '&sol;', '&#39;', '&ThickSpace;', '&fjlig;', '&#x200A;', '&#xFE0F;', '&#xE0100;',
);
// Tokens that end a text segment without a parser event (a stray end tag)
// or with one, and formatting tags that a term is matched across.
const glued = fc
  .tuple(word, fc.constantFrom('</span>', '</x>', '</ >', '<!---->', '<wbr>', '<em>', '</em>', '<b>', '</b >', '<sup>'), word)
  .map((parts) => parts.join(''));
// A term split by formatting tags, as `**IAM**ロール` renders.
const formatting = fc.constantFrom('em', 'strong', 'b', 'mark', 'span class="x"', 'sup', 'span hidden', 'a href="/x"', 'code');
const splitTerm = fc
  .tuple(fc.constantFrom('IAMロール', 'ノードグループ', 'Amazon EKS', 'kubectl', 'CI/CD', '😀絵文字'), fc.nat(), formatting, formatting, fc.nat(2))
  .map(([term, at, tag, other, shape]) => {
    const chars = Array.from(term);
    const cut = 1 + (at % (chars.length - 1));
    const [head, tail] = [chars.slice(0, cut).join(''), chars.slice(cut).join('')];
    const wrap = (name: string, content: string) => `<${name}>${content}</${name.split(' ')[0]}>`;
    if (shape === 0) return wrap(tag, head) + tail;
    if (shape === 1) return head + wrap(tag, tail);
    return wrap(tag, head) + wrap(other, tail);
  });
// A term read across a ruby annotation: `<ruby>IAM<rt>アイアム</rt></ruby>ロール`,
// with the fallback parentheses or an end tag left out.
const annotation = fc.constantFrom('<rt>アイ</rt>', '<rp>(</rp><rt>EKS</rt><rp>)</rp>', '<rt>ノード', '<rt>IAM<rt><em>ロール</em></rt>', '<rt><!-- x --></rt>');
const rubyTerm = fc
  .tuple(fc.constantFrom('IAMロール', 'ノードグループ', 'Amazon EKS', 'CI/CD'), fc.nat(), annotation, fc.boolean())
  .map(([term, at, rt, inside]) => {
    const chars = Array.from(term);
    const cut = 1 + (at % (chars.length - 1));
    const [head, tail] = [chars.slice(0, cut).join(''), chars.slice(cut).join('')];
    return inside ? `<ruby>${head}${rt}${tail}</ruby>` : `<ruby>${head}${rt}</ruby>${tail}`;
  });
const comment = fc.constantFrom('<!-- EKS -->', '<!---->', '<!-- IAM <p> -->', '<![CDATA[ EKS ]]>');
// Self-closing raw text (`<textarea/>`) is raw text all the same in a browser,
// which also ignores `<head>`, `</head>` and `</body>` in a page's body, and a
// table's parts outside a table; `</form>` leaves open what is open in the
// form, and in a select only its own end tags and its options' close anything.
// A stray `</div>` closes the page's div around the note, and all in it.
const lone = fc.constantFrom(
  '<br>', '</br>', '<img alt="EKS" src="x.png">', '</p >', '<hr/>', '</span>', '</h3>', '<iframe/>', '<textarea/>', '<head>', '</head>', '</body>',
  '<form>', '</form>', '<td>', '</td>', '<caption>', '<select>', '</select>', '</div>',
);
const raw = fc
  .tuple(fc.constantFrom('script', 'style', 'textarea', 'title'), text)
  .map(([tag, content]) => `<${tag}>${content.replaceAll('<', '')}</${tag}>`);
const existingLink = fc
  .tuple(fc.constantFrom(...keys), text)
  .map(([key, content]) => `<a data-term="${key.replaceAll('&', '&amp;')}" class="note glossary-link" href="/g/">${content.replaceAll('<', '')}</a>`);

const inlineTags = [
  'em', 'strong', 'b', 'mark', 'span title="EKS" data-x=\'IAM ロール\'', 'p', 'li', 'div', 'span class="glossary-link"', 'ul', 'sup',
  'span hidden', 'i aria-hidden="true"', 'ruby', 'rt', 'rp',
];
// Closed (out of sight until opened) and open ones.
const foldTags = ['details', 'details open', 'dialog', 'dialog open=""', 'details class="open"'];
const skippedTags = ['code', 'pre', 'a href="/x?EKS&amp;IAM"', 'h2', 'h3', 'iframe', 'noscript', 'svg', 'math', 'kbd', 'samp', 'span role="button"', 'div role="Tab" class="x"'];

const { html: htmlArbitrary } = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    text,
    entity,
    comment,
    lone,
    glued,
    raw,
    existingLink,
    splitTerm,
    rubyTerm,
    tie('element'),
  ),
  html: fc.array(tie('node'), { maxLength: 8 }).map((nodes) => (nodes as string[]).join('')),
  element: fc
    .tuple(fc.constantFrom(...inlineTags, ...foldTags, ...skippedTags), tie('html'), fc.boolean())
    .map(([tag, content, close]) => `<${tag}>${content as string}${close ? `</${tag.split(' ')[0]}>` : ''}`),
}));
const html = htmlArbitrary as fc.Arbitrary<string>;
const mode = fc.constantFrom<'first' | 'all'>('first', 'all');

function options(linkMode: 'first' | 'all'): LinkOptions {
  return { mode: linkMode, href: (key) => `/glossary/${key}/`, title: (key) => (key === 'EKS' ? 'Amazon "EKS" <&>' : undefined) };
}

/**
 * An anchor the linker inserts: the exact opening tag, up to its attribute
 * values, then the text it wraps, with any formatting tags it takes in
 * (never another anchor).
 */
const insertedAnchor = /<a class="glossary-link" href="[^"]*" data-term="[^"]*"(?: title="[^"]*")?(?: data-before-link)?>([\s\S]*?)<\/a>/g;

/** All decoded text of a document, as the parser sees it. */
function textContent(input: string): string {
  let content = '';
  new Parser({ ontext: (data) => (content += data) }, { decodeEntities: true }).end(input);
  return content;
}

const voidElements = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/**
 * Whether every end tag in `fragment` closes an element opened in it, and
 * every element opened in it is closed in it: by an end tag, or, for a
 * ruby annotation (`rt`, `rp`), by what HTML lets end one (the next
 * annotation, or its `ruby`'s end tag), within the fragment.
 */
function balanced(fragment: string): boolean {
  let implied = false;
  let closed = 0;
  let ending = false;
  const parser = new Parser(
    {
      onclosetag(name, isImplied) {
        if (voidElements.has(name)) return;
        if (isImplied) implied ||= ending || (name !== 'rt' && name !== 'rp');
        else closed++;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: false },
  );
  parser.write(fragment);
  ending = true;
  parser.end();
  // The Parser drops an end tag that closes nothing: count them all. (Text
  // here never has `<` before a letter or `/`: see `word`.)
  const endTags = fragment.match(/<\/\s*[a-zA-Z]/g)?.length ?? 0;
  return !implied && closed === endTags;
}

/**
 * Keys of the glossary links in `input` that browsers may not agree are
 * links: those after a `<select>`, whose content older browsers (and
 * parse5) mostly ignore, and Chromium, whose selects can be styled, reads
 * as it reads the body (`<select><noscript><textarea></textarea><a …>`: a
 * link to parse5, text in a noscript to Chromium). The linker takes one
 * reading; whether the note already links such a key is left unchecked.
 */
function unsureKeys(input: string): Set<string> {
  const select = input.search(/<select/i);
  if (select === -1) return new Set();
  return new Set(Array.from(input.slice(select).matchAll(/data-term="([^"]*)"/g), (match) => match[1]!.replaceAll('&amp;', '&')));
}

describe('linkHtml properties', () => {
  it('keeps the text content unchanged', () => {
    fc.assert(
      fc.property(html, mode, (input, linkMode) => {
        expect(textContent(linkHtml(input, matcher, options(linkMode)).html)).toBe(textContent(input));
      }),
      { numRuns: runs },
    );
  });

  it('gives back the input exactly once inserted anchors are removed', () => {
    fc.assert(
      fc.property(html, mode, (input, linkMode) => {
        const { html: output, linked } = linkHtml(input, matcher, options(linkMode));
        expect([...output.matchAll(insertedAnchor)].length).toBe(linked);
        expect(output.replace(insertedAnchor, '$1')).toBe(input);
      }),
      { numRuns: runs },
    );
  });

  it('never inserts an anchor that a browser puts inside a skipped element or another anchor', () => {
    const skipped = new Set([...defaultSkip, 'a', '[role=button]', '[role=tab]']);
    fc.assert(
      fc.property(html, mode, (input, linkMode) => {
        const { html: output, linked } = linkHtml(input, matcher, options(linkMode));
        const anchors = insertedAnchors(output);
        // None split in two, nor taken for one the input has.
        expect(anchors.length - insertedAnchors(input).length, output).toBe(linked);
        for (const anchor of anchors) expect(anchor.ancestors.filter((name) => skipped.has(name)), output).toEqual([]);
      }),
      { numRuns: runs },
    );
  });

  it('wraps balanced markup: each element opened inside an anchor closes inside it, and none closes there that opened outside', () => {
    fc.assert(
      fc.property(html, mode, (input, linkMode) => {
        const { plan } = planLinks(input, matcher, options(linkMode));
        plan.keys.forEach((_, index) => {
          const wrapped = input.slice(plan.ranges[2 * index]!, plan.ranges[2 * index + 1]!);
          expect(balanced(wrapped), wrapped).toBe(true);
        });
      }),
      { numRuns: runs },
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(html, mode, (input, linkMode) => {
        const once = linkHtml(input, matcher, options(linkMode)).html;
        expect(linkHtml(once, matcher, options(linkMode)).html).toBe(once);
      }),
      { numRuns: runs },
    );
  });

  it('is idempotent where a ruby is followed by a link: the word goes on past the reading either way', () => {
    // Found by the property above (seed 1022792807): the reading stopped the
    // word only once a link after the ruby cut the text there.
    for (const input of ['<ruby>ノード<rt>ノードグループ</ruby><ruby>ノ<rt>アイ</rt></ruby>ードグループ', '<ruby>ノード<rt>よみ</rt></ruby><a href="/x">キャスト</a>']) {
      for (const linkMode of ['first', 'all'] as const) {
        const once = linkHtml(input, matcher, options(linkMode)).html;
        expect(linkHtml(once, matcher, options(linkMode)).html).toBe(once);
        expect(once).not.toContain('data-term="ノード"');
      }
    }
  });

  it('links each key at most once in first mode, and not at all when the input already links it', () => {
    fc.assert(
      fc.property(html, (input) => {
        const keysLinked = insertedAnchors(linkHtml(input, matcher, options('first')).html).map((anchor) => anchor.key);
        expect(new Set(keysLinked).size).toBe(keysLinked.length);
        const existing = glossaryLinkKeys(input);
        const unsure = unsureKeys(input);
        for (const key of keysLinked) if (!unsure.has(key)) expect(existing.has(key), key).toBe(false);
      }),
      { numRuns: runs },
    );
  });
});

describe('first mode and closed details', () => {
  /**
   * Whether a browser shows the text at each raw offset of `input` inside a
   * `details` or `dialog` without an `open` attribute: a function of the
   * offset, read from the tree parse5 builds (see `insertedAnchors`). A link
   * that starts at a tag (`<em>IAM</em>ロール`) is placed by the text after it.
   * `copied` says whether the browser made any element twice from one start
   * tag: a formatting element reopened, or one whose misplaced end tag made
   * the browser move the content read before it (`<em><dialog>a<div>b</em>`
   * takes `b` out of the dialog: the standard's adoption agency), which the
   * linker, reading once from the start, leaves where it read it.
   */
  const formatting = new Set('a b big code em font i nobr s small strike strong tt u'.split(' '));
  const foldedAt = (input: string): { folded: (offset: number) => boolean; copied: boolean } => {
    const prefix = pagePrefix;
    const texts: { start: number; end: number; folded: boolean }[] = [];
    const starts = new Set<number>();
    let copied = false;
    const walk = (node: TreeNode, folded: boolean): void => {
      if (node.nodeName === '#text') {
        const location = (node as parse5.DefaultTreeAdapterMap['textNode']).sourceCodeLocation;
        if (location) texts.push({ start: location.startOffset - prefix.length, end: location.endOffset - prefix.length, folded });
        return;
      }
      if (!('childNodes' in node)) return;
      const element = node as parse5.DefaultTreeAdapterMap['element'];
      if ('tagName' in element) {
        // A copy reopened has its start tag's location; one the adoption agency makes, none.
        const start = element.sourceCodeLocation?.startOffset;
        if (start === undefined) copied ||= formatting.has(element.tagName);
        else copied ||= starts.has(start);
        if (start !== undefined) starts.add(start);
      }
      const closed = (element.tagName === 'details' || element.tagName === 'dialog') && !element.attrs.some((attribute) => attribute.name === 'open');
      for (const child of element.childNodes) walk(child, folded || closed);
    };
    walk(parse5.parse(prefix + input, { sourceCodeLocationInfo: true }), false);
    return { folded: (offset) => texts.filter((text) => text.end > offset).sort((a, b) => a.start - b.start)[0]?.folded ?? false, copied };
  };
  /** Keys of the glossary links the input already has. */
  it('links each term all mode links, at its first mention in sight, or its first at all when none is', () => {
    fc.assert(
      fc.property(html, (input) => {
        const all = planLinks(input, matcher, { mode: 'all' }).plan;
        const { folded, copied } = foldedAt(input);
        const existing = glossaryLinkKeys(input);
        const unsure = unsureKeys(input);
        const chosen = new Map<string, { start: number; end: number; folded: boolean }>();
        all.keys.forEach((key, index) => {
          const start = all.ranges[2 * index]!;
          const inFold = folded(start);
          const known = chosen.get(key);
          if (!known || (known.folded && !inFold)) chosen.set(key, { start, end: all.ranges[2 * index + 1]!, folded: inFold });
        });
        const expected = [...chosen].filter(([key]) => !existing.has(key) && !unsure.has(key)).sort((a, b) => a[1].start - b[1].start);
        const planned = planLinks(input, matcher, { mode: 'first' }).plan;
        // A key browsers may not agree the input links is linked once at most, at one of its mentions (as all mode links them).
        const first: { keys: string[]; ranges: number[] } = { keys: [], ranges: [] };
        const allMentions = new Set(all.keys.map((key, index) => `${key}@${all.ranges[2 * index]}-${all.ranges[2 * index + 1]}`));
        planned.keys.forEach((key, index) => {
          const [start, end] = [planned.ranges[2 * index]!, planned.ranges[2 * index + 1]!];
          if (!unsure.has(key)) {
            first.keys.push(key);
            first.ranges.push(start, end);
          } else expect(allMentions).toContain(`${key}@${start}-${end}`);
        });
        if (copied) {
          // Where the browser moved content, each term is still linked once, at one of its mentions.
          expect(new Set(first.keys)).toEqual(new Set(expected.map(([key]) => key)));
          expect(first.keys.length).toBe(expected.length);
          first.keys.forEach((key, index) => expect(allMentions).toContain(`${key}@${first.ranges[2 * index]}-${first.ranges[2 * index + 1]}`));
          return;
        }
        expect(first.keys).toEqual(expected.map(([key]) => key));
        expect(first.ranges).toEqual(expected.flatMap(([, { start, end }]) => [start, end]));
      }),
      { numRuns: runs },
    );
  });
});

describe('spliceLinks properties', () => {
  // What a page shows of a note: all of it, or a piece cut where no link is
  // (Hexo cuts an excerpt at a comment, which ends any link).
  const pieceOf = (input: string, cuts: [number, number], ranges: number[]): [number, number] => {
    const inside = (offset: number) => ranges.some((_, index) => index % 2 === 0 && ranges[index]! < offset && offset < ranges[index + 1]!);
    let [start, end] = cuts.map((cut) => Math.round(cut * input.length)).sort((a, b) => a - b) as [number, number];
    while (inside(start)) start--;
    while (inside(end)) end++;
    return [start, end];
  };

  it('links a piece of a note as the whole note is linked there', () => {
    fc.assert(
      fc.property(html, mode, fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), (input, linkMode, cuts) => {
        const linkOptions = options(linkMode);
        const openTag = (key: string) => glossaryLinkOpenTag(key, linkOptions.href(key), linkOptions.title?.(key));
        const { plan } = planLinks(input, matcher, linkOptions);
        const whole = spliceLinks(input, plan, openTag);
        expect(whole).toBe(linkHtml(input, matcher, linkOptions).html);
        const [start, end] = pieceOf(input, cuts, plan.ranges);
        const piece = input.slice(start, end);
        const linkedPiece = spliceLinks(piece, plan, openTag, start);
        expect(linkedPiece.replace(insertedAnchor, '$1')).toBe(piece);
        expect(whole).toContain(linkedPiece);
        const inPiece = plan.keys.filter((_, index) => plan.ranges[2 * index]! >= start && plan.ranges[2 * index + 1]! <= end);
        expect([...linkedPiece.matchAll(insertedAnchor)].length).toBe(inPiece.length);
      }),
      { numRuns: runs },
    );
  });

  it('plans the same links and counts without snippets, with every snippet empty', () => {
    fc.assert(
      fc.property(html, mode, (input, linkMode) => {
        const withSnippets = planLinks(input, matcher, options(linkMode));
        const without = planLinks(input, matcher, { ...options(linkMode), snippets: false });
        expect(without.plan).toEqual(withSnippets.plan);
        expect([...without.mentions].map(([key, mention]) => [key, mention.count])).toEqual(
          [...withSnippets.mentions].map(([key, mention]) => [key, mention.count]),
        );
        for (const mention of without.mentions.values()) expect(mention.snippet).toEqual({ before: '', match: '', after: '' });
      }),
      { numRuns: runs },
    );
  });
});
