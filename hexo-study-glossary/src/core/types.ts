/**
 * Shared shapes of the pure core. Nothing here imports Hexo.
 */

/** A place in a source file; `line` and `column` are 1-based. */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

/** An official reference of a term (http/https only, checked by the loader). */
export interface TermLink {
  title: string;
  url: string;
}

/** One validated glossary entry, with every optional field settled. */
export interface GlossaryEntry {
  /** The canonical term, as written in notes (the YAML key). */
  key: string;
  /** Display name; defaults to `key`. */
  title: string;
  /** Plain text, one or two sentences; used in tooltips. */
  summary: string;
  /** Markdown shown on the term's page; `undefined` when absent. */
  description: string | undefined;
  /** Other spellings that link here. */
  aliases: string[];
  /** Kana reading used to sort the index; `undefined` when absent. */
  reading: string | undefined;
  /** Key of a broader term. */
  parent: string | undefined;
  /** Keys of related terms. */
  related: string[];
  links: TermLink[];
  /** Default `true`. */
  caseSensitive: boolean;
  /** `false`: listed in the glossary, never auto-linked. Default `true`. */
  link: boolean;
  /** URL segment of the term page; unique, never empty, never a path. */
  slug: string;
  /** Where the key is written. */
  position: SourcePosition;
}

/** A problem found while loading the glossary, always with a position. */
export interface GlossaryProblem extends SourcePosition {
  message: string;
}

export interface Glossary {
  /** Entries in file order (files sorted by name). */
  entries: GlossaryEntry[];
  byKey: ReadonlyMap<string, GlossaryEntry>;
  /** Changes whenever any glossary file's content changes. */
  signature: string;
}

/** A term as the matcher sees it: every spelling that should find it. */
export interface MatchableTerm {
  key: string;
  /** The key and its aliases. */
  forms: readonly string[];
  caseSensitive: boolean;
}
