/**
 * Acronyms used in notes that the glossary does not define: words of two or
 * more capitals and digits with at least one capital (`HTTP`, `S3`, `EC2`,
 * `L7`), found in prose lines (see `markdown-prose.ts`).
 *
 * An occurrence is covered when it is a spelling of a term (compared the
 * way the matcher compares) or lies inside a term found by the matcher
 * (`ALB` inside `AWS ALB Ingress Controller`).
 *
 * Not acronyms: common words shouted in capitals next to each other (`THE
 * SOFTWARE IS PROVIDED`, when `isCommonWord` is given), two capitals
 * ending a camelCase name (`CoreOS`, `macOS`; `KubernetesRBAC` still
 * counts), and the parts of a name joined with `_` (`EKS_CLUSTER_NAME`, an
 * environment variable, is neither `CLUSTER` nor `NAME`).
 */
import { asciiWords, type AsciiWord } from './ascii-words.js';
import type { Matcher } from './match-terms.js';

/**
 * Capitalized words that are not acronyms worth a glossary entry: plain
 * words written in capitals and units. Exported so callers can extend it.
 */
export const defaultIgnoredAcronyms: readonly string[] = [
  'OK', 'NG', 'ON', 'OFF', 'YES', 'NO', 'TODO', 'FIXME', 'NOTE', 'XXX', 'FYI', 'PS', 'AM', 'PM',
  'KB', 'MB', 'GB', 'TB', 'PB', 'KIB', 'MIB', 'GIB', 'TIB', 'MS', 'HZ', 'KHZ', 'MHZ', 'GHZ',
];

export interface AcronymSource {
  /** Shown in locations, e.g. `source/_posts/a.md`. */
  file: string;
  /** Prose lines of the file (`proseLines`). */
  lines: readonly string[];
}

export interface MissingAcronym {
  acronym: string;
  count: number;
  /** Every occurrence, in file order. */
  locations: { file: string; line: number; column: number }[];
}

export interface AcronymOptions {
  /** Finds every spelling of every term (link or not). */
  matcher: Matcher;
  /** Whether a word is exactly a spelling of a term. */
  isTermForm: (word: string) => boolean;
  /** Words never reported. Default: `defaultIgnoredAcronyms`. */
  ignore?: readonly string[] | undefined;
  /** Common words (lowercase), to tell shouting from acronyms. Default: none. */
  isCommonWord?: ((word: string) => boolean) | undefined;
}

/** Missing acronyms, most used first (then alphabetical). */
export function findMissingAcronyms(sources: readonly AcronymSource[], options: AcronymOptions): MissingAcronym[] {
  const ignore = new Set(options.ignore ?? defaultIgnoredAcronyms);
  const isCommonWord = options.isCommonWord ?? (() => false);
  const shouted = (word: AsciiWord | undefined) => word !== undefined && /^[A-Z]{2,}$/.test(word.text) && isCommonWord(word.text.toLowerCase());
  const found = new Map<string, MissingAcronym>();
  for (const source of sources) {
    source.lines.forEach((line, index) => {
      if (!/[A-Z]/.test(line)) return;
      let spans: { start: number; end: number }[] | undefined;
      const words = asciiWords(line);
      words.forEach((word, at) => {
        const acronym = acronymOf(word.text);
        if (!acronym || ignore.has(acronym.text) || options.isTermForm(acronym.text)) return;
        const previous = words[at - 1];
        const next = words[at + 1];
        if (word.joint === '' && acronym.text.length < 3 && previous && /[a-z]$/.test(previous.text)) return;
        if (shouted(word) && ((word.joint === ' ' && shouted(previous)) || (next?.joint === ' ' && shouted(next)))) return;
        if (inSnakeCase(line, word)) return;
        const start = word.start + acronym.offset;
        const end = start + acronym.text.length;
        spans ??= options.matcher.find(line);
        if (spans.some((span) => span.start <= start && end <= span.end)) return;
        let entry = found.get(acronym.text);
        if (!entry) {
          entry = { acronym: acronym.text, count: 0, locations: [] };
          found.set(acronym.text, entry);
        }
        entry.count++;
        entry.locations.push({ file: source.file, line: index + 1, column: start + 1 });
      });
    });
  }
  return [...found.values()].sort((a, b) => b.count - a.count || (a.acronym < b.acronym ? -1 : a.acronym > b.acronym ? 1 : 0));
}

/** Whether `word` is joined to a neighbour with `_`, as in a name (`EKS_CLUSTER_NAME`, `my_EKS`). */
function inSnakeCase(line: string, word: AsciiWord): boolean {
  const joined = (at: number, neighbour: number) => line[at] === '_' && /[A-Za-z0-9]/.test(line[neighbour] ?? '');
  return joined(word.start - 1, word.start - 2) || joined(word.end, word.end + 1);
}

/**
 * The acronym in a word, if it is one: leading digits are a quantity
 * (`10GB`), and three or more trailing digits a number (`HTTP503`).
 */
export function acronymOf(word: string): { text: string; offset: number } | undefined {
  if (!/^[A-Z0-9]+$/.test(word)) return undefined;
  const lead = /^[0-9]*/.exec(word)![0].length;
  const text = word.slice(lead).replace(/[0-9]{3,}$/, '');
  if (text.length < 2 || !/[A-Z]/.test(text)) return undefined;
  return { text, offset: lead };
}
