/**
 * Removes the folders that `hexo generate` empties.
 *
 * Without `hexo clean`, Hexo deletes the files of pages that are gone (a
 * deleted or renamed note, a month's archive with no note left) but not
 * their folders: `public/2024/02/01/old-name/` stayed, empty, and rsync
 * or a gh-pages commit of `public/` carried it. The files Hexo is about to
 * delete are the ones it wrote before (its Cache) that no route has now;
 * once the command is done, their folders, and the folders above them up
 * to `public/`, are removed if they are empty. Only empty folders can be
 * removed (`rmdir`), so nothing written is ever lost; the preview server
 * deletes no file, so its folders are never empty.
 */
import { rmdir } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import type Hexo from 'hexo';
import { modelRecords } from './model-records.js';
import type { RouteTable } from './routes.js';

/** After every `after_generate` filter that may still add routes (the search index's runs at 50). */
const listPriority = 1000;

export function registerEmptyFolders(hexo: Hexo): void {
  // Folders (relative to public/) of the files this run's generation left without a route.
  let emptied = new Set<string>();

  hexo.extend.filter.register(
    'after_generate',
    () => {
      const routes = new Set((hexo.route as unknown as RouteTable).list());
      emptied = new Set();
      for (const [id] of modelRecords<unknown>(hexo, 'Cache')) {
        if (!id.startsWith('public/')) continue;
        const path = id.slice('public/'.length);
        if (!routes.has(path)) emptied.add(dirname(path));
      }
    },
    listPriority,
  );

  hexo.extend.filter.register('before_exit', async () => {
    const publicDir = resolve(hexo.public_dir);
    // Deepest first, so that a folder's emptied subfolders are gone when it is tried.
    const folders = [...emptied].sort((a, b) => b.split('/').length - a.split('/').length);
    emptied = new Set();
    for (const folder of folders) {
      for (let current = resolve(publicDir, folder); current.startsWith(publicDir + sep); current = dirname(current)) {
        if (!(await removeIfEmpty(current))) break;
      }
    }
  });
}

/** Whether the folder was removed: not when it has anything in it, or is not there. */
async function removeIfEmpty(folder: string): Promise<boolean> {
  try {
    await rmdir(folder);
    return true;
  } catch {
    return false;
  }
}

