/**
 * Finds opening tags in a full HTML page and edits them in place.
 *
 * The page is tokenized with htmlparser2, so tags inside comments, scripts
 * or escaped code never count; the page itself is never re-serialized: an
 * edit splices into the original string and leaves every other byte alone.
 */
import { decodeHTMLAttribute } from 'entities/decode';
import type { Tokenizer, TokenizerCallbacks } from 'htmlparser2';
import { SkippingTokenizer } from './scan-html.js';
import { escapeAttribute } from './escape.js';
import type { PageEdit } from './page-edits.js';

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

/** What `findOpenTags` looks at, and how far. */
export interface FindOpenTagsOptions {
  /** Only tags with these (lower-case) names are read and handed to `wanted`; default: every tag. */
  names?: ReadonlySet<string> | undefined;
  /** Stop after this many tags are found; default: no limit. */
  limit?: number | undefined;
  /** Stop at the first start tag with this (lower-case) name, so that a search confined to `<head>` need not tokenize the body; default: none. */
  until?: string | undefined;
}

/**
 * Opening tags as written, in document order, for which `wanted` is true.
 *
 * htmlparser2's tokenizer (the linker's, which skips ahead with `indexOf`)
 * tells tags from comments, scripts and other raw text; the attributes of
 * a tag are read only when its name is in `names`. With htmlparser2's
 * Parser, which builds every attribute of every tag, finding the header's
 * search icon took about 0.1 ms a page (some 300 ms of a 2,000-note build).
 * Unlike the Parser, a tag that no start tag wrote (the `p` a lone `</p>`
 * implies) is not reported: it has no place in the page to edit.
 */
export function findOpenTags(html: string, wanted: (tag: Omit<OpenTag, 'start' | 'end'>) => boolean, options: FindOpenTagsOptions = {}): OpenTag[] {
  const { names, limit = Infinity, until } = options;
  const found: OpenTag[] = [];
  if (limit <= 0) return found;
  let name = '';
  let start = -1;
  // The attributes of the tag being read; undefined when it isn't looked at.
  let attributes: Record<string, string> | undefined;
  let attribute = '';
  let valueStart = -1;
  let valueEnd = -1;
  const endTag = (end: number): void => {
    if (attributes !== undefined && wanted({ name, attributes })) {
      found.push({ name, attributes, start, end: end + 1 });
      if (found.length >= limit) tokenizer.pause();
    }
    attributes = undefined;
  };
  const callbacks: TokenizerCallbacks = {
    onopentagname(nameStart, nameEnd) {
      name = html.slice(nameStart, nameEnd).toLowerCase();
      start = nameStart - 1;
      attributes = undefined;
      if (name === until) tokenizer.pause();
      else if (names === undefined || names.has(name)) attributes = Object.create(null) as Record<string, string>;
    },
    onattribname(nameStart, nameEnd) {
      if (attributes === undefined) return;
      attribute = html.slice(nameStart, nameEnd).toLowerCase();
      valueStart = -1;
    },
    onattribdata(dataStart, dataEnd) {
      if (attributes === undefined) return;
      if (valueStart < 0) valueStart = dataStart;
      valueEnd = dataEnd;
    },
    onattribend() {
      // The first of two attributes with one name counts, as in a browser.
      if (attributes !== undefined && !Object.hasOwn(attributes, attribute)) {
        attributes[attribute] = valueStart < 0 ? '' : decodeHTMLAttribute(html.slice(valueStart, valueEnd));
      }
    },
    onopentagend: endTag,
    onselfclosingtag: endTag,
    onattribentity: ignore,
    oncdata: ignore,
    onclosetag: ignore,
    oncomment: ignore,
    ondeclaration: ignore,
    onend: ignore,
    onprocessinginstruction: ignore,
    ontext: ignore,
    ontextentity: ignore,
  };
  const tokenizer: Tokenizer = new SkippingTokenizer({ decodeEntities: false }, callbacks);
  tokenizer.write(html);
  return found;
}

function ignore(): void {}

/** The first opening tag named `name`, if any. */
export function findOpenTag(html: string, name: string): OpenTag | undefined {
  return findOpenTags(html, () => true, { names: new Set([name]), limit: 1 })[0];
}

/**
 * The edit that rewrites `tag` with `attributes` set (a value of
 * `undefined` removes the attribute); other attributes keep their order
 * and original spelling, and a new attribute goes last.
 */
export function attributesEdit(html: string, tag: OpenTag, attributes: Readonly<Record<string, string | undefined>>): PageEdit {
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
  return { start: tag.start, end: tag.end, text: `${head}${kept.map((raw) => ` ${raw}`).join('')}${selfClosing ? ' />' : '>'}` };
}

/** The attributes of an opening tag's inside, as written, with lower-case names. */
function rawAttributes(inside: string): { name: string; raw: string }[] {
  const pieces: { name: string; raw: string }[] = [];
  const attribute = /([^\s"'>\/=]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g;
  for (const match of inside.matchAll(attribute)) pieces.push({ name: (match[1] ?? '').toLowerCase(), raw: match[0] });
  return pieces;
}

/** The edit that removes the whole element `tag` opens, when it is a void element (`link`, `meta`). */
export function voidTagRemoval(html: string, tag: OpenTag): PageEdit {
  // Also take the line break after it, so no blank line is left behind.
  const after = /^[ \t]*\r?\n/.exec(html.slice(tag.end))?.[0].length ?? 0;
  return { start: tag.start, end: tag.end + after, text: '' };
}
