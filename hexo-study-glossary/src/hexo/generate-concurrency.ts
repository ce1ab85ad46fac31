/**
 * `hexo generate` renders every page at once unless `-c N` limits it: all
 * pages' HTML is in memory together before the first is written. Auto tags
 * multiply tag pages (a note that mentions 40 terms is listed on 40 tag
 * pages), and at 10,000 notes that ran Hexo out of Node's default heap
 * (about 4 GB here). Writing 32 pages at a time halved peak memory and was
 * no slower (3,000 notes: 3.5 GB, 75 s unbounded; 1.6 GB, 66 s at 32), so
 * that is the default here; `-c` on the command line still wins.
 */
import type Hexo from 'hexo';
import { generatesSite } from './command-args.js';

/** Pages rendered and written at the same time by `hexo generate`. */
export const defaultGenerateConcurrency = 32;

export function registerGenerateConcurrency(hexo: Hexo): void {
  const args = hexo.env.args as Record<string, unknown> | undefined;
  if (!args) return;
  // `hexo deploy -g` generates with the same arguments.
  if (!generatesSite(hexo)) return;
  if (args['c'] !== undefined || args['concurrency'] !== undefined) return;
  // hexo-cli hands this same object to the command, which reads it when it starts.
  args['concurrency'] = defaultGenerateConcurrency;
}
