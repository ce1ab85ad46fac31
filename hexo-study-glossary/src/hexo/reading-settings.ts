/**
 * Reads every note and page again when a setting Hexo applies while reading
 * them differs from the one the database cache (db.json) was read with:
 *
 * - `timezone`: front-matter dates are read in it;
 * - `future`, and `render_drafts` or `--draft`: a note Hexo doesn't
 *   publish keeps none of its own tags (Hexo's `Post.setTags`).
 *
 * Hexo reads again only files that changed. So a `hexo generate` without
 * `hexo clean` after `timezone` changed kept every date read in the old
 * zone, which moved notes to other days and URLs (137 files differed from
 * a clean build); turning `future` on showed a future note without its tags.
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
export const readingSettingsPriority = -1;

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
        hexo.log.info(
          stored === undefined
            ? "Hexo's cache does not say with which timezone, future and drafts settings it read the notes: reading them again"
            : "Hexo's cache holds notes read with another timezone, future or drafts setting: reading them again",
        );
        await readAgain(hexo);
      }
      await cache.save({ _id: recordId, hash: settings, modified: 0 });
    },
    readingSettingsPriority,
  );
}

function readingSettings(hexo: Hexo): string {
  const config = hexo.config as unknown as Record<string, unknown>;
  return JSON.stringify({
    timezone: config['timezone'] ?? '',
    zone: process.env['TZ'] ?? '',
    future: Boolean(config['future']),
    drafts: showsDrafts(hexo),
  });
}

/** Has Hexo read each stored note and page again, from its file, as it does a changed one. */
async function readAgain(hexo: Hexo): Promise<void> {
  const box = hexo.source as unknown as SourceBox;
  const paths = [...storedSources(hexo).keys()].filter((path) => existsSync(join(box.base, path)));
  // All at once, as Hexo's own load reads them.
  await Promise.all(paths.map((path) => box._processFile('update', path)));
}
