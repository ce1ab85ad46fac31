/** Hexo's router as the plugin uses it after generation, and reading a route back. */
import type { Readable } from 'node:stream';

/** The part of `hexo.route` used here (Hexo's typings lag behind its router). */
export interface RouteTable {
  list(): string[];
  get(path: string): Readable | undefined;
  set(path: string, data: { data: Buffer | string; modified: boolean } | Buffer | string): unknown;
  remove(path: string): unknown;
  isModified(path: string): boolean;
}

/** The route rendered to bytes; `undefined` when there is none or it fails (Hexo logs the error, and the writer reports it again). */
export function readRoute(route: RouteTable, path: string): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    const stream = route.get(path);
    if (!stream) return resolve(undefined);
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer | string) => chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', () => resolve(undefined));
  });
}

/**
 * The routes a generator's `path` setting names (hexo-generator-sitemap's,
 * hexo-generator-feed's): one path or a list of them; anything else names none.
 */
export function configuredPaths(path: unknown): string[] {
  if (typeof path === 'string') return [path];
  return Array.isArray(path) ? path.filter((item): item is string => typeof item === 'string') : [];
}
