/**
 * The linker in a worker thread (see link-pool.ts): the same `planLinks`,
 * fed over messages. It keeps the glossary it was last sent; messages are
 * handled in order, so every note is linked against the glossary sent
 * before it.
 */
import { parentPort } from 'node:worker_threads';
import type { PlanOptions } from '../core/link-html.js';
import { createMatcher, type Matcher } from '../core/match-terms.js';
import { planStored } from '../core/mention-record.js';
import type { ThreadNote, ThreadReply, ThreadRequest, ThreadResult } from './link-pool.js';

interface Linking {
  matcher: Matcher;
  options: PlanOptions;
}

function serve(port: NonNullable<typeof parentPort>): void {
  let linking: Linking | undefined;
  port.on('message', (request: ThreadRequest) => {
    if (request.type === 'glossary') {
      linking = { matcher: createMatcher(request.terms), options: { mode: request.mode, skip: request.skip } };
      return;
    }
    let reply: ThreadReply;
    try {
      const current = linking;
      if (!current) throw new Error('no glossary was sent before the first note');
      // Only the counts are sent back (planStored takes no snippets).
      const plan = (note: ThreadNote): ThreadResult => planStored(note.html, current.matcher, { ...current.options, exclude: new Set(note.exclude) });
      reply = request.type === 'batch' ? { id: request.id, results: request.notes.map(plan) } : { id: request.id, ...plan(request) };
    } catch (error) {
      reply = { id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    port.postMessage(reply);
  });
}

if (parentPort) serve(parentPort);
