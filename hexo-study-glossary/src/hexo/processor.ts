/**
 * Hexo treats `source/_*` folders as hidden, so glossary files are neither
 * rendered nor copied; this processor still sees them (on load, and again
 * on every change under `hexo server`) and hands their text to the store.
 *
 * A glossary file processed while the site regenerates (a glossary edit
 * re-links every note: about a second at 300 notes) is read after that
 * generation refreshed the glossary, and Hexo drops the regeneration it
 * asks for (see generation-idle.ts): a second save a moment after the
 * first, or a file deleted or renamed meanwhile, stayed unseen until some
 * other file changed. So the processor ends only once no generation runs,
 * and then Hexo regenerates with the file.
 *
 * A renamed file is a deleted one and a new one, and Hexo sees the new one
 * only once it has stayed the same for 200 ms (chokidar's
 * `awaitWriteFinish`): the site regenerated without the file's terms, every
 * note was linked again without them and each `{% term %}` of theirs
 * logged an error, then all of it again with them. So a deleted file's
 * terms stay for a moment (`renameWait`), and a new file with the same
 * text takes their place at once.
 */
import { readFile } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';
import type Hexo from 'hexo';
import { isGlossaryFileName } from '../core/load-glossary.js';
import type { GlossaryOptions } from '../core/options.js';
import type { GlossaryStore } from './store.js';
import { generationIdle } from './generation-idle.js';

/** How long a deleted glossary file's terms stay, waiting for the file to come back under a new name (ms). */
const renameWait = 1000;

interface BoxFile {
  /** The file's full path. */
  source: string;
  path: string;
  type: 'create' | 'update' | 'skip' | 'delete';
  read(): PromiseLike<string>;
}

export function registerGlossaryProcessor(hexo: Hexo, options: GlossaryOptions, store: GlossaryStore): void {
  const prefix = `${options.dir}/`;
  // Subfolders too (`_glossary/aws/ec2.yml`): Hexo hides every file under
  // an `_` folder, so a file this skipped was read by nothing, and its terms
  // were missing from the site without a word. Hidden ones not: a binary
  // `._aws.yml` failed the build with YAML errors.
  const isGlossaryFile = (path: string) => path.startsWith(prefix) && isGlossaryFileName(path.slice(prefix.length));

  // Hexo's typings omit function patterns, which hexo-util's Pattern accepts.
  const pattern = ((path: string) => isGlossaryFile(path.replace(/\\/g, '/'))) as unknown as RegExp;
  /** Files deleted in the last `renameWait` ms, with their text, whose terms still stand. */
  const deleted = new Map<string, string>();
  hexo.extend.processor.register(
    pattern,
    async (boxFile) => {
      const file = boxFile as unknown as BoxFile;
      const path = `source/${file.path.replace(/\\/g, '/')}`;
      if (file.type === 'delete') {
        const content = store.file(path);
        if (content !== undefined) {
          deleted.set(path, content);
          await delay(renameWait);
          // Not renamed: gone, unless it is back (Hexo ignored its events meanwhile).
          if (deleted.get(path) === content) {
            deleted.delete(path);
            store.setFile(path, await readIfPresent(file.source));
          }
        }
      } else {
        const content = await file.read();
        for (const [old, text] of deleted) {
          if (text !== content) continue;
          deleted.delete(old);
          store.setFile(old, undefined);
          break;
        }
        store.setFile(path, content);
      }
      if (!(await generationIdle(hexo))) return;
      // Hexo ignores a file's changes while it is processed: read what it is now.
      store.setFile(path, await readIfPresent(file.source));
    },
  );
}

/** The file's text, or `undefined` once it is gone. */
async function readIfPresent(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
