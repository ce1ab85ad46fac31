/**
 * Reads every note and page again when a setting Hexo applies while reading
 * them differs from the one the database cache (db.json) was read with:
 *
 * - `timezone`: front-matter dates are read in it;
 * - `future`, and `render_drafts` or `--draft`: a note Hexo doesn't
 *   publish keeps none of its own tags (Hexo's `Post.setTags`);
 * - the settings a note's HTML is rendered with, which Hexo keeps as it
 *   rendered it: `root`, `url`, `relative_link` and `post_asset_folder`
 *   (image and asset URLs), `marked` (the Markdown renderer's options),
 *   `highlight`, `prismjs` and `syntax_highlighter` (code blocks),
 *   `external_link` and `titlecase`;
 * - the plugin's own changes to the Markdown's HTML (`markup`, a number
 *   raised when they change: heading-anchors.ts).
 *
 * Hexo reads again only files that changed. So a `hexo generate` without
 * `hexo clean` after `timezone` changed kept every date read in the old
 * zone, which moved notes to other days and URLs (137 files differed from
 * a clean build); turning `future` on showed a future note without its
 * tags; and a new `root` moved the glossary links, which the plugin splices
 * in, but left every image at the old one.
 *
 * The settings are kept in db.json as a record of Hexo's Cache model under
 * an id no file has, which `hexo clean` removes with the rest.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type Hexo from 'hexo';
import { showsDrafts } from './command-args.js';
import { hasDatabaseCache } from './database-cache.js';
import { cacheModel, storedSources } from './model-records.js';

/** Before the note checks (0) and Hexo's rendering of the notes (10). */
const readingSettingsPriority = -1;

/** The Cache record's id: Hexo's source box looks only at ids under `source/`. */
const recordId = 'hexo-study-glossary: reading settings';

/** Hexo 8's source box, as far as reading a file again goes (private: pinned with hexo). */
interface SourceBox {
  base: string;
  _processFile(type: 'update', path: string): PromiseLike<unknown>;
}

export function registerReadingSettings(hexo: Hexo): void {
  // Whether this run loaded a db.json: without one every file is read anyway.
  const cached = hasDatabaseCache(hexo);
  hexo.extend.filter.register(
    'before_generate',
    async () => {
      const cache = cacheModel(hexo);
      const settings = readingSettings(hexo);
      const stored = cache.findById(recordId)?.hash;
      if (stored === settings) return;
      if (cached) {
        const changed = changedSettings(stored, settings);
        hexo.log.info(
          changed === undefined || changed.length === 0
            ? "Hexo's cache does not say with which settings it read the notes: reading them again"
            : `Hexo's cache holds notes read with another ${changed.join(', ')}: reading them again`,
        );
        await readAgain(hexo);
      }
      await cache.save({ _id: recordId, hash: settings, modified: 0 });
    },
    readingSettingsPriority,
  );
}

/** The settings of `_config.yml` a note's HTML is rendered with, kept by name. */
/** Raised when the plugin changes the HTML Markdown renders to (1: headings' links hidden from keyboards). */
const markupVersion = 1;

const renderingSettings = ['root', 'url', 'relative_link', 'post_asset_folder', 'marked', 'highlight', 'prismjs', 'syntax_highlighter', 'external_link', 'titlecase'];

function readingSettings(hexo: Hexo): string {
  const config = hexo.config as unknown as Record<string, unknown>;
  const settings: Record<string, unknown> = {
    timezone: config['timezone'] ?? '',
    zone: process.env['TZ'] ?? '',
    future: Boolean(config['future']),
    drafts: showsDrafts(hexo),
    markup: markupVersion,
  };
  for (const name of renderingSettings) settings[name] = config[name] ?? null;
  return JSON.stringify(settings);
}

/** The names of the settings that differ, for the log; undefined when the cache has none (or an older record). */
function changedSettings(stored: string | undefined, current: string): string[] | undefined {
  let before: Record<string, unknown>;
  try {
    before = JSON.parse(stored ?? '') as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const now = JSON.parse(current) as Record<string, unknown>;
  if (!renderingSettings.every((name) => name in before)) return undefined;
  const names = Object.keys(now).filter((name) => JSON.stringify(before[name]) !== JSON.stringify(now[name]));
  return [...new Set(names.map((name) => (name === 'zone' ? 'timezone' : name)))];
}

/** Has Hexo read each stored note and page again, from its file, as it does a changed one. */
async function readAgain(hexo: Hexo): Promise<void> {
  const box = hexo.source as unknown as SourceBox;
  const paths = [...storedSources(hexo).keys()].filter((path) => existsSync(join(box.base, path)));
  // All at once, as Hexo's own load reads them.
  await Promise.all(paths.map((path) => box._processFile('update', path)));
}
