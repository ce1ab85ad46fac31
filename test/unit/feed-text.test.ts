import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitCdataEnds } from '../../hexo-study-glossary/src/core/feed-cdata.js';
import { sortFeedCategories } from '../../hexo-study-glossary/src/core/feed-categories.js';
import { keepFeedWhitespace, withoutControlChars, withXmlWhitespace } from '../../hexo-study-glossary/src/core/feed-whitespace.js';

const runs = Number(process.env.FC_RUNS ?? 1000);

describe('splitCdataEnds', () => {
  it('splits each ]]> inside a note\'s CDATA section across two sections', () => {
    const atom = '<entry><content type="html"><![CDATA[<p>a ]]> b ]]></p>]]></content></entry>';
    expect(splitCdataEnds(atom)).toBe('<entry><content type="html"><![CDATA[<p>a ]]]]><![CDATA[> b ]]]]><![CDATA[></p>]]></content></entry>');
    const rss = '<item><content:encoded><![CDATA[x]]>y]]></content:encoded></item>';
    expect(splitCdataEnds(rss)).toBe('<item><content:encoded><![CDATA[x]]]]><![CDATA[>y]]></content:encoded></item>');
  });

  it('leaves a feed without ]]> in its notes as it is', () => {
    const atom = '<entry><content type="html"><![CDATA[<p>a ] ]> b</p>]]></content></entry>';
    expect(splitCdataEnds(atom)).toBe(atom);
  });
});

describe('sortFeedCategories', () => {
  const atom = [
    '<entry>',
    '    <content type="html"><![CDATA[<category scheme="z"/>  <category scheme="a"/>]]></content>',
    '    <category term="AWS" scheme="https://e.org/categories/%E5%8B%89%E5%BC%B7%E4%BC%9A/AWS/"/>',
    '    <category term="勉強会" scheme="https://e.org/categories/%E5%8B%89%E5%BC%B7%E4%BC%9A/"/>',
    '    ',
    '    <category term="日本語" scheme="https://e.org/tags/%E6%97%A5%E6%9C%AC%E8%AA%9E/"/>',
    '    <category term="R&amp;D" scheme="https://e.org/tags/R-D/"/>',
    '  </entry>',
  ].join('\n');

  it('sorts each run of categories by decoded URL, keeping the text between them and leaving CDATA alone', () => {
    const lines = sortFeedCategories(atom).split('\n');
    expect(lines[1]).toBe(atom.split('\n')[1]);
    expect(lines.slice(2).map((line) => /term="([^"]*)"/.exec(line)?.[1] ?? line.trim())).toEqual(['勉強会', 'AWS', '', 'R&amp;D', '日本語', '</entry>']);
  });

  it('sorts RSS categories by their domain', () => {
    const rss = '<item><category domain="https://e.org/tags/b/">b</category>\n<category domain="https://e.org/tags/a/">a</category></item>';
    expect(sortFeedCategories(rss)).toBe('<item><category domain="https://e.org/tags/a/">a</category>\n<category domain="https://e.org/tags/b/">b</category></item>');
  });
});

describe('keepFeedWhitespace', () => {
  /** An Atom entry and an RSS item holding `html` as hexo-generator-feed writes it. */
  const feedOf = (html: string) =>
    `<feed><entry><content type="html"><![CDATA[${withoutControlChars(html)}]]></content></entry></feed>` +
    `<rss><item><content:encoded><![CDATA[${withoutControlChars(html)}]]></content:encoded></item></rss>`;
  const expected = (html: string) =>
    `<feed><entry><content type="html"><![CDATA[${html}]]></content></entry></feed>` +
    `<rss><item><content:encoded><![CDATA[${html}]]></content:encoded></item></rss>`;

  it('gives a code block back its line breaks and tabs, in Atom and RSS', () => {
    const note = '<p>Makefile:</p>\n<pre><code>all:\n\tkubectl apply -f a.yaml\n\tkubectl get pods\n</code></pre>\n';
    expect(feedOf(note)).toContain('<pre><code>all:kubectl apply -f a.yamlkubectl get pods</code></pre>');
    expect(keepFeedWhitespace(feedOf(note), [note])).toBe(expected(note));
  });

  it('keeps the line break between the words of a paragraph written over two lines', () => {
    const note = '<p>Amazon EKS runs the\ncontrol plane for you.</p>';
    expect(keepFeedWhitespace(feedOf(note), ['<p>other</p>', note])).toContain('the\ncontrol plane');
  });

  it('still leaves out the control characters XML forbids', () => {
    const note = '<pre>a\u0000b\u000bc\u001fd\u007fe\r\nf</pre>';
    expect(keepFeedWhitespace(feedOf(note), [note])).toBe(expected('<pre>abcde\r\nf</pre>'));
  });

  it('tells apart notes whose HTML starts the same', () => {
    const start = `<h1>${'同じ見出し'.repeat(20)}</h1>\n`;
    const first = `${start}<pre>one\ntwo</pre>`;
    const second = `${start}<pre>three\nfour</pre>`;
    expect(keepFeedWhitespace(feedOf(second), [first, second])).toBe(expected(second));
    expect(keepFeedWhitespace(feedOf(first), [second, first])).toBe(expected(first));
  });

  it('leaves a section that is no note it knows as it is', () => {
    const feed = feedOf('<pre>a\nb</pre>');
    expect(keepFeedWhitespace(feed, ['<pre>a\nc</pre>', '<p>x</p>'])).toBe(feed);
    expect(keepFeedWhitespace(feed, [])).toBe(feed);
  });

  it('puts back exactly the note with only what XML forbids left out, whatever its text', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'あ', ' ', '\t', '\n', '\r', '\u0000', '\u000b', '\u001f', '\u007f', '<pre>', '</pre>', ']', '>') });
    fc.assert(
      fc.property(text, fc.array(text, { maxLength: 3 }), (note, others) => {
        // Notes alike but for control characters can't be told apart: either is put back.
        fc.pre(!note.includes(']]>') && others.every((other) => withoutControlChars(other) !== withoutControlChars(note)));
        expect(keepFeedWhitespace(feedOf(note), [...others, note])).toBe(expected(withXmlWhitespace(note)));
        expect(withoutControlChars(withXmlWhitespace(note))).toBe(withoutControlChars(note));
      }),
      { numRuns: runs },
    );
  });
});
