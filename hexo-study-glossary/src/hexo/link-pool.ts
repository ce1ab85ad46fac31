/**
 * Plans the links of notes (`planLinks`) in a worker thread, on another
 * core than Hexo's.
 *
 * Hexo renders every note of a build at once (its `before_generate` filter
 * maps over all of them), so the notes reach the link filter together, once
 * the last note's Markdown is rendered. Posting a note is not free (about
 * 0.3 s of Hexo's thread for 2,000 notes, not much less than planning it
 * there), so planning notes in the thread only then gained little: at
 * 2,000 notes it was within the noise of planning in place. What pays is
 * planning while Hexo's thread renders Markdown: the link filter sends each
 * note as soon as its renderer returns (renderer-tap.ts), and the thread,
 * started (`warm`) before the first note, has planned nearly every note by
 * the time the link filter asks. The filter phase went from about 590 to
 * about 370 ms at 2,000 notes (plain Hexo: about 160). The adapter plans a
 * few notes in place (`hexo server` after an edit, small sites): starting
 * a thread would cost more than it saves. After a glossary edit, the notes
 * Hexo stored are planned again on both threads, the thread's share sent
 * in one message (`linkAll`). The thread also keeps the snippets of each
 * term's newest notes, which the term pages show (`snippets`; see
 * core/newest-snippets.ts). See link-thread.ts for the worker's side.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { StoredPlan } from '../core/mention-record.js';
import type { KeptSnippet } from '../core/newest-snippets.js';
import type { MatchableTerm } from '../core/types.js';

/** The glossary as the thread needs it: what to match, and how. */
export interface ThreadGlossary {
  terms: readonly MatchableTerm[];
  mode: 'first' | 'all';
  /** `undefined`: the linker's default. */
  skip: readonly string[] | undefined;
  /** Notes a term page gives a snippet, newest first (Infinity for all). */
  snippets: number;
}

/** A note to plan: its HTML, and the keys it excludes. */
export interface ThreadNote {
  html: string;
  exclude: string[];
  /** Keep its snippets for the term pages, under this name and date (ms). */
  keep?: { note: string; time: number };
}

export type ThreadRequest =
  | ({ type: 'glossary' } & ThreadGlossary)
  | ({ type: 'link'; id: number } & ThreadNote)
  | { type: 'batch'; id: number; notes: ThreadNote[] }
  | { type: 'snippets'; id: number };

export type ThreadReply =
  | ({ id: number } & ThreadResult)
  | { id: number; results: ThreadResult[] }
  | { id: number; snippets: KeptSnippet[] }
  | { id: number; error: string };

/** What the thread sends back for a note: what the note stores (see `planStored`). */
export type ThreadResult = StoredPlan;

export interface LinkPool {
  /** The glossary for the notes sent from now on. */
  setGlossary(glossary: ThreadGlossary): void;
  /**
   * Starts the thread now, so that loading its code and compiling the
   * glossary happen before the first note comes rather than after it.
   */
  warm(): void;
  /**
   * Plans the links of `html` in the thread, against the last glossary set;
   * with `keep`, keeps its snippets for `snippets`.
   */
  link(html: string, exclude: ReadonlySet<string>, keep?: ThreadNote['keep']): Promise<ThreadResult>;
  /**
   * Plans many notes in the thread, sent in one message: posting each note
   * on its own costs Hexo's thread about half of what planning it does.
   */
  linkAll(notes: readonly { html: string; exclude: ReadonlySet<string> }[]): Promise<ThreadResult[]>;
  /**
   * The snippets kept from the notes sent so far (those sent with `keep`):
   * for each term, those of its newest notes. The thread starts over.
   */
  snippets(): Promise<KeptSnippet[]>;
  /**
   * Stops the thread once the notes sent so far are linked; a `link` before
   * then keeps it, one after starts another. Its heap is the process's
   * memory too: an idle thread should not hold it while Hexo writes the site.
   */
  release(): void;
  /** Stops the thread now, rejecting the notes still waiting (a later `link` starts another). */
  close(): Promise<void>;
}

type Answer = ThreadResult | ThreadResult[] | KeptSnippet[];

interface Pending {
  resolve(result: Answer): void;
  reject(error: Error): void;
}

export function createLinkPool(): LinkPool {
  let worker: Worker | undefined;
  let glossary: ThreadGlossary | undefined;
  let nextId = 0;
  const pending = new Map<number, Pending>();
  /** `release` was asked while notes were waiting: stop when they are done. */
  let releaseWhenIdle = false;

  const fail = (error: Error) => {
    worker = undefined;
    for (const request of pending.values()) request.reject(error);
    pending.clear();
  };

  const start = (): Worker => {
    const thread = new Worker(join(__dirname, 'link-thread.js'));
    thread.on('message', (reply: ThreadReply) => {
      const request = pending.get(reply.id);
      if (!request) return;
      pending.delete(reply.id);
      // An idle thread must not keep Hexo from exiting; a busy one must.
      if (pending.size === 0) thread.unref();
      if ('error' in reply) request.reject(new Error(`Glossary: linking failed: ${reply.error}`));
      else if ('results' in reply) request.resolve(reply.results);
      else if ('snippets' in reply) request.resolve(reply.snippets);
      else request.resolve({ plan: reply.plan, mentions: reply.mentions });
      if (pending.size === 0 && releaseWhenIdle && worker === thread) stop();
    });
    thread.on('error', (error) => {
      if (worker === thread) fail(error);
    });
    thread.on('exit', (code) => {
      if (worker === thread) fail(new Error(`Glossary: the linking thread stopped (exit code ${code})`));
    });
    if (glossary) thread.postMessage({ type: 'glossary', ...glossary } satisfies ThreadRequest);
    // Idle until a note is sent (`link` holds it then).
    thread.unref();
    return thread;
  };

  const stop = () => {
    releaseWhenIdle = false;
    const thread = worker;
    worker = undefined;
    void thread?.terminate();
  };

  /** Sends the request `make` makes with a new id; settles with the thread's reply to it. */
  const send = <T extends Answer>(make: (id: number) => ThreadRequest): Promise<T> => {
    releaseWhenIdle = false;
    worker ??= start();
    const thread = worker;
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as Pending['resolve'], reject });
      thread.ref();
      thread.postMessage(make(id));
    });
  };

  return {
    setGlossary(next) {
      glossary = next;
      worker?.postMessage({ type: 'glossary', ...next } satisfies ThreadRequest);
    },
    warm() {
      releaseWhenIdle = false;
      worker ??= start();
    },
    link(html, exclude, keep) {
      return send<ThreadResult>((id) => ({ type: 'link', id, html, exclude: [...exclude], ...(keep && { keep }) }));
    },
    linkAll(notes) {
      return send<ThreadResult[]>((id) => ({ type: 'batch', id, notes: notes.map((note) => ({ html: note.html, exclude: [...note.exclude] })) }));
    },
    snippets() {
      return send<KeptSnippet[]>((id) => ({ type: 'snippets', id }));
    },
    release() {
      if (!worker) return;
      if (pending.size === 0) stop();
      else releaseWhenIdle = true;
    },
    async close() {
      releaseWhenIdle = false;
      const thread = worker;
      worker = undefined;
      if (thread) await thread.terminate();
      fail(new Error('Glossary: the linking thread was closed'));
    },
  };
}
