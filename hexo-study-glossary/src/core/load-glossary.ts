/**
 * Load and validate glossary files.
 *
 * Every problem is collected (not just the first), each with the file, line
 * and column it comes from. Entries that are usable despite a problem (a
 * dangling `related`, say) are kept, so one mistake does not unlink a site.
 */
import { createHash } from 'node:crypto';
import type { Glossary, GlossaryEntry, GlossaryProblem, SourcePosition, TermLink } from './types.js';
import { blockScalarLines, childNode, cutByComment, keyNode, misreadKey, parseYaml, scalarNodes, topLevelBlocks, unclosedAt, YamlSyntaxError, type ParsedYaml, type PositionNode, type TopLevelBlock } from './yaml-positions.js';
import { isValidSlug, termSlug } from './slug.js';
import { caseFold, comparableForm } from './match-terms.js';
import { codePoint, quoteShort } from './shorten.js';
import { isMapping } from './is-mapping.js';
import { closestSpelling } from './near-misses.js';
import { describeValue } from './describe-value.js';

/** A glossary file: `path` is what messages show (relative to the site). */
export interface GlossaryFile {
  path: string;
  content: string;
}

export interface LoadResult {
  glossary: Glossary;
  problems: GlossaryProblem[];
  /**
   * Terms whose entries the glossary leaves out for a problem reported
   * where they are (not valid YAML, no summary, another term's slug…), by
   * the term as written: the term is missing from the glossary, but a note
   * or an entry that names it is not wrong, and `hexo terms new` should not
   * add it a second time.
   */
  broken: ReadonlyMap<string, BrokenEntry>;
}

/** An entry left out of the glossary, and why, for messages about its term. */
export interface BrokenEntry {
  /** Where the entry starts. */
  position: SourcePosition;
  /** Completes "the glossary entry of "EKS" (file:line) …". */
  why: 'is not valid YAML' | 'is not a valid entry' | "has another term's slug";
}

/**
 * Whether `path`, relative to the glossary folder and slash-separated, is
 * a glossary file: YAML, in a subfolder or not (`aws/ec2.yml`), and not
 * hidden (`._aws.yml`, macOS's resource fork next to a copied file, or a
 * file set aside under `.old/`), as Hexo leaves hidden files out of a site
 * everywhere else.
 */
export function isGlossaryFileName(path: string): boolean {
  return /\.ya?ml$/i.test(path) && !path.split('/').some((part) => part.startsWith('.'));
}

/** The keys an entry may have. */
const entryKeys: readonly string[] = [
  'title',
  'summary',
  'description',
  'aliases',
  'reading',
  'parent',
  'related',
  'links',
  'case_sensitive',
  'link',
  'slug',
];

/** Longest accepted term or alias, in characters. */
const maxTermLength = 100;

export function loadGlossary(files: readonly GlossaryFile[]): LoadResult {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const problems: GlossaryProblem[] = [];
  const entries: GlossaryEntry[] = [];
  const references: Reference[] = [];
  // Where each alias is written, for duplicate reports.
  const aliasPositions = new Map<GlossaryEntry, SourcePosition[]>();

  const broken = new Map<string, BrokenEntry>();
  for (const file of sorted) {
    readFile(file, { entries, references, problems, aliasPositions, broken });
  }

  const byKey = new Map<string, GlossaryEntry>();
  const unique: GlossaryEntry[] = [];
  for (const entry of entries) {
    const first = byKey.get(entry.key);
    if (first) {
      problems.push(at(entry.position, `term "${entry.key}" is already defined at ${where(first.position)}`));
      continue;
    }
    byKey.set(entry.key, entry);
    unique.push(entry);
  }

  checkSpellings(unique, aliasPositions, problems);
  checkParentCycles(unique, byKey, problems);
  const kept = withOwnSlugs(unique, problems);
  for (const entry of unique) {
    if (kept.includes(entry)) continue;
    byKey.delete(entry.key);
    if (!broken.has(entry.key)) broken.set(entry.key, { position: entry.position, why: "has another term's slug" });
  }
  // Once every entry left out is known: a reference to one is told why it is gone.
  checkReferences(references, byKey, broken, problems);

  problems.sort(compareProblems);
  return {
    glossary: { entries: kept, byKey, signature: signatureOf(sorted) },
    problems,
    broken,
  };
}

/** A stable digest of the files' names and contents. */
export function signatureOf(files: readonly GlossaryFile[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(file.path).update('\0').update(file.content).update('\0');
  return hash.digest('hex').slice(0, 16);
}

export function formatProblem(problem: GlossaryProblem): string {
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`;
}

interface Reference {
  from: GlossaryEntry;
  field: 'parent' | 'related';
  target: string;
  position: SourcePosition;
}

interface Collected {
  entries: GlossaryEntry[];
  references: Reference[];
  problems: GlossaryProblem[];
  aliasPositions: Map<GlossaryEntry, SourcePosition[]>;
  /** Terms whose entries are left out: a reference to one is no problem of its own. */
  broken: Map<string, BrokenEntry>;
}

function readFile(file: GlossaryFile, collected: Collected): void {
  const source = file.content.replace(/^\uFEFF/, '');
  let parsed: ParsedYaml;
  try {
    parsed = parseYaml(source, file.path);
  } catch (error) {
    if (!(error instanceof YamlSyntaxError)) throw error;
    readEntryByEntry(file, source, error, collected);
    return;
  }
  readParsed(file, parsed, collected);
}

/**
 * A YAML error loses only the entry it is in: js-yaml stops at the first
 * error and returns nothing, which dropped every term of the file (and
 * their links), and reported each reference to them as another problem.
 * The file is read again entry by entry instead, each at its own lines
 * and with the entries that define the anchors it uses; the error of each
 * entry that still fails is reported, and references to the terms those
 * entries define are not. A term given twice is then reported as such.
 */
function readEntryByEntry(file: GlossaryFile, source: string, error: YamlSyntaxError, collected: Collected): void {
  const { problems, broken } = collected;
  const failures: YamlSyntaxError[] = [];
  let read = 0;
  /** The entry that last defined each anchor, so far. */
  const anchors = new Map<string, TopLevelBlock>();
  /** The entries each entry was read with, for its anchors. */
  const needs = new Map<TopLevelBlock, readonly TopLevelBlock[]>();
  for (const block of topLevelBlocks(source)) {
    const definers = anchorDefiners(block, anchors, needs);
    needs.set(block, definers);
    // The entries it takes anchors from come first, so its own lines start `lines` later.
    const before = definers.map((definer) => definer.text).join('\n');
    const offset = definers.length === 0 ? 0 : before.split('\n').length;
    const result = attempt(definers.length === 0 ? block.text : `${before}\n${block.text}`, file.path, block.line - offset);
    if ('failure' in result) {
      failures.push(placed(result.failure, block));
      if (block.key !== undefined && !broken.has(block.key)) broken.set(block.key, { position: { file: file.path, line: block.line, column: 1 }, why: 'is not valid YAML' });
    } else if (!isMapping(result.parsed.value)) {
      failures.push(new YamlSyntaxError(`expected a term and its entry ("term:"), got ${quoteShort(block.firstLine.trim())}`, block.line, 1));
    } else {
      readParsed(file, result.parsed, collected, block.line);
      read++;
      for (const name of namesAfter(block.text, '&')) anchors.set(name, block);
    }
  }
  // Every entry reads on its own: the file's error is between them (a term given twice).
  if (failures.length === 0 && !(read > 0 && error.duplicateKey !== undefined)) failures.push(error);
  for (const failure of failures) problems.push({ file: file.path, line: failure.line, column: failure.column, message: `YAML: ${failure.message}` });
}

/**
 * The entries that define the anchors `block` uses (`*name`), as defined
 * before it, with the entries those were read with, in the file's order.
 */
function anchorDefiners(
  block: TopLevelBlock,
  anchors: ReadonlyMap<string, TopLevelBlock>,
  needs: ReadonlyMap<TopLevelBlock, readonly TopLevelBlock[]>,
): TopLevelBlock[] {
  const found = new Set<TopLevelBlock>();
  for (const name of namesAfter(block.text, '*')) {
    const definer = anchors.get(name);
    if (!definer) continue;
    for (const needed of needs.get(definer) ?? []) found.add(needed);
    found.add(definer);
  }
  return [...found].sort((a, b) => a.start - b.start);
}

/** Anchor (`&`) or alias (`*`) names in YAML text: the mark where a node may start, then a name. */
function namesAfter(text: string, mark: '&' | '*'): Set<string> {
  const names = new Set<string>();
  const pattern = mark === '&' ? /(?:^|[\s[{,:-])&([^\s[\]{},]+)/gm : /(?:^|[\s[{,:-])\*([^\s[\]{},]+)/gm;
  for (const match of yamlNodesText(text).matchAll(pattern)) names.add(match[1]!);
  return names;
}

/** `text` without its comments and the text of its block scalars (`|`, `>`), where `&x` is no anchor. */
function yamlNodesText(text: string): string {
  const blockScalar = blockScalarLines();
  return text
    .split('\n')
    .map((line) => {
      const comment = line.trimStart().startsWith('#');
      if (blockScalar(line, !comment) === 'text' || comment) return '';
      // A comment starts at a `#` after a space (quotes aside: an anchor name has no space either).
      return line.replace(/\s#.*$/, '');
    })
    .join('\n');
}

function attempt(text: string, path: string, firstLine = 1): { parsed: ParsedYaml } | { failure: YamlSyntaxError } {
  try {
    return { parsed: parseYaml(text, path, firstLine) };
  } catch (failure) {
    if (failure instanceof YamlSyntaxError) return { failure };
    throw failure;
  }
}

/**
 * `failure` at a place in `block`: js-yaml reports a quote or bracket never
 * closed at the end of the text, past the entry; it is where it opens.
 */
function placed(failure: YamlSyntaxError, block: TopLevelBlock): YamlSyntaxError {
  if (failure.line <= block.lastLine.line) return failure;
  const opening = unclosedAt(block.text);
  if (!opening) return new YamlSyntaxError(failure.message, block.lastLine.line, block.lastLine.column);
  return new YamlSyntaxError(`${failure.message}: it opens here and is never closed`, opening.line + block.start, opening.column);
}

/** Reads the entries of `parsed`; from line `fromLine` on only, when other entries came with it for their anchors. */
function readParsed(file: GlossaryFile, parsed: ParsedYaml, { entries, references, problems, aliasPositions, broken }: Collected, fromLine = 1): void {
  const { value, root } = parsed;
  const position = (node: PositionNode | undefined, fallback?: SourcePosition): SourcePosition =>
    node ? { file: file.path, ...parsed.positionOf(node.start) } : (fallback ?? { file: file.path, line: 1, column: 1 });

  if (value === undefined || value === null) return; // an empty file defines nothing
  if (!isMapping(value)) {
    problems.push(at(position(root), 'a glossary file must map terms to entries (a YAML mapping at the top level)'));
    return;
  }

  for (const [key, raw] of Object.entries(value)) {
    const written = keyNode(root, key);
    const keyPosition = position(written);
    if (keyPosition.line < fromLine) continue;
    const entryNode = childNode(root, key);
    const report = (message: string, node?: PositionNode) => problems.push(at(position(node, keyPosition), `${key}: ${message}`));
    /** Leaves the entry out under its term and, when it has them, its aliases: a note may name it by either. */
    const leaveOut = (term: string) => {
      const aliases = isMapping(raw) && Array.isArray(raw['aliases']) ? raw['aliases'].filter((alias): alias is string => typeof alias === 'string') : [];
      for (const name of [term, ...aliases]) if (!broken.has(name)) broken.set(name, { position: keyPosition, why: 'is not a valid entry' });
    };

    // js-yaml makes a key of any value: `1.0:` is the term "1", `~:` "null".
    const misread = written && misreadKey(parsed.source, written);
    if (misread) {
      problems.push(at(keyPosition, `term ${quoteShort(misread.text)} reads as ${misread.as}: put it in quotes (${JSON.stringify(misread.text)}:)`));
      leaveOut(misread.text);
      continue;
    }
    const termProblem = checkTerm(key);
    if (termProblem) {
      problems.push(at(keyPosition, `term ${quoteShort(key)} ${termProblem}`));
      continue;
    }
    if (!isMapping(raw)) {
      report(`the entry must be a mapping with at least a "summary"${missingSpaceHint(raw)}`, entryNode);
      leaveOut(key);
      continue;
    }

    for (const node of scalarNodes(entryNode)) {
      const written = cutByComment(parsed.source, node);
      if (written === undefined) continue;
      report(
        `${quoteShort(written)} reads as ${quoteShort(String(node.value))}: YAML takes a "#" after a space, and the rest of the line, for a comment; if it is part of the text, put the whole value in quotes (${JSON.stringify(written)})`,
        node,
      );
    }

    const field = (name: string) => childNode(entryNode, name);
    for (const name of Object.keys(raw)) {
      if (!entryKeys.includes(name)) {
        report(`unknown key "${name}" (allowed: ${entryKeys.join(', ')})`, keyNode(entryNode, name));
      }
    }

    const summary = readText(raw, 'summary', report, field);
    if (summary === undefined) {
      if (!('summary' in raw)) report('"summary" is required');
      leaveOut(key);
      continue;
    }

    const title = readText(raw, 'title', report, field) ?? key;
    const description = readText(raw, 'description', report, field, { multiline: true, allowEmpty: true });
    const reading = readText(raw, 'reading', report, field);
    if (reading !== undefined && !isKana(reading)) {
      report(`"reading" must be written in kana, got ${quoteShort(reading)}`, field('reading'));
    }
    const aliases = readTermList(raw, 'aliases', report, field);
    const related = readStringList(raw, 'related', report, field);
    const parent = readText(raw, 'parent', report, field);
    const links = readLinks(raw, report, field);
    const caseSensitive = readFlag(raw, 'case_sensitive', true, report, field);
    const link = readFlag(raw, 'link', true, report, field);
    const explicitSlug = readText(raw, 'slug', report, field);
    if (explicitSlug !== undefined && !isValidSlug(explicitSlug)) {
      report(`"slug" must be lowercase letters, digits and single hyphens, got ${quoteShort(explicitSlug)}`, field('slug'));
    }

    const entry: GlossaryEntry = {
      key,
      title,
      summary,
      description,
      aliases: aliases.values,
      reading: reading !== undefined && isKana(reading) ? reading : undefined,
      parent,
      related: related.values,
      links,
      caseSensitive,
      link,
      slug: explicitSlug !== undefined && isValidSlug(explicitSlug) ? explicitSlug : termSlug(key),
      position: keyPosition,
    };
    aliasPositions.set(entry, aliases.values.map((_, index) => position(childNode(field('aliases'), aliases.indexes[index] ?? index), keyPosition)));
    if (parent !== undefined) references.push({ from: entry, field: 'parent', target: parent, position: position(field('parent'), keyPosition) });
    related.values.forEach((target, index) => {
      references.push({ from: entry, field: 'related', target, position: position(childNode(field('related'), related.indexes[index] ?? index), keyPosition) });
    });
    entries.push(entry);
  }
}

/**
 * `summary:text` is one string to YAML, not a key and its value: the entry
 * then reads as text, and only a space after the colon is missing.
 */
function missingSpaceHint(raw: unknown): string {
  if (typeof raw !== 'string') return '';
  for (const written of raw.matchAll(/(?:^|\s)([a-z_]+):\S/g)) {
    if (entryKeys.includes(written[1]!)) return `; "${written[1]}:" needs a space after the colon`;
  }
  return '';
}

type Report = (message: string, node?: PositionNode) => void;
type Field = (name: string) => PositionNode | undefined;

function readText(
  raw: Record<string, unknown>,
  name: string,
  report: Report,
  field: Field,
  { multiline = name === 'summary', allowEmpty = false }: { multiline?: boolean; allowEmpty?: boolean } = {},
): string | undefined {
  if (!(name in raw) || raw[name] === null) {
    if (name in raw && name === 'summary') report('"summary" must not be empty', field(name));
    return undefined;
  }
  const value = raw[name];
  if (typeof value !== 'string') {
    report(`"${name}" must be a string, got ${describeValue(value)}`, field(name));
    return undefined;
  }
  const text = value.trim();
  if (!text && !allowEmpty) {
    report(`"${name}" must not be empty`, field(name));
    return undefined;
  }
  if (!multiline && /[\n\r]/.test(text)) {
    report(`"${name}" must be a single line`, field(name));
    return undefined;
  }
  if (hasControl(text)) {
    report(`"${name}" contains a control character`, field(name));
    return undefined;
  }
  return text || undefined;
}

interface ListResult {
  values: string[];
  /** Index in the YAML list of each kept value. */
  indexes: number[];
}

function readStringList(raw: Record<string, unknown>, name: string, report: Report, field: Field): ListResult {
  const result: ListResult = { values: [], indexes: [] };
  const value = raw[name];
  if (value === undefined || value === null) return result;
  if (!Array.isArray(value)) {
    report(`"${name}" must be a list, got ${describeValue(value)}`, field(name));
    return result;
  }
  value.forEach((item: unknown, index) => {
    if (typeof item !== 'string' || !item.trim()) {
      report(`"${name}" item ${index + 1} must be a non-empty string, got ${describeValue(item)}`, childNode(field(name), index));
      return;
    }
    result.values.push(item.trim());
    result.indexes.push(index);
  });
  return result;
}

function readTermList(raw: Record<string, unknown>, name: string, report: Report, field: Field): ListResult {
  const list = readStringList(raw, name, report, field);
  const kept: ListResult = { values: [], indexes: [] };
  list.values.forEach((value, index) => {
    const problem = checkTerm(value);
    const listIndex = list.indexes[index] ?? index;
    if (problem) {
      report(`alias ${quoteShort(value)} ${problem}`, childNode(field(name), listIndex));
      return;
    }
    kept.values.push(value);
    kept.indexes.push(listIndex);
  });
  return kept;
}

function readFlag(raw: Record<string, unknown>, name: string, fallback: boolean, report: Report, field: Field): boolean {
  const value = raw[name];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'boolean') {
    report(`"${name}" must be true or false, got ${describeValue(value)}`, field(name));
    return fallback;
  }
  return value;
}

function readLinks(raw: Record<string, unknown>, report: Report, field: Field): TermLink[] {
  const value = raw['links'];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    report(`"links" must be a list of { title, url }, got ${describeValue(value)}`, field('links'));
    return [];
  }
  const links: TermLink[] = [];
  value.forEach((item: unknown, index) => {
    const node = childNode(field('links'), index);
    if (!isMapping(item)) {
      report(`"links" item ${index + 1} must be a mapping { title, url }, got ${describeValue(item)}`, node);
      return;
    }
    for (const key of Object.keys(item)) {
      if (key !== 'title' && key !== 'url') report(`"links" item ${index + 1} has unknown key "${key}" (allowed: title, url)`, keyNode(node, key));
    }
    const { title, url } = item;
    if (typeof title !== 'string' || !title.trim() || hasControl(title)) {
      report(`"links" item ${index + 1} needs a "title" string`, childNode(node, 'title') ?? node);
      return;
    }
    if (typeof url !== 'string' || !isHttpUrl(url.trim())) {
      report(`"links" item ${index + 1} "url" must be an http(s) URL, got ${typeof url === 'string' ? quoteShort(url) : describeValue(url)}`, childNode(node, 'url') ?? node);
      return;
    }
    links.push({ title: title.trim(), url: new URL(url.trim()).href });
  });
  return links;
}

function checkTerm(term: string): string | undefined {
  if (!term.trim()) return 'must not be empty';
  if (term !== term.trim()) return 'must not start or end with spaces';
  if (hasControl(term) || /[\n\r]/.test(term)) return 'must not contain control characters or line breaks';
  // Zero-width and direction marks: a term that looks like another (`EKS`
  // and `EKS` + U+200B) or shows reversed, and matches text no one types.
  const invisible = /\p{Cf}/u.exec(term)?.[0];
  if (invisible !== undefined) return `must not contain invisible characters (${codePoint(invisible)})`;
  if ([...term].length > maxTermLength) return `is longer than ${maxTermLength} characters`;
  return undefined;
}

/** A name of an entry (its key or one of its aliases), where it is written. */
interface Spelling {
  entry: GlossaryEntry;
  text: string;
  position: SourcePosition;
  /** As the matcher compares it: NFKC, typographic quotes as ASCII. */
  exact: string;
  /** `exact` case-folded as the matcher folds it, for entries that ignore case. */
  folded: string;
}

/**
 * The same spelling (as the matcher compares it) must not name two things:
 * the matcher links it to whichever entry comes first, so the files' names
 * would decide. A term's own name (its key) wins over any alias, whatever the
 * file order: every key is claimed before any alias, and an alias that takes
 * a name already claimed is reported where it is written and dropped from its
 * entry, which keeps its page and its other names. So between two aliases the
 * first in file order keeps it. Two keys the matcher takes for one are both
 * kept (each has its page): the second in file order is reported.
 */
function checkSpellings(
  entries: readonly GlossaryEntry[],
  aliasPositions: ReadonlyMap<GlossaryEntry, SourcePosition[]>,
  problems: GlossaryProblem[],
): void {
  /** Claimed spellings by `folded`, keys first. */
  const claimed = new Map<string, Spelling[]>();
  const claimedBefore = (spelling: Spelling) => claimed.get(spelling.folded)?.find((other) => sameForMatcher(spelling, other));
  const claim = (spelling: Spelling) => {
    const list = claimed.get(spelling.folded);
    if (list) list.push(spelling);
    else claimed.set(spelling.folded, [spelling]);
  };
  const taken = (spelling: Spelling, previous: Spelling) =>
    at(spelling.position, `${spelling.entry.key}: ${quoteShort(spelling.text)} is already used by term "${previous.entry.key}" at ${where(previous.position)}`);

  for (const entry of entries) {
    const key = spellingOf(entry, entry.key, entry.position);
    const previous = claimedBefore(key);
    if (previous) problems.push(taken(key, previous));
    claim(key);
  }
  for (const entry of entries) {
    const positions = aliasPositions.get(entry) ?? [];
    entry.aliases = entry.aliases.filter((alias, index) => {
      const spelling = spellingOf(entry, alias, positions[index] ?? entry.position);
      const previous = claimedBefore(spelling);
      if (!previous) {
        claim(spelling);
        return true;
      }
      problems.push(
        previous.entry === entry
          ? at(spelling.position, `${entry.key}: alias ${quoteShort(alias)} repeats ${quoteShort(previous.text)} of the same entry`)
          : taken(spelling, previous),
      );
      return false;
    });
  }
}

function spellingOf(entry: GlossaryEntry, text: string, position: SourcePosition): Spelling {
  const exact = comparableForm(text);
  return { entry, text, position, exact, folded: caseFold(exact) };
}

/**
 * Whether the matcher finds some text for both: two case-sensitive
 * spellings only when equal, else when they fold alike (`Pod` and `POD`
 * do not clash; `Pod` and a `pod` that ignores case both match "Pod").
 */
function sameForMatcher(a: Spelling, b: Spelling): boolean {
  return a.folded === b.folded && (a.exact === b.exact || !a.entry.caseSensitive || !b.entry.caseSensitive);
}

function checkReferences(
  references: readonly Reference[],
  byKey: ReadonlyMap<string, GlossaryEntry>,
  broken: ReadonlyMap<string, BrokenEntry>,
  problems: GlossaryProblem[],
): void {
  const keys = [...byKey.keys()];
  for (const reference of references) {
    const { from, field, target } = reference;
    const left = byKey.has(target) ? undefined : broken.get(target);
    if (target === from.key) {
      problems.push(at(reference.position, `${from.key}: "${field}" names the entry itself`));
      // Or its page would list the term as its own parent and child, or as related to itself.
      if (field === 'parent') from.parent = undefined;
      else from.related = from.related.filter((key) => key !== target);
    } else if (left) {
      // The entry names the term rightly; the term's own entry has the mistake.
      const place = `${left.position.file}:${left.position.line}`;
      problems.push(at(reference.position, `${from.key}: "${field}" names ${quoteShort(target)}, which is left out: its entry (${place}) ${left.why}`));
    } else if (!byKey.has(target)) {
      // An alias is the usual slip (`related: [k8s]`), then a misspelling: the message names the fix.
      const owner = [...byKey.values()].find((entry) => entry.aliases.includes(target));
      const suggestion = owner ? undefined : closestSpelling(target, keys);
      const hint =
        owner ? `, an alias of "${owner.key}": name the term by its key`
        : suggestion !== undefined ? `, which is not a term in the glossary; did you mean ${quoteShort(suggestion)}?`
        : ', which is not a term in the glossary';
      problems.push(at(reference.position, `${from.key}: "${field}" names ${quoteShort(target)}${hint}`));
    }
  }
}

/**
 * Reports each cycle of parents once, at its first entry in file order, and
 * takes that entry's parent away: the rest of the cycle is then a chain
 * under it, so no term page shows another term as both its parent and its
 * child (as `A -> B -> A` showed on both pages).
 */
function checkParentCycles(entries: readonly GlossaryEntry[], byKey: ReadonlyMap<string, GlossaryEntry>, problems: GlossaryProblem[]): void {
  for (const entry of entries) {
    const chain: string[] = [entry.key];
    let current = entry.parent === entry.key ? undefined : entry.parent;
    while (current !== undefined) {
      if (current === entry.key) {
        problems.push(at(entry.position, `${entry.key}: "parent" forms a cycle (${[...chain, entry.key].join(' -> ')})`));
        entry.parent = undefined;
        break;
      }
      if (chain.includes(current)) break; // a cycle that does not include this entry
      chain.push(current);
      current = byKey.get(current)?.parent;
    }
  }
}

/**
 * `entries` less those whose slug an earlier one has, each reported: a slug
 * names a term's page, so the later entry has none, and kept it showed in
 * the glossary's index with a link to the other term's page.
 */
function withOwnSlugs(entries: readonly GlossaryEntry[], problems: GlossaryProblem[]): GlossaryEntry[] {
  const seen = new Map<string, GlossaryEntry>();
  return entries.filter((entry) => {
    const previous = seen.get(entry.slug);
    if (previous) {
      problems.push(
        at(entry.position, `terms "${previous.key}" (${where(previous.position)}) and "${entry.key}" both have the slug "${entry.slug}"; give one of them a "slug:"`),
      );
      return false;
    }
    seen.set(entry.slug, entry);
    return true;
  });
}

function at(position: SourcePosition, message: string): GlossaryProblem {
  return { file: position.file, line: position.line, column: position.column, message };
}

function where(position: SourcePosition): string {
  return `${position.file}:${position.line}:${position.column}`;
}

function compareProblems(a: GlossaryProblem, b: GlossaryProblem): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column;
}

function hasControl(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if ((code < 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09) || code === 0x7f) return true;
  }
  return false;
}

function isKana(text: string): boolean {
  return /^[\p{Script=Hiragana}\p{Script=Katakana}ー・ 　゛゜]+$/u.test(text);
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}
