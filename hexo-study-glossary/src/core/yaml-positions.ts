/**
 * Parse YAML with js-yaml's safe default schema and keep where each node
 * starts, so that validation errors can name a line and column.
 *
 * js-yaml has no AST, but its `listener` option reports every node it opens
 * and closes, in document order, with the parser's offset; replaying those
 * events gives a tree of node ranges that parallels the parsed value.
 */
import { load, YAMLException } from 'js-yaml';
import { quoteShort } from './shorten.js';

export interface PositionNode {
  kind: string | null;
  /** Offset of the node's first significant character. */
  start: number;
  /** For scalars, the value js-yaml produced (used to find mapping keys). */
  value: unknown;
  children: PositionNode[];
}

export interface ParsedYaml {
  value: unknown;
  root: PositionNode | undefined;
  /** The text parsed, which node offsets point into. */
  source: string;
  /** 1-based line and column of an offset in the source. */
  positionOf(offset: number): { line: number; column: number };
}

export class YamlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
    /** The key, when the error is a key given twice in one mapping. */
    readonly duplicateKey?: string,
  ) {
    super(duplicateKey === undefined ? message : `${message} ${quoteShort(duplicateKey)}`);
    this.name = 'YamlSyntaxError';
  }
}

interface ListenerState {
  position: number;
  kind: string | null;
  result: unknown;
}

/** `source` parsed; `firstLine` is the line of the file it starts on, for positions. */
export function parseYaml(source: string, filename: string, firstLine = 1): ParsedYaml {
  const stack: PositionNode[] = [];
  let root: PositionNode | undefined;
  let value: unknown;

  try {
    value = load(source, {
      filename,
      // Safe by default in js-yaml 4: `!!js/*` tags are unknown and rejected.
      json: false,
      listener(event: 'open' | 'close', state: ListenerState) {
        if (event === 'open') {
          stack.push({ kind: null, start: skipSpace(source, state.position), value: undefined, children: [] });
          return;
        }
        const node = stack.pop();
        if (!node) return;
        node.kind = state.kind;
        node.value = state.kind === 'scalar' ? state.result : undefined;
        const parent = stack[stack.length - 1];
        // An empty value (`summary:` and nothing) has no text of its own:
        // it is at the end of its key's line, not at whatever the next line
        // holds. (In a mapping, a value follows its key: an odd child.)
        const key = parent?.children.length && parent.children.length % 2 === 1 ? parent.children[parent.children.length - 1] : undefined;
        if (state.result === null && (state.kind === null || state.kind === 'scalar') && key) {
          const lineEnd = source.indexOf('\n', key.start);
          if (lineEnd !== -1 && lineEnd < node.start) node.start = source.slice(0, lineEnd).trimEnd().length;
        }
        if (parent) parent.children.push(node);
        else root = node;
      },
    } as Parameters<typeof load>[1]);
  } catch (error) {
    if (error instanceof RangeError) {
      // js-yaml reads nested values by recursion: nesting some thousands
      // deep runs out of stack, which would end the whole build unnamed.
      const { line, column } = deepestNesting(source);
      throw new YamlSyntaxError(`values nested too deeply for YAML to be read (${error.message}); flatten this value`, line + firstLine - 1, column);
    }
    if (error instanceof YAMLException) {
      const mark = (error as YAMLException & { mark?: { line: number; column: number; position: number } }).mark;
      const reason = error.reason || error.message;
      // js-yaml names no key; its mark is where the second one starts.
      const duplicate = reason === 'duplicated mapping key' && mark ? keyAt(source, mark.position) : undefined;
      if (!mark && reason.startsWith('expected a single document')) {
        // js-yaml gives no place: it is the marker that starts the second document.
        const line = secondDocumentLine(source);
        throw new YamlSyntaxError(`${reason}: one file holds one YAML document; remove the "---" here, or split the file`, line + firstLine, 1);
      }
      const hint = mark ? valueHint(reason, source, mark.position) || tabHint(reason, source, mark.position) : '';
      throw new YamlSyntaxError(`${reason}${hint}`, (mark?.line ?? 0) + firstLine, (mark?.column ?? 0) + 1, duplicate);
    }
    throw error;
  }

  const lineStarts = [0];
  for (let index = source.indexOf('\n'); index !== -1; index = source.indexOf('\n', index + 1)) {
    lineStarts.push(index + 1);
  }

  return {
    value,
    root,
    source,
    positionOf(offset) {
      let low = 0;
      let high = lineStarts.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if ((lineStarts[middle] ?? 0) <= offset) low = middle;
        else high = middle - 1;
      }
      return { line: low + firstLine, column: offset - (lineStarts[low] ?? 0) + 1 };
    },
  };
}

/** js-yaml's reasons for a value that is not plain text, whatever the value's first character. */
const valueReasons = ['bad indentation of a mapping entry', 'unidentified alias', 'tag name cannot contain such characters', 'a line break is expected'];

/**
 * What is wrong when js-yaml fails inside the value of a `key: value` line.
 * Its reasons name YAML's syntax, not the author's slip: "bad indentation
 * of a mapping entry" for `summary: 例: EKS` (an unquoted ": " starts a
 * second key), `summary: 'It's ok'` (the quote ends at `It`) or
 * `summary: [AWS] の説明`, and "unidentified alias" for `**EKS** は…`
 * (Markdown bold; `*` starts an alias). The hint says so, and shows the
 * value quoted as text.
 */
function valueHint(reason: string, source: string, position: number): string {
  if (!valueReasons.some((known) => reason.startsWith(known))) return '';
  const lineStart = source.lastIndexOf('\n', position - 1) + 1;
  const lineEnd = source.indexOf('\n', position);
  const line = source.slice(lineStart, lineEnd === -1 ? undefined : lineEnd).replace(/\r$/, '');
  const entry = /^(\s*(?:-\s+)?[^\s#'"{[\]}&*!|>%@`?-][^:]*?:)[ \t]+(\S.*)$/.exec(line);
  if (!entry || lineStart + entry[1]!.length >= position) return '';
  const key = entry[1]!.trim();
  const value = entry[2]!.trim();
  const first = value[0]!;
  if (first === "'" || first === '"') {
    // `'It's ok'`: the text meant is inside the outer quotes; the other kind of quotes holds it.
    const inner = value.length > 1 && value.endsWith(first) ? value.slice(1, -1) : value;
    const quoted = first === "'" ? JSON.stringify(inner) : `'${inner.replace(/'/g, "''")}'`;
    return `: the value's quotes end before the line does; quote all of it with the other kind of quotes (${key} ${quoted})`;
  }
  const quoted = JSON.stringify(value);
  if (first === '[' || first === '{') {
    return `: a value that starts with ${first} is a YAML ${first === '[' ? 'list' : 'mapping'}, which must end the line; if it is text, put it in quotes (${key} ${quoted})`;
  }
  if ('`@%*&!|>?-'.includes(first)) return `: a value that starts with ${first} is YAML syntax, not text; put it in quotes (${key} ${quoted})`;
  if (source[position] === ':') return `: the value contains ": ", which YAML reads as another key; put it in quotes (${key} ${quoted})`;
  return '';
}

/** A document marker (`---`, or `...` that ends one), at the start of a line. */
const documentMarker = /^(?:---|\.\.\.)(?:\s|$)/;

/**
 * The line (from 0) of the `---` that starts a second document in
 * `source`: the first one after some content, or after a `...`.
 */
function secondDocumentLine(source: string): number {
  const lines = source.split('\n');
  let content = false;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (line.startsWith('...') && documentMarker.test(line)) content = true; // a document ended: the next starts another
    else if (documentMarker.test(line)) {
      if (content) return index;
    } else if (/^[^\s#%]/.test(line) || /^\s+[^\s#]/.test(line)) content = true;
  }
  return 0;
}

/**
 * A tab in the indentation of the line js-yaml stopped at. js-yaml names
 * it in some places ("tab characters must not be used in indentation"),
 * not in others: a file whose first line starts with a tab is "end of the
 * stream or a document separator is expected", and a tab after spaces "bad
 * indentation of a mapping entry".
 */
function tabHint(reason: string, source: string, position: number): string {
  if (reason.includes('tab')) return '';
  const lineStart = source.lastIndexOf('\n', position - 1) + 1;
  const indent = /^[ \t]*/.exec(source.slice(lineStart, position))?.[0] ?? '';
  return indent.includes('\t') ? ': the line is indented with a tab, which YAML does not allow; indent with spaces' : '';
}

/**
 * The line as written when a comment cut the plain scalar `node` short:
 * YAML reads a `#` after a space, and the rest of the line, as a comment,
 * so `summary: 手順 #1` is "手順" and `Issue #12` loses its number without
 * a word. A comment written as one, `# text` with a space after the `#`,
 * is taken as meant; `#1` or `#タグ` is text.
 */
export function cutByComment(source: string, node: PositionNode): string | undefined {
  if (node.kind !== 'scalar' || typeof node.value !== 'string' || node.value === '') return undefined;
  const lineEnd = source.indexOf('\n', node.start);
  const line = source.slice(node.start, lineEnd === -1 ? undefined : lineEnd).replace(/\r$/, '');
  // A quoted or block scalar starts with its mark, not its value.
  if (!line.startsWith(node.value)) return undefined;
  return /^[ \t]+#[^\s#]/.test(line.slice(node.value.length)) ? line.trimEnd() : undefined;
}

/**
 * A mapping key that YAML read as something other than the text written:
 * js-yaml makes a key of any scalar, so `1.0:` is the key "1", `0x1F:`
 * "31", `~:` "null" and `2024-01-01:` a date's string. A key written as its
 * value reads (`1:`, `true:`) is kept.
 */
export function misreadKey(source: string, node: PositionNode): { text: string; as: string } | undefined {
  const { value } = node;
  if (node.kind !== 'scalar' || typeof value === 'string') return undefined;
  const lineEnd = source.indexOf('\n', node.start);
  const line = source.slice(node.start, lineEnd === -1 ? undefined : lineEnd);
  const colon = /:(?:[ \t]|\r?$)/.exec(line);
  const text = (colon ? line.slice(0, colon.index) : line).trimEnd();
  if (text === String(value)) return undefined;
  const as =
    value === null ? 'null'
    : value instanceof Date ? 'a date'
    : typeof value === 'number' ? `the number ${String(value)}`
    : typeof value === 'boolean' ? `the boolean ${String(value)}`
    : `${quoteShort(String(value))}`;
  return { text, as };
}

/** Every scalar under `node`, itself included, in document order. */
export function scalarNodes(node: PositionNode | undefined): PositionNode[] {
  if (!node) return [];
  return node.kind === 'scalar' ? [node] : node.children.flatMap(scalarNodes);
}

/** Child node of a mapping node by key, or of a sequence node by index. */
export function childNode(node: PositionNode | undefined, segment: string | number): PositionNode | undefined {
  if (!node) return undefined;
  const unwrapped = unwrap(node);
  if (unwrapped.kind === 'sequence') {
    return typeof segment === 'number' ? unwrapped.children[segment] : undefined;
  }
  if (unwrapped.kind === 'mapping') {
    const pairs = unwrapped.children;
    for (let index = 0; index + 1 < pairs.length; index += 2) {
      if (String(pairs[index]?.value) === String(segment)) return pairs[index + 1];
    }
  }
  return undefined;
}

/** The key node of `key` in a mapping node. */
export function keyNode(node: PositionNode | undefined, key: string): PositionNode | undefined {
  if (!node) return undefined;
  const pairs = unwrap(node).children;
  for (let index = 0; index + 1 < pairs.length; index += 2) {
    if (String(pairs[index]?.value) === key) return pairs[index];
  }
  return undefined;
}

// A flow mapping inside a sequence is reported twice by js-yaml, nested.
function unwrap(node: PositionNode): PositionNode {
  let current = node;
  while (current.children.length === 1 && current.children[0]?.kind === current.kind) {
    current = current.children[0];
  }
  return current;
}

function skipSpace(source: string, offset: number): number {
  let index = offset;
  for (;;) {
    const char = source.charCodeAt(index);
    if (char === 0x20 || char === 0x09 || char === 0x0a || char === 0x0d) index++;
    else if (char === 0x23) {
      // A comment before the node: skip to the end of its line.
      const end = source.indexOf('\n', index);
      if (end === -1) return source.length;
      index = end + 1;
    } else return index;
  }
}

/** The key written at `offset` (`EKS:`, `"C++":`), quotes taken off. */
function keyAt(source: string, offset: number): string | undefined {
  const line = source.slice(offset, source.indexOf('\n', offset) === -1 ? undefined : source.indexOf('\n', offset));
  const quoted = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)')\s*:(?:\s|$)/.exec(line);
  if (quoted) return quoted[1] ?? quoted[2]!.replace(/''/g, "'");
  // A plain key ends at the first `:` followed by a space or the line's end
  // (`AWS::S3::Bucket:`, `C#:`); a `#` after a space starts a comment.
  const end = /:(?:\s|$)/.exec(line);
  if (!end) return undefined;
  const key = line.slice(0, end.index).trimEnd();
  return key === '' || /\s#/.test(key) ? undefined : key;
}

/**
 * Where a quote or a flow collection (`[`, `{`) opens in `text` and is never
 * closed (1-based), or `undefined`. js-yaml reports such an error at the
 * end of the text, which may be many entries later. A quote counts only
 * where a value starts (`Let's` inside plain text is no quote).
 */
export function unclosedAt(text: string): { line: number; column: number } | undefined {
  const lines = text.split('\n');
  let quote: { char: string; line: number; column: number } | undefined;
  const open: { line: number; column: number }[] = [];
  const blockScalar = blockScalarLines();
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    // A block scalar's lines are text, quotes and brackets included.
    if (blockScalar(line, !quote && open.length === 0) !== 'node') continue;
    for (let at = 0; at < line.length; at++) {
      const char = line[at]!;
      if (quote) {
        if (quote.char === '"' && char === '\\') at++;
        else if (char === quote.char && quote.char === "'" && line[at + 1] === "'") at++;
        else if (char === quote.char) quote = undefined;
        continue;
      }
      const before = line.slice(0, at).trimEnd();
      const startsValue = before === '' || /[:\-[{,?]$/.test(before);
      if (char === '#' && (at === 0 || /\s/.test(line[at - 1]!))) break;
      if ((char === '"' || char === "'") && startsValue) quote = { char, line: index + 1, column: at + 1 };
      else if ((char === '[' || char === '{') && (startsValue || open.length > 0)) open.push({ line: index + 1, column: at + 1 });
      else if ((char === ']' || char === '}') && open.length > 0) open.pop();
    }
  }
  if (quote) return { line: quote.line, column: quote.column };
  return open[0];
}

/**
 * Tells, line after line, which lines hold a block scalar (`key: |` or
 * `>`): its header, then its `text` (more indented, or blank), where
 * quotes, brackets, `&` and `#` are only text. `mayOpen` false: this line
 * can't be a header (it is inside a quote, or a comment).
 */
export function blockScalarLines(): (line: string, mayOpen?: boolean) => 'header' | 'text' | 'node' {
  /** Indentation of the header whose scalar the next lines may belong to. */
  let header: number | undefined;
  return (line, mayOpen = true) => {
    const indent = line.length - line.trimStart().length;
    if (header !== undefined) {
      if (line.trim() === '' || indent > header) return 'text';
      header = undefined;
    }
    if (mayOpen && /(?:^|[:\-]\s)\s*[|>][-+0-9]*\s*(?:#.*)?$/.test(line)) {
      header = indent;
      return 'header';
    }
    return 'node';
  };
}

/** A top-level entry of a YAML mapping. */
export interface TopLevelBlock {
  /** Its lines' text (parse it with `firstLine: line` for the file's positions). */
  text: string;
  /** The entry's key as written, when it can be read. */
  key: string | undefined;
  /** Its lines in the file: from `start` (0-based) to before `end`. */
  start: number;
  end: number;
  /** The entry's first line (1-based) and its text. */
  line: number;
  firstLine: string;
  /** The end of its last line that is not blank. */
  lastLine: { line: number; column: number };
}

/**
 * The top-level entries of `source`: each starts at a line that begins
 * with neither a space nor a comment, and runs to the next one. (A
 * multi-line value is indented; only a flow scalar continued at column 1
 * breaks this, which a file that parses does not need.)
 */
export function topLevelBlocks(source: string): TopLevelBlock[] {
  const lines = source.split('\n');
  const starts: number[] = [];
  lines.forEach((line, index) => {
    // Not a document marker (`---`, `...`) nor a directive (`%YAML 1.2`).
    if (/^[^\s#%]/.test(line) && !documentMarker.test(line)) starts.push(index);
  });
  return starts.map((start, index) => {
    // An entry ends at the next one, or at a document marker: read with the
    // `---` after it, the last entry of a document failed as two documents.
    let end = starts[index + 1] ?? lines.length;
    for (let line = start + 1; line < end; line++) {
      if (documentMarker.test(lines[line] ?? '')) {
        end = line;
        break;
      }
    }
    const text = lines.slice(start, end).join('\n');
    let last = end - 1;
    while (last > start && !(lines[last] ?? '').trim()) last--;
    const firstLine = lines[start] ?? '';
    return { text, key: keyAt(firstLine, 0), start, end, line: start + 1, firstLine, lastLine: { line: last + 1, column: (lines[last] ?? '').trimEnd().length + 1 } };
  });
}

/**
 * Where `source` nests deepest, 1-based: the first `[` or `{` that opens
 * the most flow collections at once, or else the first line indented the
 * most. A guess at the place that ran js-yaml out of stack, for the message.
 */
function deepestNesting(source: string): { line: number; column: number } {
  let depth = 0;
  let deepest = 0;
  let deepestAt = -1;
  let quote = 0;
  for (let index = 0; index < source.length; index++) {
    const unit = source.charCodeAt(index);
    if (quote !== 0) {
      if (unit === quote) quote = 0;
    } else if (unit === 34 || unit === 39) {
      quote = unit;
    } else if (unit === 91 || unit === 123) {
      if (++depth > deepest) [deepest, deepestAt] = [depth, index];
    } else if (unit === 93 || unit === 125) {
      depth = Math.max(0, depth - 1);
    } else if (unit === 10) {
      quote = 0;
    }
  }
  if (deepest > 1) {
    const before = source.slice(0, deepestAt);
    return { line: before.split('\n').length, column: deepestAt - before.lastIndexOf('\n') };
  }
  let line = 0;
  let indent = -1;
  source.split('\n').forEach((text, index) => {
    const own = text.length - text.trimStart().length;
    if (text.trim() !== '' && own > indent) [line, indent] = [index, own];
  });
  return { line: line + 1, column: indent + 1 };
}
