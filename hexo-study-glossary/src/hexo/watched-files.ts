/**
 * A file Hexo's watcher sees added or changed gets the record a load gives
 * every file it finds (Hexo's Cache model: the file's hash and time).
 *
 * Each load compares the files it finds with those records: a record
 * without its file is a deleted file, and Hexo removes the note made from
 * it; a file without a record is a new one. The watcher (`hexo server`,
 * `generate --watch`) reads an added file without making its record. So
 * the next build read a note added under the server as new again, and
 * warned `Trying to "create" _posts/….md, but the file already exists!`;
 * and once the file was deleted no load noticed, so the note stayed on the
 * site (note-checks.ts removes such notes, for a db.json made before).
 * Nor does it update the record of a changed file: a note edited under the
 * server, then put back as it was (undo, `git checkout`), matched the
 * record the load had made, and every later build kept the edited version
 * (or its problem, after a mistake mended so) until `hexo clean`.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type Hexo from 'hexo';
import { cacheModel } from './model-records.js';

interface BoxEvent {
  type: string;
  path: string;
}

export function registerWatchedFiles(hexo: Hexo): void {
  hexo.source.on('processAfter', (event: BoxEvent) => {
    // A load makes or updates the record itself, before processing the file.
    if ((event.type !== 'create' && event.type !== 'update') || !hexo.source.isWatching()) return;
    const file = join(hexo.source.base, event.path);
    // The record's name, as Box makes it: the path under the site's folder, with `/`.
    const id = file.slice(hexo.base_dir.length).replace(/\\/g, '/');
    const cache = cacheModel(hexo);
    // Made as Box makes it: a SHA-1 of the file, and its time.
    const hash = async () => createHash('sha1').update(await readFile(file)).digest('hex');
    Promise.resolve(cache.compareFile(id, hash, () => stat(file))).catch(() => {
      // Deleted or renamed meanwhile: the watcher says so next.
    });
  });
}
