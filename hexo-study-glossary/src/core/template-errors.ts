/**
 * Where a Nunjucks error is in a note's file.
 *
 * Hexo runs a note's tags (`{% … %}`, `{{ … }}`) after its Markdown, so
 * Nunjucks counts lines and columns in the rendered HTML, not in the file
 * the author edits. The tags reach the HTML unchanged (Hexo sets them aside
 * while Markdown renders), in the order they are written: the tags of the
 * failing HTML line are found as a run of the file's tags, and the one the
 * error's column points at gives the line.
 */

/** A tag as written in a text, and the 1-based line it starts on. */
export interface WrittenTag {
  text: string;
  /** The tag's name: the first word of a `{% … %}` tag, `''` for `{{ … }}`. */
  name: string;
  line: number;
  /** Its offset in the text. */
  index: number;
}

/**
 * Every `{% … %}` and `{{ … }}` of a note's file that Hexo runs, in order:
 * not those it sets aside unrun, in code (fenced or inline), in
 * `{% raw %}…{% endraw %}`, in HTML comments and in Nunjucks comments
 * (`{# … #}`), where a note shows tags as examples or drafts.
 */
export function runTags(raw: string): WrittenTag[] {
  return writtenTags(blankUnrun(raw));
}

const blank = (part: string): string => part.replace(/[^\n]/g, ' ');

/** `text` with the places Hexo runs no tags in blanked out, lines kept. */
function blankUnrun(text: string): string {
  return blankInline(blankFences(text));
}

/**
 * Fenced code blocks, as Hexo's backtick_code_block filter finds them
 * before anything else: a fence (in a list item or a quote too) closed by
 * a line holding the very same fence. One never closed is no block.
 */
function blankFences(text: string): string {
  const lines = text.split('\n');
  const fenceOf = (line: string) => /^[ \t>]*(?:(?:[-*+]|\d+\.)[ \t]+)?(`{3,}|~{3,})/.exec(line)?.[1];
  for (let index = 0; index < lines.length; index++) {
    const fence = fenceOf(lines[index]!);
    if (fence === undefined) continue;
    let end = index + 1;
    while (end < lines.length && !(/^[ \t>]*(`{3,}|~{3,})[ \t]*$/.exec(lines[end]!)?.[1] === fence)) end++;
    if (end === lines.length) continue;
    for (let line = index; line <= end; line++) lines[line] = blank(lines[line]!);
    index = end;
  }
  return lines.join('\n');
}

/**
 * Inline code, comments and raw blocks, in one pass from the start, as
 * Hexo's own scan meets them: a `<!--` inside inline code opens no comment.
 * An opener never closed is left as text.
 */
function blankInline(text: string): string {
  const opener = /\\`|`+|<!--|\{#|\{%-?\s*raw\s*-?%\}/g;
  let result = '';
  let last = 0;
  for (let match = opener.exec(text); match; match = opener.exec(text)) {
    const token = match[0];
    const start = match.index;
    if (token === '\\`') continue;
    const end = token.startsWith('`') ? closingRun(text, start + token.length, token.length) : closing(text, start + token.length, token);
    if (end === -1) continue;
    result += text.slice(last, start) + blank(text.slice(start, end));
    last = end;
    opener.lastIndex = end;
  }
  return result + text.slice(last);
}

/** The end of the next run of exactly `length` backticks from `from` in the same paragraph (inline code's end), or -1. */
function closingRun(text: string, from: number, length: number): number {
  const paragraphEnd = /\n[ \t]*\n/g;
  paragraphEnd.lastIndex = from;
  const limit = paragraphEnd.exec(text)?.index ?? text.length;
  const runs = /`+/g;
  runs.lastIndex = from;
  for (let run = runs.exec(text); run && run.index < limit; run = runs.exec(text)) if (run[0].length === length) return run.index + length;
  return -1;
}

/** The end of what closes `token` (`-->`, `#}`, `{% endraw %}`) from `from`, or -1. */
function closing(text: string, from: number, token: string): number {
  const close = token === '<!--' ? /-->/g : token === '{#' ? /#\}/g : /\{%-?\s*endraw\s*-?%\}/g;
  close.lastIndex = from;
  const found = close.exec(text);
  return found ? found.index + found[0].length : -1;
}

/**
 * Every `{% … %}` and `{{ … }}` in `text`, in order: each from its opening
 * to the first closing after it. Found with `indexOf`, and once no closing
 * of a kind is left, no more of that kind is looked for: a pattern's lazy
 * `[\s\S]*?%\}` read to the end of the note from every opening that has
 * none, time growing with the square of their number.
 */
export function writtenTags(text: string): WrittenTag[] {
  const tags: WrittenTag[] = [];
  let line = 1;
  let counted = 0;
  let blockClosings = true;
  let valueClosings = true;
  for (let open = text.indexOf('{'); open !== -1; ) {
    const second = text.charCodeAt(open + 1);
    const closing = second === 37 ? '%}' : second === 123 ? '}}' : undefined;
    const close = closing && (closing === '%}' ? blockClosings : valueClosings) ? text.indexOf(closing, open + 2) : -1;
    if (close === -1) {
      if (closing === '%}') blockClosings = false;
      else if (closing === '}}') valueClosings = false;
      open = text.indexOf('{', open + 1);
      continue;
    }
    for (let at = text.indexOf('\n', counted); at !== -1 && at < open; at = text.indexOf('\n', at + 1)) line++;
    counted = open;
    const tag = text.slice(open, close + 2);
    tags.push({ text: tag, name: closing === '%}' ? (/^\{%-?\s*([\w-]*)/.exec(tag)?.[1] ?? '') : '', line, index: open });
    open = text.indexOf('{', close + 2);
  }
  return tags;
}

/**
 * The line of `raw` (the note's file) that holds the tag Nunjucks failed on,
 * from the error's place in `html` (the text Nunjucks rendered): its line
 * and, when known, its column (1-based). `undefined` when it can't be told.
 */
export function templateErrorLine(raw: string, html: string, htmlLine: number, type: string, column?: number): number | undefined {
  const unknown = /^unknown block tag: ([\w-]+)/.exec(type)?.[1];
  const inFile = runTags(raw);
  // An end tag Nunjucks did not expect: the block left open before it.
  if (unknown?.startsWith('end')) {
    const open = leftOpenBefore(inFile, unknown);
    if (open) return open.line;
  }
  // A filter Nunjucks doesn't know: it gives no line at all, but names the
  // filter. Nunjucks stops at its first use.
  const filter = /^filter not found: ([\w$]+)/.exec(type)?.[1];
  if (filter !== undefined) return inFile.find((tag) => appliesFilter(tag, filter))?.line;
  // A runtime error names what it could not call or read (`foo`); Nunjucks
  // may count that line from 0, so the next HTML line is looked at too.
  const named = /`([^`]+)`/.exec(type)?.[1];
  // Nunjucks names a member as a lookup: `bar.baz()` fails as `bar["baz"]`.
  const mentions = (tag: WrittenTag) => named !== undefined && memberPath(tag.text).includes(memberPath(named));
  const lines = html.split('\n');
  const lineWithName = named === undefined ? undefined : [htmlLine, htmlLine + 1].find((at) => writtenTags(lines[at - 1] ?? '').some(mentions));
  if (lineWithName !== undefined) htmlLine = lineWithName;
  const onLine = writtenTags(lines[htmlLine - 1] ?? '');
  if (onLine.length > 0) {
    // The tag the error is at: the unknown one, else the last one starting at or before the column.
    let failing = onLine.findIndex((tag) => (unknown !== undefined && tag.name === unknown) || mentions(tag));
    if (failing === -1 && column !== undefined) {
      for (let index = 0; index < onLine.length; index++) if (onLine[index]!.index < column) failing = index;
    }
    if (failing === -1) failing = onLine.length - 1;
    // The HTML line's tags are a run of the file's (a line of the file may hold more, or a line of HTML several of the file's).
    for (let first = 0; first + onLine.length <= inFile.length; first++) {
      if (onLine.every((tag, offset) => inFile[first + offset]!.text === tag.text)) return inFile[first + failing]!.line;
    }
    const found = inFile.find((tag) => tag.text === onLine[failing]!.text);
    if (found) return found.line;
  }
  if (unknown !== undefined) return inFile.find((tag) => tag.name === unknown)?.line;
  // A block never closed (`{% if %}` without `{% endif %}`): where it opens.
  return /got end of file/.test(type) ? unclosedBlock(inFile)?.line : undefined;
}

/** `text` with member lookups written as Nunjucks names them in errors, `a.b` and `a['b']` as `a["b"]`. */
function memberPath(text: string): string {
  // Each match starts where a run of spaces does (`(?<!\s)`), not at every
  // space of it: tried from each, a long run took time growing with its square.
  return text.replace(/(?<!\s)\s*\[\s*(["'])([\w$]+)\1\s*\]/g, '["$2"]').replace(/(?<!\s)\s*\.\s*([A-Za-z_$][\w$]*)/g, '["$1"]');
}

/** `{{ x | name }}`, `{% if x | name(1) %}` or `{% filter name %}`: the tag applies filter `name`. */
function appliesFilter(tag: WrittenTag, name: string): boolean {
  const startsWithName = (text: string) => text.startsWith(name) && !/^[\w$]/.test(text.slice(name.length));
  if (tag.name === 'filter') return startsWithName(tag.text.replace(/^\{%-?\s*filter\s+/, ''));
  return tag.text.split('|').slice(1).some((after) => startsWithName(after.trimStart()));
}

/**
 * The block still open at the first `{% endX %}` that does not close the
 * innermost one (`{% if %}{% for %}…{% endif %}`: the `for`); `undefined`
 * when no block X is open there (a misspelled end tag: it is the error).
 */
function leftOpenBefore(tags: readonly WrittenTag[], end: string): WrittenTag | undefined {
  const open: WrittenTag[] = [];
  const closers = new Set(tags.filter((tag) => tag.name.startsWith('end')).map((tag) => tag.name.slice(3)));
  for (const tag of tags) {
    if (tag.name === end) {
      const index = open.map((opened) => opened.name).lastIndexOf(end.slice(3));
      if (index === -1) return undefined;
      if (index < open.length - 1) return open[open.length - 1];
      open.splice(index, 1);
    } else if (tag.name.startsWith('end')) {
      const index = open.map((opened) => opened.name).lastIndexOf(tag.name.slice(3));
      if (index !== -1) open.splice(index);
    } else if (closers.has(tag.name) || blockTags.has(tag.name)) {
      open.push(tag);
    }
  }
  return undefined;
}

/** Nunjucks' own tags that take an end tag. */
const blockTags = new Set(['if', 'for', 'asyncEach', 'asyncAll', 'macro', 'call', 'filter', 'raw', 'verbatim', 'block']);

/** The last block tag opened and never closed: `{% x %}` with no `{% endx %}` after it. */
function unclosedBlock(tags: readonly WrittenTag[]): WrittenTag | undefined {
  const closers = new Set(tags.filter((tag) => tag.name.startsWith('end')).map((tag) => tag.name.slice(3)));
  const open: WrittenTag[] = [];
  for (const tag of tags) {
    if (tag.name.startsWith('end')) {
      const index = open.map((opened) => opened.name).lastIndexOf(tag.name.slice(3));
      if (index !== -1) open.splice(index, 1);
    } else if (closers.has(tag.name) || blockTags.has(tag.name)) {
      open.push(tag);
    }
  }
  return open.at(-1);
}
