/**
 * Hexo logs a broken file and still exits 0; a glossary or note problem
 * must fail `hexo generate` instead, after everything else was written.
 */
import type Hexo from 'hexo';
import type { GlossaryStore } from './store.js';

export function registerExitStatus(hexo: Hexo, store: GlossaryStore): void {
  hexo.extend.filter.register('before_exit', () => {
    // The preview server reports problems as they come and keeps serving.
    const command = hexo.env.cmd ?? '';
    if ((hexo.extend.console.alias as Record<string, string>)[command] === 'server') return;
    // hexo-cli calls this once `generate --watch` has built the site, and
    // again on Ctrl+C, once it stopped watching: the status is what is
    // wrong then, not what was wrong in the first build.
    if (hexo.source.isWatching()) return;
    const problems = store.allProblems();
    if (problems.length === 0) return;
    hexo.log.error(`hexo-study-glossary: ${problems.length} problem${problems.length === 1 ? '' : 's'} (listed above); exiting with status 1`);
    process.exitCode = 1;
  });
}
