/**
 * Under `hexo server` the search index is rebuilt in the background; these
 * check the two parts that keep it out of a writer's way, on a real Hexo
 * with hexo-server in this process: the server's busy requests, which the
 * build waits for, and the pace it renders pages at.
 */
import type { Server } from 'node:http';
import Hexo from 'hexo';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ConnectApp } from '../../hexo-study-glossary/src/hexo/connect-app.js';
import { busyRequestsPriority, registerBusyRequests, type BusyRequests } from '../../hexo-study-glossary/src/hexo/busy-requests.js';
import { reloadPath } from '../../hexo-study-glossary/src/hexo/live-reload.js';
import { BuildStopped, indexRoutes } from '../../hexo-study-glossary/src/hexo/reader-search-index.js';
import { searchableLayouts } from '../../hexo-study-glossary/src/hexo/reader-search.js';
import { registerSearchableRoutes, type SearchableRoutes } from '../../hexo-study-glossary/src/hexo/searchable-routes.js';
import type { RouteTable } from '../../hexo-study-glossary/src/hexo/routes.js';
import { freePort } from '../helpers/server.js';
import { makeSite, type Site } from '../helpers/site.js';

/** A promise and the function that settles it. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

/** Whether `promise` has settled once pending callbacks have run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setTimeout(resolve, 50));
  return done;
}

let site: Site;
let hexo: Hexo;
let server: Server;
let url: string;
let busy: BusyRequests;
let searchable: SearchableRoutes;
/** Requests to `/slow` wait for this; each one that arrives resolves `arrived`. */
let release = deferred();
let arrived = deferred();

beforeAll(async () => {
  site = makeSite('basic');
  hexo = new Hexo(site.dir, { silent: true });
  await hexo.init();
  busy = registerBusyRequests(hexo);
  searchable = registerSearchableRoutes(hexo, searchableLayouts);
  hexo.extend.filter.register(
    'server_middleware',
    (app: ConnectApp) => {
      app.use('/slow', (_request, response) => {
        arrived.resolve();
        void release.promise.then(() => response.end('slow'));
      });
    },
    busyRequestsPriority + 1,
  );
  const port = await freePort();
  server = (await hexo.call('server', { i: '127.0.0.1', p: port })) as Server;
  url = `http://127.0.0.1:${port}/`;
}, 60_000);

afterAll(async () => {
  release.resolve();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  hexo?.unwatch();
  await hexo?.exit();
  site?.dispose();
});

describe('busy requests under hexo server', () => {
  it('is idle at once when the server answers no request', async () => {
    expect(await settled(busy.idle())).toBe(true);
  });

  it('waits until the requests being answered are answered', async () => {
    release = deferred();
    arrived = deferred();
    const response = fetch(`${url}slow`);
    await arrived.promise;
    const idle = busy.idle();
    expect(await settled(idle)).toBe(false);
    release.resolve();
    expect(await (await response).text()).toBe('slow');
    await idle;
  });

  it('counts a request the client gave up on as answered', async () => {
    release = deferred();
    arrived = deferred();
    const controller = new AbortController();
    const response = fetch(`${url}slow`, { signal: controller.signal }).catch(() => undefined);
    await arrived.promise;
    const idle = busy.idle();
    expect(await settled(idle)).toBe(false);
    controller.abort();
    await response;
    await vi.waitFor(() => idle, { timeout: 5000 });
    release.resolve();
  });

  it('is not kept busy by a page listening for live reloads', async () => {
    const controller = new AbortController();
    const stream = await fetch(`${url}${reloadPath}`, { signal: controller.signal });
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    expect(await settled(busy.idle())).toBe(true);
    controller.abort();
  });
});

describe('indexing at a pace', () => {
  const options = { bundlePath: 'pagefind/', resultUrl: (route: string) => `/${route}` };

  it('renders one page at a time, each once the pace lets it', async () => {
    let calls = 0;
    const gate = deferred();
    const build = indexRoutes(hexo.route as unknown as RouteTable, options, false, async () => {
      calls++;
      if (calls === 1) await gate.promise;
      if (calls === 3) throw new BuildStopped();
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    // Without a pace, eight pages start at once.
    expect(calls).toBe(1);
    gate.resolve();
    await expect(build).rejects.toBeInstanceOf(BuildStopped);
    expect(calls).toBe(3);
  });

  it('stops, rather than index nothing, a build stopped while it listed no page to render', async () => {
    // A generation starts as the build lists its pages: it stops the build,
    // and has emptied the searchable routes it fills again.
    let stopped = false;
    const listing = () => {
      stopped = true;
      return false;
    };
    const build = indexRoutes(hexo.route as unknown as RouteTable, options, false, async () => {
      if (stopped) throw new BuildStopped();
    }, listing);
    await expect(build).rejects.toBeInstanceOf(BuildStopped);
  }, 60_000);

  it('builds the same bundle at a pace as at full speed', async () => {
    const route = hexo.route as unknown as RouteTable;
    const fast = await indexRoutes(route, options, false);
    const paced = await indexRoutes(route, options, false, () => new Promise((resolve) => setImmediate(resolve)));
    expect(paced.indexed).toBe(fast.indexed);
    expect(paced.indexed).toBeGreaterThan(3);
    expect(paced.files.map((file) => file.path).sort()).toEqual(fast.files.map((file) => file.path).sort());
  }, 60_000);

  it('leaves out, when asked, the routes made with a layout that is never indexed', async () => {
    const route = hexo.route as unknown as RouteTable;
    const pages = route.list().filter((path) => path.endsWith('.html') && !path.startsWith('pagefind/'));
    const kept = pages.filter((path) => searchable.has(path));
    // Notes, pages and term pages; not the home, archive, tag or glossary index pages.
    expect(kept.some((path) => /^\d{4}\/\d{2}\/\d{2}\/.+\/index\.html$/.test(path))).toBe(true);
    expect(kept.some((path) => path.startsWith('glossary/') && path !== 'glossary/index.html')).toBe(true);
    for (const path of ['index.html', 'archives/index.html', 'glossary/index.html', 'search/index.html']) {
      expect(pages, path).toContain(path);
      expect(kept, path).not.toContain(path);
    }
    expect(kept.some((path) => path.startsWith('tags/'))).toBe(false);
    let rendered = 0;
    const some = await indexRoutes(route, options, false, async () => void rendered++, (path) => searchable.has(path));
    const all = await indexRoutes(route, options, false);
    // Once before each page, and once more at the end.
    expect(rendered).toBe(kept.length + 1);
    expect(rendered).toBeLessThan(pages.length);
    expect(some.indexed).toBe(all.indexed);
    expect(some.files.map((file) => file.path).sort()).toEqual(all.files.map((file) => file.path).sort());
  }, 60_000);
});
