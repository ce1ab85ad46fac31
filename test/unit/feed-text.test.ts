import { describe, expect, it } from 'vitest';
import { splitCdataEnds } from '../../hexo-study-glossary/src/core/feed-cdata.js';
import { sortFeedCategories } from '../../hexo-study-glossary/src/core/feed-categories.js';

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
