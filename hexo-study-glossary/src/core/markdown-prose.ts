/**
 * The prose of a Markdown note, line by line, for checks that report
 * `file:line`: everything that is not prose is blanked out with spaces, so
 * line numbers and columns still point into the file as written.
 *
 * Blanked: the front matter (`---` or `;;;` block at the top), fenced code
 * (``` and ~~~, at any indentation), Nunjucks blocks that hold code or raw
 * text (`{% codeblock %}`, `{% code %}`, `{% raw %}`…) and every other
 * `{% … %}` / `{{ … }}`, HTML and Nunjucks comments, HTML tags (their text stays),
 * inline code, URLs, and the targets of Markdown links and images.
 *
 * Not handled: indented code blocks (telling them from list continuations
 * needs a real Markdown parser) and front matter without a leading `---`.
 */

/** Nunjucks blocks whose whole body is code or raw text. */
export const codeBlockTags: readonly string[] = ['codeblock', 'code', 'raw', 'verbatim', 'include_code'];

/** The file's lines, with everything but prose replaced by spaces. */
export function proseLines(markdown: string): string[] {
  const lines = markdown.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const out: string[] = [];
  let index = 0;

  // Front matter: the first line is `---` (or `;;;`) and a matching line closes it.
  const opener = /^(-{3,}|;{3,})\s*$/.exec(lines[0] ?? '');
  if (opener) {
    const close = lines.findIndex((line, at) => at > 0 && line.trimEnd() === opener[1]);
    if (close > 0) {
      for (; index <= close; index++) out.push('');
    }
  }

  let fence: { char: string; length: number } | undefined;
  let blockTag: string | undefined;
  let inComment: string | undefined;
  for (; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (fence) {
      const close = /^\s*(`{3,}|~{3,})\s*$/.exec(line);
      if (close && close[1]!.startsWith(fence.char) && close[1]!.length >= fence.length) fence = undefined;
      out.push(blank(line));
      continue;
    }
    if (blockTag) {
      if (new RegExp(`\\{%-?\\s*end${blockTag}\\s*-?%\\}`).test(line)) blockTag = undefined;
      out.push(blank(line));
      continue;
    }
    const open = /^\s*(`{3,}|~{3,})/.exec(line);
    if (open && !inComment) {
      const marker = open[1]!;
      // A backtick fence's info string may not contain backticks (CommonMark).
      if (!(marker.startsWith('`') && line.slice(open[0].length).includes('`'))) {
        fence = { char: marker[0]!, length: marker.length };
        out.push(blank(line));
        continue;
      }
    }
    const tag = /\{%-?\s*(\w+)/.exec(line);
    if (tag && codeBlockTags.includes(tag[1]!) && !new RegExp(`\\{%-?\\s*end${tag[1]}\\s*-?%\\}`).test(line)) {
      blockTag = tag[1]!;
      out.push(blank(line));
      continue;
    }
    const result = blankInline(line, inComment);
    inComment = result.inComment;
    out.push(result.text);
  }
  return out;
}

/** `{% raw %}…{% endraw %}` and the like within one line (a pattern, not a shared RegExp: `g` ones keep state). */
const inlineCodeTags = `\\{%-?\\s*(${codeBlockTags.join('|')})\\b[\\s\\S]*?\\{%-?\\s*end\\1\\s*-?%\\}`;

/** Comments that may span lines, and how each one ends. */
const comments: readonly { open: string; close: string }[] = [
  { open: '<!--', close: '-->' },
  { open: '{#', close: '#}' },
];

/** Blank the non-prose parts of one line; comments may continue from or to other lines. */
function blankInline(line: string, inComment: string | undefined): { text: string; inComment: string | undefined } {
  let open = inComment;
  let from = 0;
  let text = '';
  while (from < line.length) {
    if (open) {
      const end = line.indexOf(open, from);
      const stop = end < 0 ? line.length : end + open.length;
      text += blank(line.slice(from, stop));
      from = stop;
      if (end >= 0) open = undefined;
      continue;
    }
    let next: { at: number; close: string; length: number } | undefined;
    for (const comment of comments) {
      const at = line.indexOf(comment.open, from);
      if (at >= 0 && (!next || at < next.at)) next = { at, close: comment.close, length: comment.open.length };
    }
    if (!next) {
      text += line.slice(from);
      break;
    }
    text += line.slice(from, next.at) + blank(line.slice(next.at, next.at + next.length));
    from = next.at + next.length;
    open = next.close;
  }

  text = blankMatches(text, /(`+)[^`]*?\1(?!`)/g); // inline code (one line)
  text = blankMatches(text, new RegExp(inlineCodeTags, 'g')); // `{% raw %}…{% endraw %}` on one line
  text = blankMatches(text, /\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}/g); // Nunjucks
  text = blankMatches(text, /\]\([^)]*\)/g, 1); // link and image targets, keeping `]`
  text = blankMatches(text, /\b[a-z][a-z0-9+.-]*:\/\/[^\s<>()]+/gi); // URLs
  text = blankMatches(text, /<\/?[a-z][^<>]*>/gi); // HTML tags (their text stays)
  return { text, inComment: open };
}

function blankMatches(text: string, pattern: RegExp, keep = 0): string {
  return text.replace(pattern, (match) => match.slice(0, keep) + blank(match.slice(keep)));
}

/** Spaces of the same UTF-16 length, so columns stay put. */
function blank(text: string): string {
  return ' '.repeat(text.length);
}
