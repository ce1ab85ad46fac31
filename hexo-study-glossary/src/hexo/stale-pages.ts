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
 *
 * A browser asking for a page the site doesn't have (deleted, renamed,
 * moved to another date) gets a page of its own, with the live-reload
 * script: a tab left open there showed hexo-server's plain text for good,
 * and now reloads when the site changes, as other pages do, and shows the
 * page again once it is back (an undo, a term added again).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Hexo from 'hexo';
import { escapeAttribute, escapeText } from '../core/escape.js';
import { languageTag } from '../core/page-language.js';
import { readerLabels } from '../core/reader-labels.js';
import { servesStaticFiles } from './command-args.js';
import type { ConnectApp } from './connect-app.js';
import { injectClient, reloadPath } from './live-reload.js';

/** After the server guard (0), which answers a URL that can't be decoded; before hexo-server's own (10). */
const stalePagesPriority = 1;
/** After hexo-server's own (10): what none of them answered. */
const notFoundPriority = 11;

export function registerStalePages(hexo: Hexo): void {
  // The same page for every address: made once, from settings a server keeps.
  const page = notFoundPage(hexo);
  hexo.extend.filter.register(
    'server_middleware',
    (app: ConnectApp) => {
      if (servesStaticFiles(hexo)) return;
      // Mounted where hexo-server mounts its own, so the URL is read the same way.
      app.use(hexo.config.root, (request, response, next) => {
        if ((request.method !== 'GET' && request.method !== 'HEAD') || !isPageGone(hexo, request.url ?? '/')) return next();
        notFound(request, response, page, ' (public/ may still hold one from an earlier hexo generate)');
      });
    },
    stalePagesPriority,
  );
  hexo.extend.filter.register(
    'server_middleware',
    (app: ConnectApp) => {
      if (servesStaticFiles(hexo)) return;
      app.use(hexo.config.root, (request, response, next) => {
        if (request.method !== 'GET' || !acceptsHtml(request)) return next();
        notFound(request, response, page, '');
      });
    },
    notFoundPriority,
  );
}

/** Whether a browser asks: it accepts HTML, which fetch and curl don't say. */
function acceptsHtml(request: IncomingMessage): boolean {
  return String(request.headers.accept ?? '').includes('text/html');
}

/** A 404 for a page: `page` to a browser, text to anything else. */
function notFound(request: IncomingMessage, response: ServerResponse, page: string, note: string): void {
  response.statusCode = 404;
  if (!acceptsHtml(request)) {
    response.setHeader('Content-Type', 'text/plain; charset=utf-8');
    response.end(`404 Not Found: the site has no such page${note}\n`);
    return;
  }
  response.setHeader('Content-Type', 'text/html; charset=utf-8');
  response.setHeader('Cache-Control', 'no-store');
  response.end(page);
}

/** The 404 page a browser gets: in the site's language, readable on a phone, with a way back, and the live-reload script. */
function notFoundPage(hexo: Hexo): string {
  const lang = languageTag(hexo.config.language);
  const { title, text, home } = readerLabels(lang).notFound;
  const page =
    `<!DOCTYPE html>\n<html${lang ? ` lang="${escapeAttribute(lang)}"` : ''}><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeText(title)}</title></head><body><h1>${escapeText(title)}</h1><p>${escapeText(text)}</p>` +
    `<p><a href="${escapeAttribute(hexo.config.root)}">${escapeText(home)}</a></p></body></html>\n`;
  // Root-absolute: the address asked for may be any depth.
  return injectClient(page, `${hexo.config.root}${reloadPath}`);
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
