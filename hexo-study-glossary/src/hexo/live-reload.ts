/**
 * Live preview: under `hexo server`, an open page reloads itself when a
 * note, page or glossary file is saved.
 *
 * `hexo server` already watches `source/` and regenerates after each change
 * (emitting `generateAfter`); glossary edits re-link every note through the
 * signature check in `link-filters.ts`. What it lacks is telling the browser,
 * so this adds a Server-Sent Events endpoint to its middleware and a few
 * lines of script to each page it serves. Both exist only once the server's
 * `server_middleware` filter has run, which `hexo generate` never does: no
 * trace of this reaches `public/`.
 */
import type { ServerResponse } from 'node:http';
import type Hexo from 'hexo';
import type { ConnectApp } from './connect-app.js';
import { pagePath, pageUrls } from './urls.js';
import { searchIndexedEvent } from './reader-search-index.js';
import { resultsId } from '../core/search-client.js';

/** URL path of the event stream, under the site's `root`. */
export const reloadPath = '__glossary_reload';

/** Runs before hexo-server's own middleware (priority 10), so routes never shadow the stream. */
export const middlewarePriority = 5;

export function registerLiveReload(hexo: Hexo): void {
  const clients = new Set<ServerResponse>();
  // Set by the server's middleware hook; a page only gets the script when someone listens.
  let serving = false;
  // A new server process has another id, so pages left open across a restart reload too.
  const serverId = `${process.pid}-${Date.now()}`;

  hexo.extend.filter.register(
    'server_middleware',
    (app: ConnectApp) => {
      serving = true;
      app.use(`${hexo.config.root}${reloadPath}`, (req, res) => {
        res.writeHead(200, {
          'Content-Type': 'text/event-stream; charset=utf-8',
          'Cache-Control': 'no-cache, no-transform',
          Connection: 'keep-alive',
        });
        // `retry`: reconnect quickly when the server restarts.
        res.write(`retry: 1000\nevent: hello\ndata: ${serverId}\n\n`);
        clients.add(res);
        req.on('close', () => clients.delete(res));
      });
    },
    middlewarePriority,
  );

  // After the first generation, every one is caused by a saved file (or theme edit).
  hexo.on('generateAfter', () => {
    for (const client of clients) client.write(`event: reload\ndata: ${Date.now()}\n\n`);
  });
  // The search index is rebuilt in the background, after the reload: an
  // open search page loads the new one (others have nothing to take from it).
  hexo.on(searchIndexedEvent, () => {
    for (const client of clients) client.write(`event: search\ndata: ${Date.now()}\n\n`);
  });

  // Relative to the page with `relative_link`, as the page's other links.
  const urls = pageUrls(hexo.config);
  const streamUrl = urls.url(reloadPath);
  hexo.extend.filter.register('after_render:html', (html: string, locals?: unknown) =>
    serving ? injectClient(html, urls.relative ? urls.url(reloadPath, pagePath(locals)) : streamUrl) : html,
  );
}

/** Adds the client before `</body>`; fragments (note bodies, partials) have none and are left alone. */
export function injectClient(html: string, url: string): string {
  const end = html.toLowerCase().lastIndexOf('</body>');
  if (end < 0 || html.includes('data-glossary-live-reload')) return html;
  return `${html.slice(0, end)}${clientScript(url)}${html.slice(end)}`;
}

/**
 * The page's script. One tab of the site holds the event stream and tells
 * the others (a Web Lock names the tab, a BroadcastChannel carries the
 * word): a browser opens at most six connections to a host over HTTP/1.1,
 * and with a stream held open by each of six tabs, no tab could load or
 * reload anything. When that tab closes or reloads, its lock passes to a
 * tab still open. A browser without both listens from each tab, as before.
 * A search page reloads again once the search index is rebuilt.
 */
function clientScript(url: string): string {
  return `<script data-glossary-live-reload>(function () {
  if (!window.EventSource) return;
  var url = ${JSON.stringify(url).replace(/</g, '\\u003c')};
  function reload() { location.reload(); }
  function searched() { if (document.getElementById(${JSON.stringify(resultsId)})) reload(); }
  function listen(onReload, onSearch) {
    var server;
    var source = new EventSource(url);
    source.addEventListener('hello', function (event) {
      if (server && server !== event.data) onReload();
      server = event.data;
    });
    source.addEventListener('reload', onReload);
    source.addEventListener('search', onSearch);
  }
  if (!(navigator.locks && window.BroadcastChannel)) return listen(reload, searched);
  var channel = new BroadcastChannel('glossary-live-reload');
  channel.onmessage = function (event) {
    if (event.data === 'reload') reload();
    else if (event.data === 'search') searched();
  };
  navigator.locks.request('glossary-live-reload', function () {
    return new Promise(function () {
      listen(function () { channel.postMessage('reload'); reload(); }, function () { channel.postMessage('search'); searched(); });
    });
  });
})();</script>\n`;
}
