/**
 * What `{% term KEY %}` and `{% term KEY text… %}` name and show, from the
 * arguments as Hexo splits them: at spaces, except inside straight quotes,
 * which it takes off.
 *
 * Editors and Japanese input methods often turn straight quotes into
 * typographic ones, which Hexo doesn't know: `{% term “AWS Load Balancer
 * Controller” コントローラー %}` came as four pieces and named the term
 * `“AWS`. A KEY that opens with a typographic quote runs to the piece that
 * closes it, and the quotes are taken off as Hexo takes off straight ones.
 */

/** Typographic quotes a KEY may open with, and those that close it (Japanese text often writes ” at both ends). */
const quotePairs: ReadonlyMap<string, string> = new Map([
  ['\u201c', '\u201d\u201c'], // “ … ” (or “)
  ['\u201d', '\u201d'], // ” … ”
  ['\u2018', '\u2019\u2018'], // ‘ … ’ (or ‘)
  ['\u2019', '\u2019'], // ’ … ’
]);

export interface TermTagArguments {
  /** The term or alias named: `''` when the tag names none. */
  name: string;
  /** The text the link shows: `text…`, or the name. */
  text: string;
}

export function termTagArguments(args: readonly string[]): TermTagArguments {
  const [first = '', ...rest] = args;
  const closers = quotePairs.get(first.charAt(0));
  if (closers !== undefined) {
    for (let index = 0; index < args.length; index++) {
      const piece = args[index]!;
      const closes = piece.length > (index === 0 ? 1 : 0) && closers.includes(piece.charAt(piece.length - 1));
      if (!closes) continue;
      const name = args.slice(0, index + 1).join(' ').slice(1, -1);
      const shown = args.slice(index + 1);
      return { name, text: shown.length > 0 ? shown.join(' ') : name };
    }
  }
  return { name: first, text: rest.length > 0 ? rest.join(' ') : first };
}

/**
 * The first argument of a tag's source (`{% term “AWS Load Balancer” %}`)
 * as Hexo and `termTagArguments` read it: a word, or what a pair of
 * quotes holds.
 */
export function firstTagArgument(tag: string): string {
  const args = withoutTagEnd(tag.replace(/^\{%-?\s*[\w-]*\s*/, ''));
  const quote = args.charAt(0);
  if (quote === '"' || quote === "'") return quoted(args, quote);
  return termTagArguments(args.split(/\s+/)).name;
}

/**
 * What the quotes that open `text` hold, read as Nunjucks reads a string
 * (which is how Hexo reads a tag's arguments): a backslash takes the next
 * character as it is, and `\n`, `\t` and `\r` are a line break, a tab and
 * a carriage return. `"alert(\"KEY\")"` is `alert("KEY")`.
 */
function quoted(text: string, quote: string): string {
  let value = '';
  for (let index = 1; index < text.length; index++) {
    const char = text.charAt(index);
    if (char === quote) break;
    if (char !== '\\' || index + 1 >= text.length) {
      value += char;
      continue;
    }
    const next = text.charAt(++index);
    value += next === 'n' ? '\n' : next === 't' ? '\t' : next === 'r' ? '\r' : next;
  }
  return value;
}

/**
 * `text` without the `%}` or `-%}` that ends it, and the spaces before:
 * what `/\s*-?%\}$/` takes, in time that doesn't grow with the square of a
 * run of spaces, as that pattern's did.
 */
function withoutTagEnd(text: string): string {
  if (!text.endsWith('%}')) return text;
  const inner = text.slice(0, -2);
  return (inner.endsWith('-') ? inner.slice(0, -1) : inner).trimEnd();
}
