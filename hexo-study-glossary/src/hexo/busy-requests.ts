/**
 * The requests `hexo server` is answering, so that background work (the
 * search index, see reader-search-index.ts) can wait for a moment when it
 * answers none, rather than make a writer's freshly saved page wait.
 */
import type Hexo from 'hexo';
import type { ConnectApp } from './connect-app.js';
import { middlewarePriority as liveReloadPriority } from './live-reload.js';

/**
 * After the live-reload stream's middleware, which holds its requests open
 * as long as a page is: those are not work being done. Before hexo-server's
 * own (10), which answers the rest.
 */
export const busyRequestsPriority = liveReloadPriority + 1;

export interface BusyRequests {
  /** Resolves once no request is being answered (at once when none is, and outside `hexo server`). */
  idle(): Promise<void>;
}

export function registerBusyRequests(hexo: Hexo): BusyRequests {
  let answering = 0;
  let waiting: (() => void)[] = [];
  const done = () => {
    answering--;
    if (answering > 0) return;
    const resolve = waiting;
    waiting = [];
    for (const wake of resolve) wake();
  };
  hexo.extend.filter.register(
    'server_middleware',
    (app: ConnectApp) => {
      app.use((_request, response, next) => {
        answering++;
        let ended = false;
        const end = () => {
          if (ended) return;
          ended = true;
          done();
        };
        // `close` comes after `finish`, and alone when the client goes away first.
        response.once('finish', end);
        response.once('close', end);
        next();
      });
    },
    busyRequestsPriority,
  );
  return {
    idle: () => (answering === 0 ? Promise.resolve() : new Promise((resolve) => waiting.push(resolve))),
  };
}
