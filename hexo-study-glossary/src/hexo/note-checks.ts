/**
 * No note lost without a word: front matter problems fail the build.
 *
 * Hexo logs `Process failed` for a note whose front matter it cannot read,
 * leaves the note out, and still exits 0; it shows front matter that is not
 * a mapping as text, and dates a note with an unreadable `date` by the
 * file's creation time. Each source file Hexo reads front matter from (the
 * same files its post and page processors render) is checked here, and its
 * problems go to the store, which fails `hexo generate` at the end.
 *
 * A processor can't do this: Box runs processors one after the other and
 * stops at the first that throws, which for a broken note is Hexo's own.
 * So the source box's `processBefore` event, which fires for every file
 * before any processor (on load, and again on each change under `hexo
 * server`), says which files to check.
 *
 * - While Hexo loads the site, they are checked before it renders, from the
 *   text Hexo stored (`raw`) when it processed the file without error
 *   (`processAfter`); otherwise what Hexo holds, if anything, is an older
 *   version, and the file is read. Reading every file again had doubled
 *   the build's file reads.
 * - A change under `hexo server` is checked at once, from the file: Hexo
 *   regenerates only after processing a file without error, so a check
 *   waiting for that would never run for the note that broke.
 *
 * Whatever else makes Hexo drop a file (a `permalink: 5`, say) is caught
 * after loading: a file that should be a post or page but is not in Hexo's
 * database is reported too.
 *
 * When Hexo fails to read a file it keeps the post or page it made from an
 * earlier version (from db.json, in a `hexo generate` without `hexo clean`).
 * After loading, that earlier version is removed, so the file is left out
 * as in a clean build; under `hexo server` a change that breaks a file is
 * not loaded again, and the message says the last version Hexo read stays.
 *
 * A post or page whose file Hexo did not find is removed too. Hexo's own
 * watcher stored a file it saw added without the record a load compares
 * files with to tell which were deleted (see watched-files.ts, which now
 * makes it), so a note added under `hexo server` or `generate --watch`
 * outlived its file: deleted or renamed afterwards, it stayed on the site,
 * with any problem it had failing every build until `hexo clean`. A
 * db.json written before holds such notes still.
 */
import { printable } from '../core/shorten.js';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';
import { extname, join } from 'node:path';
// Hexo puts the terminal's colour codes around the paths it logs.
import { stripVTControlCharacters } from 'node:util';
import type Hexo from 'hexo';
import { showsDrafts } from './command-args.js';
// Hexo's own rules for which source files are posts, drafts and pages; not
// part of its documented API, so pinned with hexo itself (8.1.2).
import { isExcludedFile, isHiddenFile, isMatch, isTmpFile } from 'hexo/dist/plugins/processor/common.js';
import { frontMatterProblems } from './front-matter-problems.js';
import type { GlossaryStore } from './store.js';
import { modelRecords, storedSources } from './model-records.js';

/** Before the link filters refresh the glossary (1) and Hexo renders (10). */
const noteCheckPriority = 0;

type Model = 'Post' | 'Page';

interface BoxEvent {
  type: 'create' | 'update' | 'skip' | 'delete';
  path: string;
}

interface SourceDocument {
  source: string;
  /** The file as Hexo read it (BOM dropped, line ends made `\n`). */
  raw?: string;
}

export function registerNoteChecks(hexo: Hexo, store: GlossaryStore): void {
  /** Files that should end up as a post or page, by path under `source/`. */
  const expected = new Map<string, Model>();
  /** Files whose front matter has a problem. */
  const broken = new Set<string>();
  /** Files reported as dropped, so the server logs each only once. */
  const dropped = new Set<string>();
  /** Files created or changed (or seen for the first time) since the last check. */
  const unchecked = new Set<string>();
  /** Files Hexo processed without error since their last change: their stored `raw` is current. */
  const processed = new Set<string>();
  /** Every file the source box found or was told of, and hasn't heard was deleted since. */
  const seen = new Set<string>();
  /** Checks of changed files still reading them. */
  const pending = new Set<Promise<void>>();
  const frontMatterKey = (path: string) => `source/${path} (front matter)`;
  const droppedKey = (path: string) => `source/${path} (dropped)`;

  const read = async (path: string): Promise<string | undefined> => {
    try {
      return await readFile(join(hexo.source.base, path), 'utf8');
    } catch {
      return undefined; // deleted meanwhile: the next event says so
    }
  };

  /** `stored`: Hexo holds a post or page from the file, which stays if Hexo can't read this version. */
  const check = (path: string, content: string, stored: boolean): void => {
    store.clearNoteProblems(frontMatterKey(path));
    broken.delete(path);
    for (const problem of frontMatterProblems(content, { post: expected.get(path) !== 'Page', earlierVersionKept: stored })) {
      const message = `source/${path}:${problem.line}:${problem.column}: ${problem.message}`;
      hexo.log.error(printable(message));
      store.addNoteProblem(frontMatterKey(path), message);
      broken.add(path);
    }
  };

  quietYamlFailures(hexo, (path) => expected.has(path));

  hexo.source.on('processBefore', (event: BoxEvent) => {
    const path = event.path.replace(/\\/g, '/');
    if (event.type === 'delete') seen.delete(path);
    else seen.add(path);
    const model = event.type === 'delete' ? undefined : modelOf(hexo, path);
    if (!model) {
      expected.delete(path);
      unchecked.delete(path);
      broken.delete(path);
      store.clearNoteProblems(frontMatterKey(path));
      // What its rendering found (an unknown `{% term %}`, a template error)
      // went with it: `generate --watch` must not exit 1 for a note that is gone.
      if (event.type === 'delete') store.clearNoteProblems(path);
      return;
    }
    expected.set(path, model);
    processed.delete(path);
    if (!hexo.source.isWatching()) {
      unchecked.add(path);
      return;
    }
    unchecked.delete(path);
    const running = read(path)
      .then((content) => {
        if (content !== undefined) check(path, content, storedSources(hexo).has(path));
      })
      .finally(() => pending.delete(running));
    pending.add(running);
  });
  hexo.source.on('processAfter', (event: BoxEvent) => {
    processed.add(event.path.replace(/\\/g, '/'));
  });

  hexo.extend.filter.register(
    'before_generate',
    async () => {
      await Promise.all(pending);
      // Files read while Hexo loaded the site, that it failed to process: it
      // keeps what it stored from them before (db.json, or the last load),
      // which a clean build would not have. Drop that, as Hexo does for a
      // deleted file, so every build shows the same site. (A change under
      // `hexo server` is not loaded this way: there the message says that
      // the last version Hexo read stays.)
      await removeRecords(hexo, new Set([...unchecked].filter((path) => !processed.has(path))));
      // Posts and pages whose file is gone, though Hexo never heard so (see
      // above). The test on disk keeps what another plugin made without a file.
      let stored = storedSources(hexo);
      const gone = [...stored.keys()].filter((path) => !seen.has(path) && !existsSync(join(hexo.source.base, path)));
      if (gone.length > 0) {
        for (const path of gone) hexo.log.debug('source/%s is gone: removing the note Hexo kept from it', path);
        await removeRecords(hexo, new Set(gone));
        stored = storedSources(hexo);
      }
      for (const path of unchecked) {
        unchecked.delete(path);
        const content = (processed.has(path) ? stored.get(path) : undefined) ?? (await read(path));
        if (content !== undefined) check(path, content, stored.has(path));
      }
      // Under `hexo server`, the site regenerates after one file is processed
      // while Hexo may still be storing another: a renamed note (or `hexo
      // publish`) is a deleted file and a new one. Wait until Hexo is done
      // with the missing ones, stored or failed, before calling them dropped.
      const missing = [...expected.keys()].filter((path) => !stored.has(path) && !broken.has(path));
      if (await processingDone(hexo, missing)) stored = storedSources(hexo);
      for (const path of dropped) {
        if (!expected.has(path) || stored.has(path) || broken.has(path)) {
          dropped.delete(path);
          store.clearNoteProblems(droppedKey(path));
        }
      }
      for (const path of expected.keys()) {
        // A front matter problem already explains why the file is missing.
        if (stored.has(path) || broken.has(path) || dropped.has(path)) continue;
        const message = `source/${path}: Hexo could not read this file (its error is logged above after "Process failed"), so it is missing from the site`;
        hexo.log.error(printable(message));
        store.addNoteProblem(droppedKey(path), message);
        dropped.add(path);
      }
    },
    noteCheckPriority,
  );
}

/**
 * Resolves once Hexo's source box processes none of `paths` (its
 * `_processingFiles`, set from `processBefore` until the file is stored or
 * its failure logged), or after `processingWait` ms at most, so that a file
 * Hexo never finishes can't hold the check forever; `true` if it had to wait.
 */
async function processingDone(hexo: Hexo, paths: readonly string[]): Promise<boolean> {
  // Hexo 8's own record (private): without it, there is nothing to wait for.
  const processing = (hexo.source as { _processingFiles?: Record<string, boolean> })._processingFiles;
  const busy = () => paths.some((path) => processing?.[path] === true);
  if (!busy()) return false;
  for (let waited = 0; busy() && waited < processingWait; waited += 10) await delay(10);
  return true;
}

/** The longest the check waits for Hexo to store a file (ms); a note takes milliseconds. */
const processingWait = 5000;

/** Remove Hexo's posts and pages made from `paths` (by `source`), with their tags, categories and assets. */
async function removeRecords(hexo: Hexo, paths: ReadonlySet<string>): Promise<void> {
  if (paths.size === 0) return;
  for (const model of ['Post', 'Page'] as const) {
    const ids = [...modelRecords<SourceDocument>(hexo, model)].filter(([, record]) => paths.has(record.source)).map(([id]) => id);
    for (const id of ids) await hexo.model(model).removeById(id);
  }
}

/** Which model Hexo's processors put a source file in, if any: the same tests, in the same order. */
function modelOf(hexo: Hexo, path: string): Model | undefined {
  if (isTmpFile(path)) return undefined;
  const { config } = hexo;
  const renderable = hexo.render.isRenderable(path) && !isMatch(path, config.skip_render as string | string[] | undefined);
  const postDir = path.startsWith('_posts/') ? '_posts/' : path.startsWith('_drafts/') ? '_drafts/' : undefined;
  if (postDir) {
    if (isHiddenFile(path.slice(postDir.length)) || !renderable) return undefined;
    if (config.post_asset_folder && extname(config.new_post_name) !== extname(path)) return undefined;
    // Drafts are read but not published unless asked for; only then is a broken one lost.
    return postDir === '_posts/' || showsDrafts(hexo) ? 'Post' : undefined;
  }
  if (isExcludedFile(path, config)) return undefined;
  return renderable ? 'Page' : undefined;
}

/**
 * Hexo logs a note whose front matter YAML can't read with the whole
 * YAMLException: js-yaml's excerpt, a position counted from the start of
 * the YAML block rather than the file, and some twenty lines of stack, all
 * before the check above names the file's line and the mending. For the
 * files that check reads (`checked`, by path under source/), Hexo's line
 * is kept and the rest left out, unless `--debug` asks for everything.
 * Any other failure is logged as Hexo logs it.
 */
function quietYamlFailures(hexo: Hexo, checked: (path: string) => boolean): void {
  if (hexo.env.debug) return;
  const log = hexo.log as unknown as { error: (...args: unknown[]) => void };
  const logError = log.error;
  log.error = function (this: unknown, ...args: unknown[]): void {
    const [fields, format, path] = args;
    const err = typeof fields === 'object' && fields !== null ? (fields as { err?: unknown }).err : undefined;
    if (
      format === 'Process failed: %s' &&
      err instanceof Error &&
      err.name === 'YAMLException' &&
      typeof path === 'string' &&
      checked(stripVTControlCharacters(path).replace(/\\/g, '/'))
    ) {
      Reflect.apply(logError, this, ['Process failed: %s: its front matter is not valid YAML (see the message that names the file with its line)', path]);
      return;
    }
    Reflect.apply(logError, this, args);
  };
}
