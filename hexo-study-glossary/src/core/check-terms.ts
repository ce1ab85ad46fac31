/**
 * What `hexo terms` and `hexo terms check` report: how much each term is
 * used, and what the glossary is missing or the notes misspell. Pure: the
 * adapter hands in the glossary, each note's Markdown and the mentions
 * counted when the note was rendered.
 */
import { findMissingAcronyms, type MissingAcronym } from './find-acronyms.js';
import { findUnlinkedCompounds, type UnlinkedCompound } from './katakana-compounds.js';
import { findUnlinkedKanjiWords } from './kanji-compounds.js';
import { isKanji } from './kanji-words.js';
import { isKatakana, startsWithShortKatakana } from './katakana.js';
import { proseLines } from './markdown-prose.js';
import { caseFold, comparableForm, createMatcher, type Matcher } from './match-terms.js';
import { createSpellChecker, type NearMiss, type TermSpelling } from './near-misses.js';
import { createCaseChecker } from './case-misses.js';
import { matchableTerms } from './matchable-terms.js';
import { createKanaVariantChecker } from './kana-variants.js';
import type { Glossary, GlossaryEntry } from './types.js';

export type { MissingAcronym, NearMiss, UnlinkedCompound };

export interface NoteInput {
  /** Shown in messages, relative to the site: `source/_posts/a.md`. */
  file: string;
  /** The file as written, front matter included (line numbers count from it). */
  markdown: string;
  /** Mentions of each term counted when the note was rendered. */
  mentions: Readonly<Record<string, number>>;
  /**
   * `glossary: false` in front matter: the note is left out of the checks
   * of its words (acronyms, misspellings), and its mentions of every term
   * are counted as an excluded term's are.
   */
  optedOut?: boolean;
  /** Keys of the terms its `glossary_exclude` names: never linked there, so counted in its Markdown. */
  excluded?: readonly string[];
}

export interface TermUsage {
  key: string;
  /** Notes that mention the term. */
  notes: number;
  mentions: number;
  /** `false` for `link: false` terms, whose mentions are counted in the Markdown. */
  linked: boolean;
  file: string;
  line: number;
}

/** A term of the glossary, where it is defined. */
export interface TermPlace {
  key: string;
  file: string;
  line: number;
}

export interface CheckReport {
  /** Glossary and note problems, formatted `file:line:col: message`. */
  errors: string[];
  /** Entries whose summary still starts with `TODO` (stubs of `hexo terms new`). */
  todo: TermPlace[];
  /** Terms no note mentions (stubs still TODO left out). */
  unused: TermPlace[];
  /** Acronyms in notes that no term spells. */
  acronyms: MissingAcronym[];
  /** Misspellings of terms. */
  nearMisses: NearMiss[];
  /** Katakana words that end in a short term the linker leaves unlinked there (not warnings: most are words of their own). */
  compounds: UnlinkedCompound[];
  /** Words of kanji that hold a term the linker leaves unlinked there (not warnings: most name something else). */
  kanjiWords: UnlinkedCompound[];
}

export interface CheckOptions {
  /** Problems found while loading, already formatted. */
  errors?: readonly string[];
  /** Common words (lowercase) that are never near misses. Default: none. */
  isCommonWord?: ((word: string) => boolean) | undefined;
  /** Capitalized words that are never missing acronyms. Default: `defaultIgnoredAcronyms`. */
  ignoredAcronyms?: readonly string[] | undefined;
  /**
   * Whether a name is the term of an entry left out for a mistake of its
   * own (reported among the errors): the glossary has it, so it is not a
   * missing acronym. Default: none is.
   */
  isBrokenTerm?: ((name: string) => boolean) | undefined;
}

/** A summary starting with this marks an entry still to be written. */
export const todoMarker = 'TODO';

/** Use of every term, in glossary order. */
export function termUsage(glossary: Glossary, notes: readonly NoteInput[]): TermUsage[] {
  // Rendering counts only the links it makes: a `link: false` term, or one
  // a note's `glossary_exclude` names (every term, in a `glossary: false`
  // note), is counted in that note's Markdown (a term the author excluded
  // was reported as one no note mentions), and where a `{% term %}` links
  // it, which the Markdown's prose leaves out. The whole glossary is
  // matched, so `IAM` inside `IAMロール` is not counted.
  const unlinked = new Set(glossary.entries.filter((entry) => !entry.link).map((entry) => entry.key));
  const every = new Set(glossary.entries.map((entry) => entry.key));
  const unlinkedIn = (note: NoteInput): ReadonlySet<string> => (note.optedOut ? every : new Set([...unlinked, ...(note.excluded ?? [])]));
  const written = new Map<NoteInput, Map<string, number>>();
  let matcher: Matcher | undefined;
  for (const note of notes) {
    const counted = unlinkedIn(note);
    if (counted.size === 0) continue;
    matcher ??= matcherOf(glossary.entries);
    const counts = new Map<string, number>();
    for (const line of proseLines(note.markdown)) {
      for (const match of matcher.find(line)) {
        if (counted.has(match.key)) counts.set(match.key, (counts.get(match.key) ?? 0) + 1);
      }
    }
    written.set(note, counts);
  }

  return glossary.entries.map((entry) => {
    const counts = notes
      .map((note) => (note.mentions[entry.key] ?? 0) + (written.get(note)?.get(entry.key) ?? 0))
      .filter((count) => count > 0);
    return {
      key: entry.key,
      notes: counts.length,
      mentions: counts.reduce((sum, count) => sum + count, 0),
      linked: entry.link,
      file: entry.position.file,
      line: entry.position.line,
    };
  });
}

/** Everything `hexo terms check` reports. */
export function checkTerms(glossary: Glossary, notes: readonly NoteInput[], options: CheckOptions = {}): CheckReport {
  const checked = notes.filter((note) => !note.optedOut);
  const sources = checked.map((note) => ({ file: note.file, lines: proseLines(note.markdown) }));
  const place = (entry: GlossaryEntry): TermPlace => ({ key: entry.key, file: entry.position.file, line: entry.position.line });

  const todo = glossary.entries.filter((entry) => entry.summary.startsWith(todoMarker)).map(place);
  // A stub is already reported as still to write.
  const unused = termUsage(glossary, notes)
    .filter((term) => term.mentions === 0 && !glossary.byKey.get(term.key)!.summary.startsWith(todoMarker))
    .map((term) => place(glossary.byKey.get(term.key)!));

  const isTermForm = spellingTest(glossary.entries);
  const isBrokenTerm = options.isBrokenTerm;
  // Every spelling of every term, linked or not: what the notes' words are measured against.
  const matcher = matcherOf(glossary.entries);
  const acronyms = findMissingAcronyms(sources, {
    matcher,
    isTermForm: isBrokenTerm ? (word) => isTermForm(word) || isBrokenTerm(word) : isTermForm,
    ignore: options.ignoredAcronyms,
    isCommonWord: options.isCommonWord,
  });

  const spellings: TermSpelling[] = glossary.entries.flatMap((entry) => [entry.key, ...entry.aliases].map((form) => ({ key: entry.key, form })));
  const checkers = [
    createSpellChecker(spellings, { isCommonWord: options.isCommonWord }),
    createKanaVariantChecker(spellings),
    createCaseChecker(
      matchableTerms(glossary.entries),
      { isTermSpelling: spellingTest(glossary.entries), isCommonWord: options.isCommonWord },
    ),
  ];
  const nearMisses = sources.flatMap((source) =>
    checkers.flatMap((checker) => checker.check(source.file, source.lines)).sort((a, b) => a.line - b.line || a.column - b.column),
  );

  const excluded = new Map(checked.map((note) => [note.file, new Set(note.excluded ?? [])]));
  const compounds = findUnlinkedCompounds(sources, {
    matcher,
    shortForms: shortKatakanaForms(glossary.entries),
    excluded: (file) => excluded.get(file) ?? new Set(),
  });

  const kanjiWords = findUnlinkedKanjiWords(sources, {
    matcher,
    kanjiForms: kanjiForms(glossary.entries),
    excluded: (file) => excluded.get(file) ?? new Set(),
  });

  return { errors: [...(options.errors ?? [])], todo, unused, acronyms, nearMisses, compounds, kanjiWords };
}

/** Spellings of linked terms written in kanji alone, as the linker compares them. */
function kanjiForms(entries: readonly GlossaryEntry[]): Map<string, string> {
  return linkedForms(entries, (form) => allUnits(form, isKanji));
}

/**
 * Spellings of linked terms that are katakana of fewer than four kana
 * (long-vowel marks not counted), as the linker compares them: the terms
 * it links inside a katakana word only after a longer part or a term.
 */
function shortKatakanaForms(entries: readonly GlossaryEntry[]): Map<string, string> {
  return linkedForms(entries, (form) => allUnits(form, isKatakana) && startsWithShortKatakana(form));
}

/** The term of each spelling (as the linker compares it) of a linked term that `keep` takes; the first term's wins. */
function linkedForms(entries: readonly GlossaryEntry[], keep: (form: string) => boolean): Map<string, string> {
  const forms = new Map<string, string>();
  for (const entry of entries) {
    if (!entry.link) continue;
    for (const form of [entry.key, ...entry.aliases]) {
      const normalized = comparableForm(form);
      if (!forms.has(normalized) && keep(normalized)) forms.set(normalized, entry.key);
    }
  }
  return forms;
}

/** Whether every character of `text` passes `test` (by its first UTF-16 unit). */
function allUnits(text: string, test: (unit: number) => boolean): boolean {
  return [...text].every((char) => test(char.charCodeAt(0)));
}

/** Number of warnings (everything but errors). */
export function warningCount(report: CheckReport): number {
  return report.todo.length + report.unused.length + report.acronyms.length + report.nearMisses.length;
}

function matcherOf(entries: readonly GlossaryEntry[]): Matcher {
  return createMatcher(matchableTerms(entries));
}

/** Whether a word is exactly a spelling of a term, compared as the matcher compares. */
function spellingTest(entries: readonly GlossaryEntry[]): (word: string) => boolean {
  const sensitive = new Set<string>();
  const insensitive = new Set<string>();
  for (const entry of entries) {
    for (const form of [entry.key, ...entry.aliases]) {
      const normalized = comparableForm(form);
      if (entry.caseSensitive) sensitive.add(normalized);
      else insensitive.add(caseFold(normalized));
    }
  }
  return (word) => {
    const normalized = comparableForm(word);
    return sensitive.has(normalized) || insensitive.has(caseFold(normalized));
  };
}
