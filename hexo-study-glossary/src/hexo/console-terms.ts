/**
 * `hexo terms`: what the glossary covers, what it misses, and a quick way to
 * add a term.
 *
 *   hexo terms                 every term with its number of notes and mentions
 *   hexo terms check           glossary errors; warnings: stubs still TODO, unused
 *                              terms, missing acronyms, near-miss spellings
 *   hexo terms new NAME        append a stub entry to a glossary file
 *
 * Named `terms` because built-in commands own the first letters of
 * generate, server, new… and a second command starting with one of them
 * would make `hexo g`, `hexo s` or `hexo n` ambiguous.
 *
 * Results go to stdout; status goes through `hexo.log` (also stdout for
 * INFO lines, so machines use `--json --silent`).
 */
import { printable } from '../core/shorten.js';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type Hexo from 'hexo';
import { decodeMentions } from '../core/mention-record.js';
import { checkTerms, termUsage, warningCount, type NoteInput } from '../core/check-terms.js';
import { formatProblem, isGlossaryFileName, loadGlossary, type GlossaryFile } from '../core/load-glossary.js';
import type { GlossaryOptions } from '../core/options.js';
import { appendStub, existingSpelling } from '../core/term-stub.js';
import { closestSpelling } from '../core/near-misses.js';
import { formatCheck, formatUsage } from '../core/terms-report.js';
import { excludedKeys, type GlossaryStore } from './store.js';

/** Glossary file `hexo terms new` writes to when the folder has none. */
const defaultGlossaryFile = 'terms.yml';

interface Args {
  _: (string | number)[];
  json?: unknown;
  strict?: unknown;
  file?: unknown;
  [option: string]: unknown;
}

/** This command's options. */
const termsOptions = ['json', 'strict', 'file'];

/**
 * Options hexo-cli and Hexo read for any command (`hexo help` lists the
 * first six), as hexo-cli hands them on: camel-cased, with the dashed
 * spelling kept beside.
 */
const hexoOptions = ['config', 'cwd', 'debug', 'draft', 'drafts', 'safe', 'silent', 'output', 'help', 'h', 'version', 'v', 'completion', 'consoleList', 'console-list'];

/**
 * Options given that neither this command nor Hexo reads: minimist takes
 * any `--name`, so `--strcit` was silently ignored and `check` passed on
 * warnings that `--strict` would have failed.
 */
function unknownOptions(args: Args): string[] {
  return Object.keys(args).filter((name) => name !== '_' && !termsOptions.includes(name) && !hexoOptions.includes(name));
}

interface NoteDocument {
  source: string;
  raw?: string;
  glossary?: unknown;
  glossary_exclude?: unknown;
  glossary_mentions?: unknown;
}

export function registerTermsCommand(hexo: Hexo, options: GlossaryOptions, store: GlossaryStore): void {
  hexo.extend.console.register(
    'terms',
    'List glossary terms, check notes against the glossary, or add a term.',
    {
      usage: '[check | new <name>] [--json] [--strict] [--file <file>]',
      desc: 'Without a subcommand, list every glossary term with the number of notes and mentions.',
      arguments: [
        { name: 'check', desc: 'Report glossary errors, and warnings: entries still TODO, terms no note mentions, acronyms missing from the glossary, near-miss spellings of terms. Exit status 1 on errors (and on warnings with --strict).' },
        { name: 'new <name>', desc: `Append a stub entry for <name> to a glossary file under source/${options.dir}/; refuses a name the glossary already spells.` },
      ],
      options: [
        { name: '--json', desc: 'Print one JSON object (add --silent to keep Hexo\'s INFO lines off stdout).' },
        { name: '--strict', desc: 'check: exit with status 1 on warnings too.' },
        { name: '--file <file>', desc: `new: the glossary file (default: the first in source/${options.dir}/, or ${defaultGlossaryFile}).` },
      ],
    },
    async (args: Args) => {
      const usageError = (message: string): void => commandError(hexo, args, message);
      const unknown = unknownOptions(args);
      if (unknown.length > 0) {
        const named = unknown.map((name) => {
          const meant = closestSpelling(name, termsOptions);
          return `${name.length === 1 ? '-' : '--'}${name}${meant === undefined ? '' : ` (did you mean --${meant}?)`}`;
        });
        return usageError(`Unknown option${unknown.length > 1 ? 's' : ''} ${named.join(', ')}. hexo terms takes ${termsOptions.map((name) => `--${name}`).join(', ')}.`);
      }
      const [command, ...rest] = (args._ ?? []).map(String);
      const json = Boolean(args.json);
      if (command === undefined || command === 'list') return listTerms(hexo, store, json);
      if (command === 'check' && rest.length === 0) return checkCommand(hexo, store, json, Boolean(args.strict));
      if (command === 'new') return newTerm(hexo, options, rest.join(' ').trim(), args.file, json);
      const meant = command === 'check' ? undefined : closestSpelling(command, ['check', 'new', 'list']);
      usageError(`Unknown arguments: terms ${[command, ...rest].join(' ')}${meant === undefined ? '' : ` (did you mean "${meant}"?)`}. Usage: hexo terms [check | new <name>]`);
    },
  );
}

/**
 * With the plugin off (`enable: false`), `hexo terms` would be a command
 * Hexo doesn't know: it printed its help and exited 0, so a CI step
 * `hexo terms check --strict` passed without checking anything.
 */
export function registerDisabledTermsCommand(hexo: Hexo): void {
  hexo.extend.console.register('terms', 'The glossary is turned off (glossary.enable: false).', {}, (args: Args) =>
    commandError(hexo, args, 'hexo terms: the glossary is turned off (glossary.enable: false in _config.yml), so there is nothing to list or check'),
  );
}

/**
 * Fails the command with `message`, said even with --silent, which hides
 * Hexo's log: `--json --silent` in CI otherwise failed unexplained.
 */
function commandError(hexo: Hexo, args: Args, message: string): void {
  if (args.silent) process.stderr.write(`${message}\n`);
  else hexo.log.error(message);
  process.exitCode = 1;
}

async function listTerms(hexo: Hexo, store: GlossaryStore, json: boolean): Promise<void> {
  await hexo.load();
  store.refresh();
  const notes = collectNotes(hexo, store);
  const usage = termUsage(store.glossary, notes);
  process.stdout.write(json ? `${JSON.stringify({ terms: usage }, null, 2)}\n` : printable(formatUsage(usage)));
  hexo.log.info(`${usage.length} terms, ${notes.length} notes and pages`);
}

async function checkCommand(hexo: Hexo, store: GlossaryStore, json: boolean, strict: boolean): Promise<void> {
  await hexo.load();
  store.refresh();
  const report = checkTerms(store.glossary, collectNotes(hexo, store), {
    errors: store.allProblems(),
    isCommonWord: loadCommonWords(),
    isBrokenTerm: (name) => store.broken(name) !== undefined,
  });
  const errors = report.errors.length;
  const warnings = warningCount(report);
  if (json) {
    process.stdout.write(`${JSON.stringify({ ...report, summary: { errors, warnings } }, null, 2)}\n`);
  } else {
    process.stdout.write(printable(formatCheck(report)));
  }
  const summary = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
  if (errors > 0) hexo.log.error(`Glossary check: ${summary}`);
  else if (warnings > 0) hexo.log.warn(`Glossary check: ${summary}${strict ? ' (--strict)' : ''}`);
  else hexo.log.info(`Glossary check: ${store.glossary.entries.length} terms, no problems`);
  if (errors > 0 || (strict && warnings > 0)) process.exitCode = 1;
}

function newTerm(hexo: Hexo, options: GlossaryOptions, name: string, fileOption: unknown, json: boolean): void {
  const fail = (message: string) => {
    hexo.log.error(printable(message));
    process.exitCode = 1;
  };
  if (!name) return fail('Usage: hexo terms new <name> [--file <file>]');

  const dir = join(hexo.source_dir, options.dir);
  const shown = (file: string) => toSlashes(relative(hexo.base_dir, join(dir, file)));
  // Every file the site reads, subfolders included: a term defined in one is in the glossary too.
  const names = glossaryFileNames(dir);
  let target: string;
  if (fileOption === undefined) {
    target = names.find((file) => !file.includes('/')) ?? names[0] ?? defaultGlossaryFile;
  } else if (typeof fileOption === 'string' && /^(?:[^/\\.][^/\\]*\/)*[^/\\.][^/\\]*\.ya?ml$/i.test(fileOption)) {
    target = fileOption;
  } else {
    return fail(`--file must name a .yml file in source/${options.dir}/, like "aws.yml" or "aws/ec2.yml"; got ${JSON.stringify(fileOption)}`);
  }

  const files: GlossaryFile[] = names.map((file) => ({ path: shown(file), content: readFileSync(join(dir, file), 'utf8') }));
  const before = loadGlossary(files);
  const existing = existingSpelling(before.glossary, name);
  if (existing) {
    const { entry, alias } = existing;
    const what = alias ? `an alias of "${entry.key}"` : `the term "${entry.key}"`;
    return fail(`"${name}" is already in the glossary: ${what} (${entry.position.file}:${entry.position.line})`);
  }
  // Its entry is there, but left out for an error: a stub would define the term twice once it is mended.
  const broken = [...before.broken].find(([key]) => key.normalize('NFKC').toLowerCase() === name.normalize('NFKC').toLowerCase());
  if (broken) {
    const [key, { position, why }] = broken;
    return fail(`"${name}" is already in the glossary: the entry "${key}" (${position.file}:${position.line}) ${why}; mend it instead`);
  }

  const path = shown(target);
  const current = files.find((file) => file.path === path);
  const content = appendStub(current?.content ?? '', name);
  const after = loadGlossary([...files.filter((file) => file.path !== path), { path, content }]);
  // Appending leaves earlier positions alone, so any problem not seen before is the stub's.
  const known = new Set(before.problems.map(formatProblem));
  const added = after.problems.map(formatProblem).filter((problem) => !known.has(problem));
  const entry = after.glossary.byKey.get(name);
  if (!entry || added.length > 0) {
    return fail(`Cannot add "${name}" to ${path}:\n${added.join('\n') || 'the entry does not load back as written'}`);
  }

  const outside = outsideFolder(dir, join(dir, target));
  if (outside) return fail(`Cannot add "${name}" to ${path}: it leads to ${outside}, outside source/${options.dir}/ (a symbolic link); name a file in the folder itself`);
  try {
    mkdirSync(dirname(join(dir, target)), { recursive: true });
    writeFileSync(join(dir, target), content);
  } catch (error) {
    return fail(`Cannot add "${name}" to ${path}: ${(error as Error).message}`);
  }
  const result = { file: path, line: entry.position.line, key: name, created: current === undefined };
  process.stdout.write(json ? `${JSON.stringify(result, null, 2)}\n` : printable(`${path}:${entry.position.line}: added "${name}"\n`));
  hexo.log.info(`Fill in its summary: until then \`hexo terms check\` lists "${name}" as still to write.`);
}

/**
 * Where `file` really is, when a symbolic link (the file, or a folder on
 * its way) takes it out of `dir`; `undefined` when it stays inside, or
 * doesn't exist yet under a folder that does. Checked before writing: a
 * pull request can add a link, and `hexo terms new` must not append to
 * whatever file the link names.
 */
function outsideFolder(dir: string, file: string): string | undefined {
  let base: string;
  try {
    base = realpathSync(dir);
  } catch {
    return undefined; // no folder yet: `hexo terms new` makes it, with nothing to follow
  }
  // The nearest path that is there, a link to nothing included.
  let existing = file;
  while (!isThere(existing) && dirname(existing) !== existing) existing = dirname(existing);
  let real: string;
  try {
    real = realpathSync(existing);
  } catch {
    // A link to nothing, whose target writing would make; or a path that
    // can't be read through: refused either way.
    try {
      return readlinkSync(existing);
    } catch {
      return existing;
    }
  }
  return real === base || real.startsWith(base + sep) ? undefined : real;
}

/** Whether `path` is a file, or a link to one (a link to nothing is not: there is nothing to read). */
function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Whether `path` is there, as a link too (`existsSync` follows links). */
function isThere(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** The glossary files under `dir`, in its subfolders too, as slash-separated paths relative to it, sorted. */
function glossaryFileNames(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .map(toSlashes)
    .filter((file) => isGlossaryFileName(file) && isFile(join(dir, file)))
    .sort();
}

/** Every post and page with what the link filter recorded; Markdown only for the text checks. */
function collectNotes(hexo: Hexo, store: GlossaryStore): NoteInput[] {
  const notes: NoteInput[] = [];
  for (const model of ['Post', 'Page']) {
    for (const document of hexo.model(model).toArray() as unknown as NoteDocument[]) {
      const mentions: Record<string, number> = {};
      for (const [key, mention] of decodeMentions(document.glossary_mentions)) mentions[key] = mention.count;
      const isMarkdown = /\.(md|markdown|mkd|mkdn|mdwn|mdown)$/i.test(document.source);
      notes.push({
        file: toSlashes(relative(hexo.base_dir, join(hexo.source_dir, document.source))),
        markdown: isMarkdown ? (document.raw ?? '') : '',
        mentions,
        optedOut: document.glossary === false,
        excluded: excludedKeys(document.glossary_exclude, store),
      });
    }
  }
  return notes.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/**
 * About 275,000 English words (3 MB of JSON), read only when a check runs:
 * a word like `prove` or `fluent` is never reported as a misspelled term.
 */
function loadCommonWords(): (word: string) => boolean {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const words = new Set(require('an-array-of-english-words') as string[]);
  return (word) => words.has(word);
}

function toSlashes(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}
