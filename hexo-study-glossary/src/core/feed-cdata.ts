/**
 * A note's HTML kept whole inside a feed's CDATA section.
 *
 * hexo-generator-feed writes each note's HTML as
 * `<content type="html"><![CDATA[…]]></content>` (RSS:
 * `<content:encoded>`), as it is: a `]]>` in it (raw HTML in a note, which
 * Markdown passes through) ends the section there, and the rest of the
 * note is read as XML, which made the whole feed invalid. Each `]]>` inside
 * is split across two sections (`]]]]><![CDATA[>`), which a reader joins
 * back into the same text. The section ends at the first `]]>` followed by
 * the element's end tag: a note whose HTML has that very text in it is
 * still cut there.
 */

const section = /(<(content|content:encoded)\b[^>]*><!\[CDATA\[)([\s\S]*?)(\]\]><\/\2>)/g;

/**
 * `feed` with each note's HTML, as hexo-generator-feed writes it (the
 * section described above), replaced by what `replace` returns for it.
 */
export function replaceNoteSections(feed: string, replace: (html: string) => string): string {
  return feed.replace(section, (whole, start: string, _name: string, html: string, end: string) => {
    const replaced = replace(html);
    return replaced === html ? whole : `${start}${replaced}${end}`;
  });
}

/** `feed` with every `]]>` inside a note's CDATA section split. */
export function splitCdataEnds(feed: string): string {
  return replaceNoteSections(feed, (html) => (html.includes(']]>') ? html.replaceAll(']]>', ']]]]><![CDATA[>') : html));
}
