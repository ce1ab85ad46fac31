/**
 * Per-site state of the plugin: the glossary files Hexo's processor has
 * seen, the glossary built from them, and the problems to report.
 *
 * One store is made by each `register(hexo)` call, so two Hexo instances in
 * one process (tests, tools) never share anything.
 */
import { loadGlossary, formatProblem, type BrokenEntry, type GlossaryFile } from '../core/load-glossary.js';
import { caseFold, comparableForm, createMatcher, type Matcher } from '../core/match-terms.js';
import { matchableTerms, planSignature } from '../core/matchable-terms.js';
import type { Glossary, GlossaryEntry, GlossaryProblem, MatchableTerm } from '../core/types.js';

export interface GlossaryStore {
  /** Record a glossary file's content (`undefined` removes it). */
  setFile(path: string, content: string | undefined): void;
  /** A glossary file's content as recorded, if it is. */
  file(path: string): string | undefined;
  /** Rebuild the glossary if any file changed; returns whether it did. */
  refresh(): { changed: boolean; problems: readonly GlossaryProblem[] };
  readonly glossary: Glossary;
  /** The terms the matcher finds: every entry, with its aliases. */
  readonly terms: readonly MatchableTerm[];
  /**
   * Keys of entries with `link: false`: found, so that their text is theirs
   * (`IAM Identity Center` does not link `IAM`), but never linked or counted.
   */
  readonly unlinked: ReadonlySet<string>;
  readonly matcher: Matcher;
  /** What in the glossary decides where links go (`planSignature`): unchanged by a new summary. */
  readonly planSignature: string;
  /** Entries by key or alias, for `{% term %}`: as written, else as the matcher would find it (NFKC, case for entries that ignore it). */
  lookup(name: string): GlossaryEntry | undefined;
  /**
   * The entry of the term `name` when the glossary leaves it out for a
   * problem of its own (not valid YAML, no summary…): a note naming it is
   * not wrong.
   */
  broken(name: string): BrokenEntry | undefined;
  /** Forget the problems of a note (it is being rendered again). */
  clearNoteProblems(source: string): void;
  /** Record a problem of a note, or of another site file. */
  addNoteProblem(source: string, message: string): void;
  /** Whether a note (or another site file) has a problem now. */
  hasNoteProblems(source: string): boolean;
  /** Everything wrong right now, formatted `file:line:column: message`. */
  allProblems(): string[];
}

export function createStore(): GlossaryStore {
  const files = new Map<string, string>();
  const noteProblems = new Map<string, string[]>();
  let dirty = true;
  let glossary: Glossary = { entries: [], byKey: new Map(), signature: '' };
  let problems: readonly GlossaryProblem[] = [];
  let broken: ReadonlyMap<string, BrokenEntry> = new Map();
  let terms: MatchableTerm[] = [];
  let unlinked: ReadonlySet<string> = new Set();
  let matcher: Matcher = createMatcher(terms);
  let plans = planSignature(terms, unlinked);
  let names = new Map<string, GlossaryEntry>();
  /** Names by `foldName`: case-folded only for entries with `case_sensitive: false`. */
  let folded = new Map<string, GlossaryEntry>();
  const caseless = (name: string): GlossaryEntry | undefined => {
    const entry = folded.get(name);
    return entry && !entry.caseSensitive ? entry : undefined;
  };

  return {
    setFile(path, content) {
      if (content === undefined) dirty = files.delete(path) || dirty;
      else if (files.get(path) !== content) {
        files.set(path, content);
        dirty = true;
      }
    },
    file(path) {
      return files.get(path);
    },
    refresh() {
      if (!dirty) return { changed: false, problems };
      dirty = false;
      const list: GlossaryFile[] = [...files].map(([path, content]) => ({ path, content }));
      const result = loadGlossary(list);
      const changed = result.glossary.signature !== glossary.signature;
      glossary = result.glossary;
      problems = result.problems;
      broken = new Map([...result.broken].map(([key, entry]) => [foldName(key, false), entry]));
      terms = matchableTerms(glossary.entries);
      unlinked = new Set(glossary.entries.filter((entry) => !entry.link).map((entry) => entry.key));
      matcher = createMatcher(terms);
      plans = planSignature(terms, unlinked);
      names = new Map();
      folded = new Map();
      for (const entry of glossary.entries) {
        for (const name of [entry.key, ...entry.aliases]) {
          if (!names.has(name)) names.set(name, entry);
          // As the matcher reads text: under NFKC, and ignoring case for entries that do.
          const key = foldName(name, !entry.caseSensitive);
          if (!folded.has(key)) folded.set(key, entry);
        }
      }
      return { changed, problems };
    },
    get glossary() {
      return glossary;
    },
    get terms() {
      return terms;
    },
    get unlinked() {
      return unlinked;
    },
    get matcher() {
      return matcher;
    },
    get planSignature() {
      return plans;
    },
    lookup(name) {
      return glossary.byKey.get(name) ?? names.get(name) ?? folded.get(foldName(name, false)) ?? caseless(foldName(name, true));
    },
    broken(name) {
      return broken.get(foldName(name, false));
    },
    clearNoteProblems(source) {
      noteProblems.delete(source);
    },
    addNoteProblem(source, message) {
      const list = noteProblems.get(source);
      if (list) list.push(message);
      else noteProblems.set(source, [message]);
    },
    hasNoteProblems(source) {
      return noteProblems.has(source);
    },
    allProblems() {
      return [...problems.map(formatProblem), ...[...noteProblems.values()].flat()];
    },
  };
}

/** `name` as the matcher compares it (NFKC, typographic quotes as ASCII), and case-folded when `ignoreCase`. */
function foldName(name: string, ignoreCase: boolean): string {
  const normal = comparableForm(name);
  return ignoreCase ? caseFold(normal) : normal;
}

/**
 * The keys of the terms a note's `glossary_exclude` names, once each (a
 * name the glossary lacks is reported by the build, not here).
 */
export function excludedKeys(value: unknown, store: Pick<GlossaryStore, 'lookup'>): string[] {
  const names = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
  const keys = new Set<string>();
  for (const name of names) {
    const entry = typeof name === 'string' ? store.lookup(name) : undefined;
    if (entry) keys.add(entry.key);
  }
  return [...keys];
}
