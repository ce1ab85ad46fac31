/**
 * A paragraph may start with a tag: `{% term EKS %} は**マネージド**サービス。`
 *
 * Hexo sets a note's tags aside as `<!--swig￼N-->` while its Markdown
 * renders. To Markdown, a line that starts with such a comment starts an
 * HTML block (CommonMark, HTML block type 2), so the rest of the line was
 * not Markdown: no paragraph, `**マネージド**` as written. Hexo's own fix
 * (hexojs/hexo#5785) is not released; until it is, hexo-renderer-marked is
 * told (through its `marked:tokenizer` filter) that such a line is not an
 * HTML block when text follows the tag on it. A tag alone on its line (a
 * block tag such as `{% blockquote %}…{% endblockquote %}` is one
 * placeholder) still is one, as before.
 */
import type Hexo from 'hexo';

/** Hexo's placeholder at the start of a line (up to 3 spaces, as CommonMark allows), with more on that line. */
const tagThenText = /^ {0,3}<!--swig\uFFFC\d+-->[^\n]*\S/;

interface MarkedTokenizer {
  html?: (this: unknown, src: string) => unknown;
}

/** `undefined`: not an HTML block, so marked reads a paragraph. `false`: marked's own rule. */
function html(src: string): undefined | false {
  return tagThenText.test(src) ? undefined : false;
}

export function registerLineStartTags(hexo: Hexo): void {
  // hexo-renderer-marked runs this filter for every note it renders: one function, set each time.
  hexo.extend.filter.register('marked:tokenizer', (tokenizer: MarkedTokenizer) => {
    tokenizer.html = html;
  });
}
