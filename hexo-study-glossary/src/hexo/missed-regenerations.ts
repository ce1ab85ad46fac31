/**
 * Regenerating for the files Hexo processed while a generation ran.
 *
 * Under `hexo server`, Hexo regenerates 100 ms after it processes a file
 * (the source box's `processAfter` event), and drops that regeneration when
 * one is already running (see generation-idle.ts). A note saved then is
 * stored unrendered, after the running generation rendered the notes (its
 * `before_generate`), and no generation renders it: its page shows an
 * empty body until the note is saved again. That is Hexo's own behaviour,
 * but the plugin makes it likely: a glossary edit links every note again,
 * which makes a generation long (about a second at 300 notes).
 *
 * So a file processed while a generation runs asks again once it has ended,
 * with the same event: Hexo then regenerates with the file. Files processed
 * meanwhile share that one regeneration. (The glossary processor waits on
 * its own, since it must read its file again; see processor.ts.)
 */
import type Hexo from 'hexo';
import { generationIdle, isGenerating } from './generation-idle.js';

export function registerMissedRegenerations(hexo: Hexo): void {
  let waiting = false;
  hexo.source.on('processAfter', (event: unknown) => {
    if (waiting || !isGenerating(hexo)) return;
    waiting = true;
    void generationIdle(hexo).then(() => {
      waiting = false;
      hexo.source.emit('processAfter', event);
    });
  });
}
