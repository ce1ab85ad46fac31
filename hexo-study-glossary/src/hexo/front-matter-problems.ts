/**
 * Front matter that Hexo would silently mishandle, found the way Hexo reads it.
 *
 * Hexo drops a note whose front matter is not valid YAML (it logs `Process
 * failed` and exits 0; `hexo server` keeps the version it read before),
 * shows front matter that is not a mapping as text, and dates a note with
 * an unreadable `date` by the file's creation time.
 * This module splits a file with hexo-front-matter's own `split` and
 * `escape` (tabs at the start of lines become spaces there), so it sees the
 * same front matter Hexo sees, and parses it with positions. Positions
 * count in the file, not in the YAML block: the block starts on line 2
 * after a leading `---`, on line 1 in Hexo's separator-last style.
 */
import { escape as escapeTabs, split } from 'hexo-front-matter';
import { childNode, keyNode, parseYaml, unclosedAt, YamlSyntaxError, type ParsedYaml, type PositionNode } from '../core/yaml-positions.js';
import { codePoint } from '../core/shorten.js';
import { isMapping } from '../core/is-mapping.js';
import { describeValue } from '../core/describe-value.js';

export interface FrontMatterProblem {
  /** 1-based, in the file as written. */
  line: number;
  column: number;
  message: string;
}

/** Front matter keys Hexo reads as dates (post and page processors). */
const dateKeys: readonly string[] = ['date', 'updated'];

const dateExample = 'write it like 2024-01-02 or 2024-01-02 10:00:00';

export interface FrontMatterOptions {
  /** A post (tags and categories are read) rather than a page. */
  post?: boolean;
  /**
   * Hexo holds an earlier version of the file that stays on the site when
   * it can't read this one (`hexo server` keeps what it last read). Without
   * it, a file Hexo can't read is left out, as in a clean build.
   */
  earlierVersionKept?: boolean;
}

/**
 * Problems of a note's or page's front matter; `[]` when Hexo reads it as
 * meant. `content` is the file as read (a byte order mark and CRLF line
 * ends are fine: Hexo removes them before it splits).
 */
export function frontMatterProblems(content: string, { post = true, earlierVersionKept = false }: FrontMatterOptions = {}): FrontMatterProblem[] {
  const text = content.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  const parts = split(text);
  if (parts.data === undefined) return unclosedProblems(text);
  const { data, separator, prefixSeparator } = parts;
  const firstLine = prefixSeparator ? 2 : 1;
  const unread = earlierVersionKept ? 'Hexo keeps the last version it could read on the site until this is fixed' : 'Hexo leaves this file out of the site';
  return separator.startsWith(';') ? jsonProblems(data, firstLine, prefixSeparator) : yamlProblems(data, firstLine, prefixSeparator, post, unread);
}

/** `unread` says what becomes of a file Hexo can't read. */
function yamlProblems(data: string, firstLine: number, prefixSeparator: boolean, post: boolean, unread: string): FrontMatterProblem[] {
  const blockLines = data.split('\n');
  // js-yaml counts columns in the escaped text; give them back in the file's.
  const at = (line: number, column: number, message: string): FrontMatterProblem => ({
    line: line + firstLine - 1,
    column: unescapedColumn(blockLines, line, column),
    message,
  });

  const yaml = escapeTabs(data);
  let parsed: ParsedYaml;
  try {
    parsed = parseYaml(yaml, 'front matter');
  } catch (error) {
    if (!(error instanceof YamlSyntaxError)) throw error;
    // js-yaml reports a quote or bracket never closed at the end of the
    // block, the closing `---`, which says nothing of where it is.
    const opening = /^unexpected end of the stream/.test(error.message) ? unclosedAt(yaml) : undefined;
    if (opening) return [at(opening.line, opening.column, `front matter is not valid YAML: ${error.message}: it opens here and is never closed; ${unread}`)];
    return [at(error.line, error.column, `front matter is not valid YAML: ${error.message}; ${unread}`)];
  }

  const { value, root } = parsed;
  const nodeAt = (node: PositionNode | undefined, message: string) => {
    const position = node ? parsed.positionOf(node.start) : { line: 1, column: 1 };
    return at(position.line, position.column, message);
  };

  if (Array.isArray(value)) {
    // Hexo takes a list for the note's data and then fails to store it.
    return [nodeAt(root, `front matter must be a mapping of "key: value" lines, got a list; ${unread}`)];
  }
  if (!isMapping(value)) {
    // Without a leading `---`, text before a `---` line that is not a
    // mapping is simply the start of the note: Hexo keeps it as text.
    if (!prefixSeparator) return [];
    // Only comments: js-yaml has no node to point at.
    return [nodeAt(value === null || value === undefined ? undefined : root, `front matter must be a mapping of "key: value" lines, got ${describe(value)}; Hexo would show it as text`)];
  }

  const problems: FrontMatterProblem[] = [];
  for (const key of dateKeys) {
    const node = childNode(root, key);
    const raw = node && value[key] instanceof Date ? scalarText(node, yaml) : undefined;
    const message = dateProblem(key, value[key], raw);
    if (message) problems.push(nodeAt(node, message));
  }
  for (const [key, check] of Object.entries(glossaryKeys)) {
    const message = key in value ? check(value[key]) : undefined;
    if (message) problems.push(nodeAt(childNode(root, key), message));
  }
  // Hexo reads tags and categories of posts only.
  for (const key of post ? ['tags', 'categories'] : []) {
    const message = key in value ? listProblem(key, value[key]) : undefined;
    if (message) problems.push(nodeAt(childNode(root, key), message));
  }
  for (const key of ['title', 'description']) {
    const control = typeof value[key] === 'string' ? controlCharacter(value[key]) : undefined;
    if (control) problems.push(nodeAt(childNode(root, key), `"${key}" contains the control character ${control}, which the Atom feed (XML) cannot carry`));
  }
  return problems;
}

/** Hexo makes a tag of each item's text: a mapping became the tag "[object Object]". */
function listProblem(key: string, value: unknown): string | undefined {
  const items = Array.isArray(value) ? (value as unknown[]).flat() : [value];
  const odd = items.find((item) => item !== null && typeof item === 'object' && !(item instanceof Date));
  return odd === undefined ? undefined : `"${key}" must be a name or a list of names, got ${Array.isArray(value) ? `an item that is ${describe(odd)}` : describe(value)}`;
}

/** The first C0 control character of `text` (tabs and line breaks are fine), as U+XXXX. */
function controlCharacter(text: string): string | undefined {
  const found = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.exec(text)?.[0];
  return found === undefined ? undefined : codePoint(found);
}

/**
 * The plugin's own front matter switches. YAML 1.2 (js-yaml 4) reads
 * `no`, `off` and `"false"` as strings: a note written that way was
 * linked, and nothing said so.
 */
const glossaryKeys: Record<string, (value: unknown) => string | undefined> = {
  glossary: (value) => (typeof value === 'boolean' || value === null ? undefined : `"glossary" must be true or false, got ${describe(value)}; the note is linked as if it were true`),
  glossary_exclude: (value) =>
    value === null || typeof value === 'string' || (Array.isArray(value) && value.every((name) => typeof name === 'string'))
      ? undefined
      : `"glossary_exclude" must be a list of terms, got ${Array.isArray(value) ? 'a list with other things than names' : describe(value)}`,
};

/**
 * The names in `text` written with commas between them, as a list written
 * by mistake as one string: `glossary_exclude: EKS, IAM` (`、` and `，`
 * too). Split, then trimmed: `\s*` on both sides of the comma in a pattern
 * took time growing with the square of a run of spaces that has none.
 */
export function commaSeparated(text: string): string[] {
  return text.split(/[,、，]/).map((part) => part.trim()).filter((part) => part !== '');
}

/**
 * The line of the `index`th item (or of the key itself, without `index`) of
 * front matter key `key` in a note's file, for messages about it; `undefined`
 * when the front matter doesn't parse or has no such key.
 */
export function frontMatterLine(content: string, key: string, index?: number): number | undefined {
  const text = content.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  const { data, separator, prefixSeparator } = split(text);
  if (data === undefined || separator?.startsWith(';')) return undefined;
  try {
    const parsed = parseYaml(escapeTabs(data), 'front matter', prefixSeparator ? 2 : 1);
    const value = childNode(parsed.root, key);
    const node = index === undefined ? keyNode(parsed.root, key) : (childNode(value, index) ?? keyNode(parsed.root, key));
    return node ? parsed.positionOf(node.start).line : undefined;
  } catch {
    return undefined;
  }
}

/** Keys of front matter Hexo, the landscape theme and this plugin read. */
const frontMatterKeys = new Set(
  'title date updated tags categories permalink layout comments excerpt description keywords lang published slug author photos disableNunjucks glossary glossary_exclude'.split(' '),
);

/**
 * A file that opens front matter with `---` (or `;;;`) and never closes it:
 * Hexo shows all of it as text. Told from a note that starts with a
 * thematic break by what follows the opening line, up to the first line
 * of prose: a key Hexo reads (`title: …`), or two `key: value` lines.
 * Comments, blank lines and a value's indented lines may come between.
 */
function unclosedProblems(text: string): FrontMatterProblem[] {
  const lines = text.split('\n');
  const opening = /^(-{3,}|;{3,})(\s*)$/.exec(lines[0] ?? '');
  if (opening === null) return [];
  const [, separator = '', space = ''] = opening;
  const closed = lines.slice(1).some((line) => line.trimEnd() === separator);
  // Closed, but Hexo reads no front matter: its pattern wants the separator alone on the line.
  if (closed && space !== '') {
    return [{ line: 1, column: separator.length + 1, message: `spaces after "${separator}" on the first line: Hexo then reads no front matter, and shows it as text` }];
  }
  if (closed) return [];
  let keys = 0;
  let known = false;
  for (const line of lines.slice(1)) {
    if (line.trim() === '' || line.trimStart().startsWith('#') || /^\s/.test(line) || line.startsWith('- ')) continue;
    const key = /^["']?([\w-]+)["']?\s*:(?:\s|$)/.exec(line)?.[1];
    if (key === undefined) break;
    keys++;
    known ||= frontMatterKeys.has(key);
  }
  if (!known && keys < 2) return [];
  return [{ line: 1, column: 1, message: `front matter opened by "${separator}" is never closed (no "${separator}" line after it); Hexo shows the whole file as text, with no title or date` }];
}

/** `;;;` front matter is JSON without its braces (hexo-front-matter's `parseJSON`). */
function jsonProblems(data: string, firstLine: number, prefixSeparator: boolean): FrontMatterProblem[] {
  const blockLines = data.split('\n');
  let value: unknown;
  try {
    value = JSON.parse(`{${data}}`);
  } catch (error) {
    // Hexo then keeps the whole file as text; without a leading `;;;` that is just a note.
    if (!prefixSeparator) return [];
    const offset = /at position (\d+)/.exec((error as Error).message);
    const position = offset ? offsetPosition(blockLines, Math.max(0, Number(offset[1]) - 1)) : { line: 1, column: 1 };
    // V8 quotes the JSON itself in some messages (`Unexpected token '}', ..."x"}" is not valid JSON`): keep one line.
    const reason = (error as Error).message.replace(/\s*\(line \d+ column \d+\)$/, '').replace(/, (?:\.\.\.)?"[\s\S]*$/, '');
    return [{ line: position.line + firstLine - 1, column: position.column, message: `front matter after ";;;" is not valid JSON: ${reason}; Hexo would show it as text` }];
  }
  const problems: FrontMatterProblem[] = [];
  for (const key of dateKeys) {
    const message = dateProblem(key, (value as Record<string, unknown>)[key], undefined);
    if (!message) continue;
    // JSON has no positions to hand: point at the line that names the key.
    const index = blockLines.findIndex((line) => line.includes(`"${key}"`));
    const line = index === -1 ? 0 : index;
    problems.push({ line: line + firstLine, column: index === -1 ? 1 : (blockLines[line] ?? '').indexOf(`"${key}"`) + 1, message });
  }
  return problems;
}

/**
 * Why Hexo would not date a note by this value, or `undefined`. Hexo reads
 * a value with `new Date(value)`; an unreadable one silently becomes the
 * file's creation time, and an impossible day (`2024-02-30`) rolls over.
 * `raw` is the value as written when YAML already made a Date of it.
 */
export function dateProblem(key: string, value: unknown, raw: string | undefined): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return `"${key}" is not a valid date; ${dateExample}`;
    return raw !== undefined && !calendarFieldsValid(raw) ? `"${key}" is not a real date: ${raw}; ${dateExample}` : undefined;
  }
  if (typeof value === 'string') {
    if (Number.isNaN(new Date(value).getTime())) return `"${key}" is not a date Hexo can read: ${JSON.stringify(value)}; ${dateExample}`;
    return calendarFieldsValid(value.trim()) ? undefined : `"${key}" is not a real date: ${JSON.stringify(value)}; ${dateExample}`;
  }
  // Hexo would read a number as milliseconds since 1970, and a list or `true` as whatever Date makes of it.
  return `"${key}" must be a date, got ${describe(value)}; ${dateExample}`;
}

/** Numeric dates (`2024-02-30 10:00`) whose day, month or time does not exist; other forms pass. */
function calendarFieldsValid(text: string): boolean {
  const match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:(?:[Tt]|\s+)(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?)?/.exec(text);
  if (!match) return true;
  const [year, month, day, hour = 0, minute = 0, second = 0] = match.slice(1).map((part) => (part === undefined ? undefined : Number(part))) as number[];
  if (month! < 1 || month! > 12 || day! < 1) return false;
  const daysInMonth = new Date(Date.UTC(year!, month!, 0)).getUTCDate();
  return day! <= daysInMonth && hour <= 23 && minute <= 59 && second <= 59;
}

/** The plain scalar at `node` as written: to the end of its line, without a comment. */
function scalarText(node: PositionNode, source: string): string {
  const end = source.indexOf('\n', node.start);
  const line = source.slice(node.start, end === -1 ? undefined : end);
  // A space and `#` start a comment. Found by its one pair of characters:
  // `/\s+#.*$/` took time growing with the square of a run of spaces.
  const comment = line.search(/\s#/);
  return (comment === -1 ? line : line.slice(0, comment)).trim();
}

/**
 * hexo-front-matter turns each tab at the start of a line (after the
 * first) into two spaces before js-yaml sees it.
 */
function unescapedColumn(blockLines: readonly string[], line: number, column: number): number {
  if (line < 2) return column;
  const tabs = /^\t*/.exec(blockLines[line - 1] ?? '')?.[0].length ?? 0;
  if (tabs === 0) return column;
  return column <= 2 * tabs ? Math.ceil(column / 2) : column - tabs;
}

function offsetPosition(lines: readonly string[], offset: number): { line: number; column: number } {
  let rest = offset;
  for (let index = 0; index < lines.length; index++) {
    const length = (lines[index] ?? '').length + 1;
    if (rest < length) return { line: index + 1, column: rest + 1 };
    rest -= length;
  }
  return { line: lines.length, column: 1 };
}

/** What a value of front matter is; a whole block with no value in it is only comments. */
function describe(value: unknown): string {
  return value === null || value === undefined ? 'nothing (only comments)' : describeValue(value);
}
