/**
 * Builds the Pagefind index from Hexo's routes, after every generation.
 *
 * Hexo writes `public/` only after its `after_generate` filters have run
 * (and `hexo server` never writes it), so the index can't be built from
 * files on disk. Instead each HTML route is rendered here, handed to
 * Pagefind in memory, and put back as the rendered page, so the writer or
 * the server sends it as is instead of rendering it a second time. The
 * bundle Pagefind returns becomes routes under `pagefind/`: `hexo
 * generate` writes them with everything else, `hexo server` serves them,
 * `hexo deploy` ships them.
 *
 * Under `hexo server` the index is built in the background instead: Hexo
 * ignores file changes while a generation is running, and indexing a big
 * site takes seconds. There the routes are left as they are (a newer
 * generation may already have replaced them), and the search page finds
 * the previous index meanwhile. The build keeps out of the writer's way:
 * it starts once no generation has run for `quietMs` (a burst of saves
 * builds it once), a save stops it (its pages are stale), and it renders
 * one page at a time, only while the server answers no request. Before,
 * it rendered eight pages at a time from the moment a save was generated,
 * and the page the writer had just saved waited behind them: at 2,000
 * notes, with saves 6 s apart, a save showed after 3.8 s (median of eight;
 * up to 4.4 s), and now after 3.2 s (up to 3.4 s). It renders only the
 * pages that can carry the marker (searchable-routes.ts).
 *
 * Pagefind runs as a child process (the extended binary from the
 * `@pagefind/<platform>` package, which segments Japanese); it is closed
 * after each build so that `hexo generate` can exit.
 */
import type Hexo from 'hexo';
import { servesStaticFiles } from './command-args.js';
import type { NewIndexResponse, PagefindIndex } from 'pagefind';
import { pageForIndex, searchIgnoredSelectors } from '../core/search-markers.js';
import { readRoute, type RouteTable } from './routes.js';
import type { BusyRequests } from './busy-requests.js';
import type { SearchableRoutes } from './searchable-routes.js';

export interface SearchIndexOptions {
  /** Folder of the bundle under the site's root, e.g. `pagefind/`. */
  bundlePath: string;
  /**
   * A search result's URL for the page at a route (`2024/01/02/first/index.html`),
   * from the site's root: Pagefind's UI puts the folder above its bundle
   * (the root) in front.
   */
  resultUrl(route: string): string;
}

/** After other plugins' `after_generate` filters (10), which may still add routes. */
const indexPriority = 50;

/** Pages rendered at once; Hexo itself renders them all at once, this keeps memory flat. */
const concurrency = 8;

/** Under `hexo server`: how long after the last generation the index is rebuilt. */
const quietMs = 1000;

/** Commands that write or serve pages; others (`list`, `terms`…) load the site without needing an index. */
const indexingCommands = new Set(['generate', 'server', 'deploy']);

/**
 * Emitted on `hexo` once a new index is in the routes: under `hexo server`
 * an open search page loads it then (live-reload.ts), since the reload at a
 * save comes before the background rebuild ends, and found the old index.
 */
export const searchIndexedEvent = 'glossary:search-indexed';

export function registerSearchIndex(hexo: Hexo, options: SearchIndexOptions, busy: BusyRequests, searchable: SearchableRoutes): void {
  const route = hexo.route as unknown as RouteTable;
  // The last bundle built. Hexo drops every route its generators don't return
  // at each generation, so a generator hands this one back until the next
  // build replaces it: `hexo server` keeps serving search meanwhile.
  let bundle: readonly BundleFile[] = [];
  hexo.extend.generator.register('reader-search-bundle', () => bundle.map((file) => ({ path: file.path, data: file.data })));

  const build = async (replaceRoutes: boolean, pace?: Pace, only?: (path: string) => boolean) => {
    const started = Date.now();
    try {
      const { indexed, files } = await indexRoutes(route, options, replaceRoutes, pace, only);
      const paths = new Set(files.map((file) => file.path));
      // Fragments are named by content hash: drop the previous build's.
      for (const file of bundle) if (!paths.has(file.path)) route.remove(file.path);
      for (const file of files) route.set(file.path, file.data);
      bundle = files;
      hexo.log.info(`Search: ${indexed} pages indexed in ${Date.now() - started} ms`);
      hexo.emit(searchIndexedEvent);
    } catch (error) {
      if (error instanceof BuildStopped) {
        hexo.log.debug('Search: files changed; the index is built again once they are generated');
        return;
      }
      // Pages still work without search; the search page says the index can't be loaded.
      hexo.log.error(`Search: could not build the Pagefind index: ${(error as Error).message}`);
    }
  };

  // Background builds under `hexo server` (see the top of this file): one
  // at a time, since closing Pagefind's process ends any build using it.
  let background: Promise<void> = Promise.resolve();
  let stopBuild: (() => void) | undefined;
  let timer: NodeJS.Timeout | undefined;
  // Not on Hexo's `exit`: hexo-cli calls `exit` once the server listens.
  hexo.on('generateBefore', () => {
    clearTimeout(timer);
    stopBuild?.();
  });
  const buildInBackground = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      stopBuild?.();
      let stopped = false;
      stopBuild = () => {
        stopped = true;
      };
      const pace: Pace = async () => {
        // Let the server take new requests first, then wait until it has answered them.
        await new Promise((resolve) => setImmediate(resolve));
        await busy.idle();
        if (stopped) throw new BuildStopped();
      };
      // Only pages that can carry the marker: the others would be rendered for nothing.
      background = background.then(() => (stopped ? undefined : build(false, pace, (path) => searchable.has(path))));
    }, quietMs);
    // The server keeps the process alive; a build not yet started must not.
    timer.unref();
  };

  hexo.extend.filter.register(
    'after_generate',
    async () => {
      const command = hexo.env.cmd ?? '';
      const resolved = (hexo.extend.console.alias as Record<string, string | undefined>)[command] ?? command;
      if (command !== '' && !indexingCommands.has(resolved)) return;
      if (resolved === 'server' && servesStaticFiles(hexo)) {
        // `hexo server --static` serves public/ as the last `hexo generate`
        // wrote it, search bundle included: an index built here would never
        // be served, and building it renders every page again (indexing
        // 2,000 notes takes about 35 s) while the server answers requests.
        hexo.log.info('Search: hexo server --static serves the index the last hexo generate built');
        return;
      }
      if (resolved === 'server') buildInBackground();
      else await build(true);
    },
    indexPriority,
  );
}

/** Awaited before each page is rendered: a build in the background yields there, or stops (`BuildStopped`). */
export type Pace = () => Promise<void>;

/** Thrown by a `Pace` to stop a build whose pages are stale. */
export class BuildStopped extends Error {}

/** A file of Pagefind's bundle, at its route path (`pagefind/pagefind.js`). */
export interface BundleFile {
  path: string;
  data: Buffer;
}

/**
 * Indexes every HTML route that carries `data-pagefind-body`; returns how
 * many did and the bundle's files. With `replaceRoutes`, each rendered
 * page replaces its route, so it isn't rendered again when written. With
 * `pace`, pages are rendered one at a time, each once `pace` resolves.
 * With `only`, the routes it turns down are not rendered at all.
 */
export async function indexRoutes(
  route: RouteTable,
  options: SearchIndexOptions,
  replaceRoutes: boolean,
  pace?: Pace,
  only?: (path: string) => boolean,
): Promise<{ indexed: number; files: BundleFile[] }> {
  const pagefind = await import('pagefind');
  try {
    const index = checked(await pagefind.createIndex({ excludeSelectors: [...searchIgnoredSelectors] }), 'createIndex');
    let indexed = 0;
    const pages = route.list().filter((path) => path.endsWith('.html') && !path.startsWith(options.bundlePath) && (only?.(path) ?? true));
    await eachLimited(pages, pace ? 1 : concurrency, async (path) => {
      await pace?.();
      const rendered = await readRoute(route, path);
      if (rendered === undefined || rendered.length === 0) return;
      if (replaceRoutes) route.set(path, { data: rendered, modified: route.isModified(path) });
      // Most pages (tag and archive pages) aren't indexed: look for the marker
      // in the bytes before decoding them.
      if (!rendered.includes('data-pagefind-body')) return;
      const content = pageForIndex(rendered.toString('utf8'));
      const url = options.resultUrl(path);
      const added = await index.addHTMLFile({ url, content });
      if (added.errors.length > 0) throw new Error(`${path}: ${added.errors.join('; ')}`);
      indexed += 1;
    });
    // A build stopped while it had no page left to render is stopped too:
    // the generation that stopped it empties the list of searchable routes
    // before it fills it again, and a build that listed none in between
    // put an empty index in place of the last one (seen under `hexo server`
    // as 0 pages indexed, search finding nothing until the next build).
    await pace?.();

    const { files, errors } = await index.getFiles();
    if (errors.length > 0) throw new Error(errors.join('; '));
    await index.deleteIndex();
    return { indexed, files: files.map((file) => ({ path: `${options.bundlePath}${file.path}`, data: Buffer.from(file.content) })) };
  } finally {
    await pagefind.close();
  }
}

function checked(response: NewIndexResponse, step: string): PagefindIndex {
  if (!response.index || response.errors.length > 0) throw new Error(`${step}: ${response.errors.join('; ') || 'no index'}`);
  return response.index;
}

/** Runs `task` over `items`, at most `limit` at a time; rejects with the first error. */
async function eachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await task(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
