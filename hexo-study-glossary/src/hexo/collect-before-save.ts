/**
 * A full garbage collection once `hexo generate` has written the pages,
 * before Hexo saves db.json.
 *
 * Why: a linked build's longest pages (an index page of ten whole notes)
 * pass the size at which V8 keeps a string as a large object, freed only
 * by a full collection, and Hexo copies each page whole at every step
 * (docs/performance.md). When the last page is written, the heap still
 * holds much of that garbage, and saving db.json makes a copy of every
 * note on top of it: in the bench most linked builds peaked there, 11–17%
 * above plain Hexo, against −2 to +7% by the last page written. One full
 * collection first (about 50 ms at 2,000 notes) frees it before the save.
 *
 * How: `gc` exists only under `--expose-gc`. The flag is set for as long
 * as it takes to get the function from a new context, as Jest does for
 * `--logHeapUsage`, and a `gc` Node was started with is used as it is.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type Hexo from 'hexo';
import { generatesSite } from './command-args.js';

/** Before Hexo's own `before_exit` filter (10), which saves db.json. */
const collectPriority = 5;

export function registerCollectBeforeSave(hexo: Hexo): void {
  // A server's exit frees everything anyway.
  if (!generatesSite(hexo)) return;
  hexo.extend.filter.register('before_exit', () => fullCollection()?.(), collectPriority);
}

/** V8's full garbage collection, if this Node can give it. */
export function fullCollection(): (() => void) | undefined {
  const own = (globalThis as { gc?: unknown }).gc;
  if (typeof own === 'function') return own as () => void;
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  } finally {
    setFlagsFromString('--no-expose-gc');
  }
}
