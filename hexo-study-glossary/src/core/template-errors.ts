/**
 * Where a Nunjucks error is in a note's file.
 *
 * Hexo runs a note's tags (`{% … %}`, `{{ … }}`) after its Markdown, so
 * Nunjucks counts lines in the rendered HTML, not in the file the author
 * edits. The tags reach the HTML unchanged (Hexo sets them aside while
 * Markdown renders), so the tag on the HTML line the error names is looked
 * up, as written, in the file.
 */

/** A tag as written in a text, and the 1-based line it starts on. */
export interface WrittenTag {
  text: string;
  /** The tag's name: the first word of a `{% … %}` tag, `''` for `{{ … }}`. */
  name: string;
  line: number;
}

/**
 * Every `{% … %}` and `{{ … }}` of a note's file that Hexo runs, in order:
 * not those it sets aside unrun, in code (fenced or inline), in
 * `{% raw %}…{% endraw %}` and in HTML comments, where a note shows tags
 * as examples.
 */
export function runTags(raw: string): WrittenTag[] {
  return writtenTags(blankUnrun(raw));
}

/** `text` with the places Hexo runs no tags in blanked out, lines kept. */
function blankUnrun(text: string): string {
  const blank = (part: string) => part.replace(/[^\n]/g, ' ');
  const lines = text.split('\n');
  let fence: string | undefined;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    // A fence may sit in a list item or a quote, as Hexo's backtick_code_block allows.
    const marker = /^[ \t>]*(?:(?:[-*+]|\d+\.)[ \t]+)?(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === undefined) {
      if (marker !== undefined) {
        fence = marker;
        lines[index] = blank(line);
      }
    } else {
      lines[index] = blank(line);
      if (marker !== undefined && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
    }
  }
  return lines
    .join('\n')
    .replace(/\{%-?\s*raw\s*-?%\}[\s\S]*?\{%-?\s*endraw\s*-?%\}/g, blank)
    .replace(/<!--[\s\S]*?-->/g, blank)
    .replace(/(?<!`)(`+)(?!`)[^\n]*?(?<!`)\1(?!`)/g, blank);
}

/** Every `{% … %}` and `{{ … }}` in `text`, in order. */
export function writtenTags(text: string): WrittenTag[] {
  const tags: WrittenTag[] = [];
  let line = 1;
  let counted = 0;
  for (const match of text.matchAll(/\{%-?\s*([\w-]*)[\s\S]*?%\}|\{\{[\s\S]*?\}\}/g)) {
    for (let at = text.indexOf('\n', counted); at !== -1 && at < match.index; at = text.indexOf('\n', at + 1)) line++;
    counted = match.index;
    tags.push({ text: match[0], name: match[1] ?? '', line });
  }
  return tags;
}

/**
 * The line of `raw` (the note's file) that holds the tag Nunjucks failed on:
 * one of the tags on line `htmlLine` of `html`, the text Nunjucks rendered.
 * For an unknown tag, the first tag of that name. `undefined` when no tag
 * of the HTML line is found as written in the file.
 */
export function templateErrorLine(raw: string, html: string, htmlLine: number, type: string): number | undefined {
  const unknown = /^unknown block tag: ([\w-]+)/.exec(type)?.[1];
  const inFile = runTags(raw);
  const onLine = writtenTags(html.split('\n')[htmlLine - 1] ?? '');
  // The file's line whose tags are those of the HTML line, in order (a
  // valid tag may also appear alone elsewhere); else the first line that
  // has one of them, the unknown tag first.
  const byLine = new Map<number, string[]>();
  for (const tag of inFile) byLine.set(tag.line, [...(byLine.get(tag.line) ?? []), tag.text]);
  const texts = onLine.map((tag) => tag.text);
  for (const [line, tags] of byLine) if (texts.length > 0 && containsInOrder(tags, texts)) return line;
  const candidates = unknown === undefined ? onLine : [...onLine.filter((tag) => tag.name === unknown), ...onLine];
  for (const candidate of candidates) {
    const found = inFile.find((tag) => tag.text === candidate.text);
    if (found) return found.line;
  }
  if (unknown !== undefined) return inFile.find((tag) => tag.name === unknown)?.line;
  // A block never closed (`{% if %}` without `{% endif %}`): where it opens.
  return /got end of file/.test(type) ? unclosedBlock(inFile)?.line : undefined;
}

/** Whether `list` holds every item of `items`, in that order. */
function containsInOrder(list: readonly string[], items: readonly string[]): boolean {
  let at = 0;
  for (const item of list) if (item === items[at]) at++;
  return at === items.length;
}

/** The last block tag opened and never closed: `{% x %}` with no `{% endx %}` after it. */
function unclosedBlock(tags: readonly WrittenTag[]): WrittenTag | undefined {
  const closers = new Set(tags.filter((tag) => tag.name.startsWith('end')).map((tag) => tag.name.slice(3)));
  const open: WrittenTag[] = [];
  for (const tag of tags) {
    if (tag.name.startsWith('end')) {
      const index = open.map((opened) => opened.name).lastIndexOf(tag.name.slice(3));
      if (index !== -1) open.splice(index, 1);
    } else if (closers.has(tag.name) || ['if', 'for', 'macro', 'call', 'filter', 'raw', 'verbatim'].includes(tag.name)) {
      open.push(tag);
    }
  }
  return open.at(-1);
}
