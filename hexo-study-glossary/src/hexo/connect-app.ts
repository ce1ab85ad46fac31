/**
 * The part of hexo-server's connect app that `server_middleware` filters
 * use: a middleware for every request, or a handler mounted at a path.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export type Middleware = (request: IncomingMessage, response: ServerResponse, next: () => void) => void;

export interface ConnectApp {
  use(handler: Middleware): unknown;
  use(path: string, handler: Middleware): unknown;
}
