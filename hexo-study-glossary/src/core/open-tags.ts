/**
 * Finds opening tags in a full HTML page and edits them in place.
 *
 * The page is tokenized with htmlparser2, so tags inside comments, scripts
 * or escaped code never count; the page itself is never re-serialized: an
 * edit splices into the original string and leaves every other byte alone.
 */
import { Parser } from 'htmlparser2';
import { escapeAttribute } from './escape.js';

export interface OpenTag {
  /** Lower-case element name. */
  name: string;
  /** Attribute values, decoded; names lower-case. */
  attributes: Readonly<Record<string, string>>;
  /** Index of `<`. */
  start: number;
  /** Index just after `>`. */
  end: number;
}

/**
 * Opening tags for which `wanted` is true, in document order; stops after
 * `limit` of them (default: all), or at the first `until` tag (default:
 * none), so that a search confined to `<head>` need not tokenize the body.
 */
export function findOpenTags(
  html: string,
  wanted: (tag: Omit<OpenTag, 'start' | 'end'>) => boolean,
  limit = Infinity,
  until?: string,
): OpenTag[] {
  const found: OpenTag[] = [];
  if (limit <= 0) return found;
  const parser: Parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === until) {
          parser.pause();
          return;
        }
        if (found.length >= limit || !wanted({ name, attributes })) return;
        found.push({ name, attributes, start: parser.startIndex, end: parser.endIndex + 1 });
        if (found.length >= limit) parser.pause();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return found;
}

/** The first opening tag named `name`, if any. */
export function findOpenTag(html: string, name: string): OpenTag | undefined {
  return findOpenTags(html, (tag) => tag.name === name, 1)[0];
}

/**
 * `tag` rewritten with `attributes` set (a value of `undefined` removes the
 * attribute); other attributes keep their order and original spelling, and
 * a new attribute goes last.
 */
export function setAttributes(html: string, tag: OpenTag, attributes: Readonly<Record<string, string | undefined>>): string {
  const source = html.slice(tag.start, tag.end);
  const head = /^<[^\s/>]+/.exec(source)?.[0] ?? `<${tag.name}`;
  const selfClosing = /\/\s*>$/.test(source);
  const pieces = rawAttributes(source.slice(head.length, source.length - (selfClosing ? 2 : 1)));
  const pending = new Map(Object.entries(attributes).map(([name, value]) => [name.toLowerCase(), value]));
  const kept: string[] = [];
  for (const piece of pieces) {
    if (!pending.has(piece.name)) {
      kept.push(piece.raw);
      continue;
    }
    const value = pending.get(piece.name);
    pending.delete(piece.name);
    if (value !== undefined) kept.push(`${piece.name}="${escapeAttribute(value)}"`);
  }
  for (const [name, value] of pending) if (value !== undefined) kept.push(`${name}="${escapeAttribute(value)}"`);
  const rewritten = `${head}${kept.map((raw) => ` ${raw}`).join('')}${selfClosing ? ' />' : '>'}`;
  return html.slice(0, tag.start) + rewritten + html.slice(tag.end);
}

/** The attributes of an opening tag's inside, as written, with lower-case names. */
function rawAttributes(inside: string): { name: string; raw: string }[] {
  const pieces: { name: string; raw: string }[] = [];
  const attribute = /([^\s"'>\/=]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g;
  for (const match of inside.matchAll(attribute)) pieces.push({ name: (match[1] ?? '').toLowerCase(), raw: match[0] });
  return pieces;
}

/** `html` with the whole element that `tag` opens removed, when it is a void element (`link`, `meta`). */
export function removeVoidTag(html: string, tag: OpenTag): string {
  // Also take the line break after it, so no blank line is left behind.
  const after = /^[ \t]*\r?\n/.exec(html.slice(tag.end))?.[0].length ?? 0;
  return html.slice(0, tag.start) + html.slice(tag.end + after);
}
