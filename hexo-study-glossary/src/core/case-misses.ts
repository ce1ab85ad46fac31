/**
 * Case-sensitive terms written in another case: `kubernetes`, `Javascript`,
 * `Cloudwatch` for `Kubernetes`, `JavaScript`, `CloudWatch`. The linker
 * links a case-sensitive term in its own case only, so such text stays
 * unlinked, and near-misses.ts, which compares case-folded, takes it as
 * correct: nothing else would ever point it out.
 *
 * Kept quiet, since a warning nobody trusts is noise:
 * - spellings of fewer than `minimumLength` letters and digits (`go`, `pod`,
 *   `eks`: too often a word of their own, or written so on purpose);
 * - text that is itself a spelling of some term (another entry's alias, or a
 *   term with `case_sensitive: false`);
 * - a common word (`service` for a term `Service`);
 * - a capital first letter on a term written in lower case (`Kubectl を…`
 *   starts a sentence), and text in capitals only (`KUBERNETES`, a style);
 * - text inside a name, host name, path or address (`kubernetes-sigs`,
 *   `KUBERNETES_SERVICE_HOST`, `#kubernetes`, `kubernetes.io`, `/kubernetes/`),
 *   which must stay as written;
 * - headings and link text, where nothing is linked anyway.
 */
import { caseFold, comparableForm, createMatcher } from './match-terms.js';
import { minimumLength, type NearMiss, type SpellChecker } from './near-misses.js';
import type { MatchableTerm } from './types.js';

export interface CaseMissOptions {
  /** Whether text is exactly a spelling of some term, as the linker compares. */
  isTermSpelling: (text: string) => boolean;
  /** Words (lowercase, spaces removed) never reported. Default: none. */
  isCommonWord?: ((word: string) => boolean) | undefined;
}

const asciiSpaceRun = /[ \t\n\f\r]+/g;

export function createCaseChecker(terms: readonly MatchableTerm[], options: CaseMissOptions): SpellChecker {
  const isCommonWord = options.isCommonWord ?? (() => false);
  const sensitive = terms.filter((term) => term.caseSensitive);
  // The same terms in any case: what it finds that isn't a spelling is a case miss.
  const matcher = createMatcher(sensitive.map((term) => ({ key: term.key, forms: term.forms, caseSensitive: false })));
  const formsByKey = new Map(sensitive.map((term) => [term.key, term.forms]));

  return {
    check(file, lines) {
      const misses: NearMiss[] = [];
      lines.forEach((line, index) => {
        if (!/[A-Za-z]/.test(line) || /^\s{0,3}#/.test(line)) return;
        for (const match of matcher.find(line)) {
          const text = line.slice(match.start, match.end);
          // The matcher takes a run of spaces or a tab for a term's space, as a browser shows it.
          const spaced = text.replace(asciiSpaceRun, ' ');
          const letters = text.replace(/[^A-Za-z0-9]/g, '');
          if (letters.length < minimumLength || !/[A-Za-z]/.test(letters)) continue;
          if (options.isTermSpelling(spaced) || isCommonWord(letters.toLowerCase())) continue;
          if (text === text.toUpperCase() || inName(line, match.start, match.end) || inLinkText(line, match.start, match.end)) continue;
          const folded = caseFold(comparableForm(spaced));
          const suggestion = formsByKey.get(match.key)?.find((form) => caseFold(comparableForm(form)) === folded) ?? match.key;
          if (capitalizedOnly(spaced, suggestion)) continue;
          misses.push({ file, line: index + 1, column: match.start + 1, text, suggestion, key: match.key, distance: 0 });
        }
      });
      return misses;
    },
  };
}

/** `Kubectl` for `kubectl`: the first letter raised, as at the start of a sentence. */
function capitalizedOnly(text: string, form: string): boolean {
  return form === form.toLowerCase() && text === form.charAt(0).toUpperCase() + form.slice(1);
}

/** Whether `[start, end)` of `line` is part of a name, host name, path or address. */
function inName(line: string, start: number, end: number): boolean {
  const before = start > 0 ? line.charAt(start - 1) : ' ';
  return '/.@\\-_#'.includes(before) || /^[-_./@\\][A-Za-z0-9]/.test(line.slice(end, end + 2));
}

/** Whether `[start, end)` of `line` is in the text of a Markdown link (`[…]`; prose lines keep it, blanking the URL). */
function inLinkText(line: string, start: number, end: number): boolean {
  return line.lastIndexOf('[', start) > line.lastIndexOf(']', start) && line.indexOf(']', end) !== -1;
}
