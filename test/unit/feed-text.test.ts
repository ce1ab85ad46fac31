import { describe, expect, it } from 'vitest';
import { splitCdataEnds } from '../../hexo-study-glossary/src/core/feed-cdata.js';

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
