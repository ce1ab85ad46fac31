/**
 * hexo-server's route middleware runs `decodeURIComponent` on the request
 * URL without a guard: a malformed percent-escape (`/%E0%A4%A`) throws, and
 * the client gets a 500 and the log a stack trace. It is the client's
 * mistake, so this answers 400 before that middleware sees the request.
 */
import type Hexo from 'hexo';
import type { ConnectApp } from './connect-app.js';

/** hexo-server registers its middlewares at the default priority, 10; a lower one runs first. */
export const serverGuardPriority = 0;

export function registerServerGuard(hexo: Hexo): void {
  hexo.extend.filter.register(
    'server_middleware',
    (app: ConnectApp) => {
      app.use((request, response, next) => {
        if (isDecodable(request.url ?? '/')) return next();
        response.statusCode = 400;
        response.setHeader('Content-Type', 'text/plain; charset=utf-8');
        response.end('400 Bad Request: the URL has a malformed percent-escape\n');
      });
    },
    serverGuardPriority,
  );
}

/** Whether `decodeURIComponent` accepts the whole URL, query included, as hexo-server decodes it. */
export function isDecodable(url: string): boolean {
  try {
    decodeURIComponent(url);
    return true;
  } catch {
    return false;
  }
}
