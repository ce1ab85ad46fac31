/** A glossary's entries as the matcher takes them: each term with its key and aliases as forms. */
import type { GlossaryEntry, MatchableTerm } from './types.js';

export function matchableTerms(entries: readonly GlossaryEntry[]): MatchableTerm[] {
  return entries.map((entry) => ({ key: entry.key, forms: [entry.key, ...entry.aliases], caseSensitive: entry.caseSensitive }));
}
