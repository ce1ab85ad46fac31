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
  const inFile = writtenTags(raw);
  const onLine = writtenTags(html.split('\n')[htmlLine - 1] ?? '');
  const candidates = unknown === undefined ? onLine : [...onLine.filter((tag) => tag.name === unknown), ...onLine];
  for (const candidate of candidates) {
    const found = inFile.find((tag) => tag.text === candidate.text);
    if (found) return found.line;
  }
  return unknown === undefined ? undefined : inFile.find((tag) => tag.name === unknown)?.line;
}
