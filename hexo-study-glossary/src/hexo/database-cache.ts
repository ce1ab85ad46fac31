/**
 * Whether Hexo will load a database cache (db.json) left by an earlier run.
 *
 * Asked while the plugin registers, before Hexo loads it. Without one (the
 * first run, or after `hexo clean`) nothing in Hexo's models predates this
 * process: no note was linked against another glossary, and no note carries
 * tags added under other options. Checks for those can skip their scan of
 * every note, which costs about 90 ms per 2,000 notes: Hexo's models deep-copy
 * each document they hand out.
 */
import { existsSync } from 'node:fs';
import type Hexo from 'hexo';

export function hasDatabaseCache(hexo: Hexo): boolean {
  const path = hexo.database.options.path;
  return typeof path === 'string' && existsSync(path);
}
