/**
 * Hexo treats `source/_*` folders as hidden, so glossary files are neither
 * rendered nor copied; this processor still sees them (on load, and again
 * on every change under `hexo server`) and hands their text to the store.
 */
import type Hexo from 'hexo';
import type { GlossaryOptions } from '../core/options.js';
import type { GlossaryStore } from './store.js';

interface BoxFile {
  path: string;
  type: 'create' | 'update' | 'skip' | 'delete';
  read(): PromiseLike<string>;
}

export function registerGlossaryProcessor(hexo: Hexo, options: GlossaryOptions, store: GlossaryStore): void {
  const prefix = `${options.dir}/`;
  const isGlossaryFile = (path: string) => path.startsWith(prefix) && /\.ya?ml$/i.test(path) && !path.slice(prefix.length).includes('/');

  // Hexo's typings omit function patterns, which hexo-util's Pattern accepts.
  const pattern = ((path: string) => isGlossaryFile(path.replace(/\\/g, '/'))) as unknown as RegExp;
  hexo.extend.processor.register(
    pattern,
    async (boxFile) => {
      const file = boxFile as unknown as BoxFile;
      const path = `source/${file.path.replace(/\\/g, '/')}`;
      if (file.type === 'delete') store.setFile(path, undefined);
      else store.setFile(path, await file.read());
    },
  );
}
