/** A glossary's entries as the matcher takes them: each term with its key and aliases as forms. */
import { createHash } from 'node:crypto';
import type { GlossaryEntry, MatchableTerm } from './types.js';

export function matchableTerms(entries: readonly GlossaryEntry[]): MatchableTerm[] {
  return entries.map((entry) => ({ key: entry.key, forms: [entry.key, ...entry.aliases], caseSensitive: entry.caseSensitive }));
}

/**
 * A digest of what in a glossary decides where a note's links go: the
 * terms the matcher finds, in order (the first of two alike wins), and the
 * keys never linked (`link: false`). A summary, a reading or any other text
 * of an entry changes what a link says, never where it is.
 */
export function planSignature(terms: readonly MatchableTerm[], unlinked: ReadonlySet<string>): string {
  const what = JSON.stringify([terms.map((term) => [term.key, term.forms, term.caseSensitive]), [...unlinked].sort()]);
  return createHash('sha256').update(what).digest('hex').slice(0, 16);
}
