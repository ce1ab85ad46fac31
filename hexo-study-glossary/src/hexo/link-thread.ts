/**
 * The linker in a worker thread (see link-pool.ts): the same `planLinks`,
 * fed over messages. It keeps the glossary it was last sent; messages are
 * handled in order, so every note is linked against the glossary sent
 * before it, and `snippets` answers for every note sent before it.
 */
import { parentPort } from 'node:worker_threads';
import { planLinks, type PlanOptions } from '../core/link-html.js';
import { createMatcher, type Matcher } from '../core/match-terms.js';
import { planStored, storedPlan } from '../core/mention-record.js';
import { newestSnippets, type NewestSnippets } from '../core/newest-snippets.js';
import type { ThreadNote, ThreadReply, ThreadRequest, ThreadResult } from './link-pool.js';

interface Linking {
  matcher: Matcher;
  options: PlanOptions;
  /** Snippets of the notes sent with `keep`, for this glossary. */
  kept: NewestSnippets;
}

function serve(port: NonNullable<typeof parentPort>): void {
  let linking: Linking | undefined;
  port.on('message', (request: ThreadRequest) => {
    if (request.type === 'glossary') {
      linking = { matcher: createMatcher(request.terms), options: { mode: request.mode, skip: request.skip }, kept: newestSnippets(request.snippets) };
      return;
    }
    let reply: ThreadReply;
    try {
      const current = linking;
      if (!current) throw new Error('no glossary was sent before the first note');
      // Only the counts are sent back: notes store no snippets. A note to
      // `keep` is planned with them (more work, on this core, while Hexo's
      // renders Markdown) and leaves those of its terms' newest notes here.
      const plan = (note: ThreadNote): ThreadResult => {
        const options = { ...current.options, exclude: new Set(note.exclude) };
        if (!note.keep) return planStored(note.html, current.matcher, options);
        const planned = planLinks(note.html, current.matcher, { ...options, snippets: true });
        current.kept.add(note.keep.note, note.keep.time, planned.mentions);
        return storedPlan(planned);
      };
      if (request.type === 'snippets') reply = { id: request.id, snippets: current.kept.take() };
      else reply = request.type === 'batch' ? { id: request.id, results: request.notes.map(plan) } : { id: request.id, ...plan(request) };
    } catch (error) {
      reply = { id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    port.postMessage(reply);
  });
}

if (parentPort) serve(parentPort);
