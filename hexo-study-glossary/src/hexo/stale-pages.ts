/**
 * Under `hexo server`, a page the site no longer has answers 404, not the
 * copy an earlier `hexo generate` left in public/.
 *
 * hexo-server answers from the site's routes, then from public/, which
 * holds whatever the last `hexo generate` wrote. A deleted note, a removed
 * term, or a term whose glossary entry has a YAML error, kept answering 200
 * with its old text while the glossary's index no longer listed it.
 *
 * Only pages (`.html`) are held back. Other files in public/ are still
 * served: the search bundle the last build wrote is what the search page
 * uses until the server's own index is ready (reader-search-index.ts).
 * `hexo server --static` serves public/ as it is, on purpose.
 */
import type Hexo from 'hexo';
import { servesStaticFiles } from './command-args.js';
import type { ConnectApp } from './connect-app.js';

/** After the server guard (0), which answers a URL that can't be decoded; before hexo-server's own (10). */
export const stalePagesPriority = 1;

export function registerStalePages(hexo: Hexo): void {
  hexo.extend.filter.register(
    'server_middleware',
    (app: ConnectApp) => {
      if (servesStaticFiles(hexo)) return;
      // Mounted where hexo-server mounts its own, so the URL is read the same way.
      app.use(hexo.config.root, (request, response, next) => {
        if ((request.method !== 'GET' && request.method !== 'HEAD') || !isPageGone(hexo, request.url ?? '/')) return next();
        response.statusCode = 404;
        response.setHeader('Content-Type', 'text/plain; charset=utf-8');
        response.end('404 Not Found: the site has no such page (public/ may still hold one from an earlier hexo generate)\n');
      });
    },
    stalePagesPriority,
  );
}

/**
 * Whether `url` asks for a page that no route is, nor one hexo-server
 * would redirect it to (`foo/` for `foo.html`).
 */
function isPageGone(hexo: Hexo, url: string): boolean {
  let path: string;
  try {
    path = hexo.route.format(decodeURIComponent(url));
  } catch {
    return false;
  }
  if (!/\.html?$/i.test(path)) return false;
  return hexo.route.get(path) === undefined && hexo.route.get(`${path.replace(/\/index\.html$/i, '')}.html`) === undefined;
}
