/**
 * Waiting out a generation that is running.
 *
 * Under `hexo server`, Hexo regenerates 100 ms after a file is processed,
 * and drops that regeneration when one is already running (its
 * `_generate` returns at once while `_isGenerating`). A change processed
 * after the running generation has read it is then shown by no generation
 * at all, until some other file changes.
 */
import { setTimeout as delay } from 'node:timers/promises';
import type Hexo from 'hexo';

/** The longest a file waits for a generation to end (ms); a generation at 10,000 notes takes about a minute. */
const generationWait = 300_000;

/**
 * Resolves once Hexo runs no generation (or after `generationWait` ms at
 * most, so that a generation that never ends can't hold a file forever);
 * `true` if it had to wait.
 */
export async function generationIdle(hexo: Hexo): Promise<boolean> {
  if (!isGenerating(hexo)) return false;
  for (let waited = 0; isGenerating(hexo) && waited < generationWait; waited += 20) await delay(20);
  return true;
}

/** Whether Hexo is running a generation now. */
export function isGenerating(hexo: Hexo): boolean {
  // Hexo 8's own flag (private), pinned with hexo like note-checks.ts's:
  // without it, there is nothing to wait for.
  return (hexo as unknown as { _isGenerating?: unknown })._isGenerating === true;
}
