/**
 * Guards of the preview server, before any middleware of hexo-server's:
 *
 * - hexo-server's route middleware runs `decodeURIComponent` on the request
 *   URL without a guard: a malformed percent-escape (`/%E0%A4%A`) throws,
 *   and the client gets a 500 and the log a stack trace. It is the client's
 *   mistake, so this answers 400 before that middleware sees the request.
 * - Listening on 127.0.0.1 keeps other machines out, not other sites: a
 *   page on any host name that its owner points at 127.0.0.1 (DNS
 *   rebinding) could read the preview, drafts under `--draft` included.
 *   While the server listens on a loopback address it answers only to a
 *   loopback host name (`localhost`, `*.localhost`, `127.x.x.x`, `[::1]`),
 *   403 to any other. Listening elsewhere (`-i 0.0.0.0`, a LAN address) is
 *   asking for other names, and they are answered.
 */
import type { IncomingMessage } from 'node:http';
import type Hexo from 'hexo';
import { serverAddress } from './command-args.js';
import type { ConnectApp } from './connect-app.js';

/** hexo-server registers its middlewares at the default priority, 10; a lower one runs first. */
const serverGuardPriority = 0;

export function registerServerGuard(hexo: Hexo): void {
  hexo.extend.filter.register(
    'server_middleware',
    (app: ConnectApp) => {
      const address = serverAddress(hexo);
      if (address !== undefined && isLoopbackName(address)) {
        app.use((request, response, next) => {
          if (isLoopbackName(hostName(request))) return next();
          response.statusCode = 403;
          response.setHeader('Content-Type', 'text/plain; charset=utf-8');
          response.end(`403 Forbidden: this preview listens on ${address} and answers only to localhost or 127.0.0.1, not to another host name\n`);
        });
      }
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

/** The host name a request was sent to, from its `Host` header, port and brackets taken off; `localhost` without one (HTTP/1.0). */
function hostName(request: IncomingMessage): string {
  const host = (request.headers.host ?? 'localhost').trim().toLowerCase();
  if (host.startsWith('[')) return host.slice(1, host.indexOf(']') === -1 ? undefined : host.indexOf(']'));
  const colon = host.lastIndexOf(':');
  return colon === -1 ? host : host.slice(0, colon);
}

/** Whether `name` (a host name or address, IPv6 without brackets) can only mean this machine. */
export function isLoopbackName(name: string): boolean {
  const lower = name.toLowerCase().replace(/\.$/, '');
  return lower === 'localhost' || lower.endsWith('.localhost') || lower === '::1' || /^127(?:\.\d{1,3}){3}$/.test(lower);
}
