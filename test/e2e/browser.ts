/**
 * Browser tests run Debian's Chromium through playwright-core, against a
 * built site served from 127.0.0.1, with every request to another host
 * blocked and recorded.
 *
 * Without Chromium the suites are skipped with the reason in their name
 * and on stderr; under CI (`CI` set) a missing browser fails the run
 * instead, so browser tests can't silently stop running there.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const chromiumPath = process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';
const onCi = !!process.env['CI'] && !/^(0|false)$/i.test(process.env['CI'] ?? '');

/** Why the browser tests can't run here, or `undefined` when they can. */
export const skipReason = existsSync(chromiumPath)
  ? undefined
  : `browser tests skipped: ${chromiumPath} not found; install Debian's chromium to run them (apt-get install chromium fonts-noto-cjk)`;

if (skipReason) {
  if (onCi) throw new Error(`${skipReason.replace('browser tests skipped', 'browser tests cannot run')}. CI requires them: .ci/run installs it.`);
  console.warn(skipReason);
}

/** A `describe` title that carries the skip reason, so the runner's report says why. */
export function suiteTitle(title: string): string {
  return skipReason ? `${title} (${skipReason})` : title;
}

/** Flags for a root user on a closed network: no sandbox, no GPU, no background traffic. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** playwright's `launch` gives each browser a fresh, temporary profile. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, timeout: 60_000 });
}

/**
 * The hrefs of the results Pagefind UI shows on `page`, once it has shown
 * them all. It lists each result as soon as the search returns and fills
 * in its link when the result's fragment loads, so the links that exist
 * when the first appears are not all there will be: reading them then
 * missed the AWS note once (only a term page had loaded). Resolves with
 * `[]` when Pagefind says it found nothing.
 */
export async function searchResultHrefs(page: Page, timeout = 15_000): Promise<string[]> {
  const links = page.locator('.pagefind-ui__result-link');
  // Pagefind UI's own words for no results, in Japanese and English.
  const nothing = page.locator('.pagefind-ui__message', { hasText: /一致する情報はありませんでした|結果なし|No results/ });
  await links.first().or(nothing).first().waitFor({ timeout });
  // Placeholder titles of results whose fragment is still loading.
  await page.locator('.pagefind-ui__result-title.pagefind-ui__loading').first().waitFor({ state: 'detached', timeout });
  return links.evaluateAll((elements) => elements.map((element) => element.getAttribute('href') ?? ''));
}

export interface GuardedContext {
  context: BrowserContext;
  /** URLs of requests to any host but 127.0.0.1 (all of them were aborted). */
  offsite: string[];
  /** Uncaught errors of the pages' scripts. */
  errors: string[];
}

/** A browser context that aborts and records every request leaving 127.0.0.1. */
export async function offlineContext(browser: Browser, options: BrowserContextOptions = {}): Promise<GuardedContext> {
  const context = await browser.newContext({ locale: 'ja-JP', ...options });
  const offsite: string[] = [];
  const errors: string[] = [];
  const isLocal = (url: string) => {
    const { protocol, hostname } = new URL(url);
    return protocol === 'data:' || protocol === 'blob:' || protocol === 'about:' || hostname === '127.0.0.1';
  };
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    offsite.push(url);
    return route.abort('blockedbyclient');
  });
  // Catches what routing can't see (e.g. a request from a service worker).
  context.on('request', (request) => {
    if (!isLocal(request.url()) && !offsite.includes(request.url())) offsite.push(request.url());
  });
  context.on('weberror', (error) => errors.push(error.error().message));
  return { context, offsite, errors };
}

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a folder on 127.0.0.1 like a static host (GitHub Pages): Japanese
 * paths percent-decoded, `dir/` serves `dir/index.html`, `dir` redirects to
 * `dir/`, a malformed escape is a 400, nothing outside the folder. With a
 * `prefix` (`/notes/`), the folder is served under it, as a project site is.
 */
export function serveFolder(folder: string, prefix = '/'): Promise<StaticServer> {
  const root = normalize(folder + sep);
  const server: Server = createServer((request, response) => {
    let fullPath: string;
    try {
      fullPath = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      response.writeHead(400).end('bad request');
      return;
    }
    if (!fullPath.startsWith(prefix)) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const path = `/${fullPath.slice(prefix.length)}`;
    let file = normalize(join(root, path));
    if (!file.startsWith(root) && file + sep !== root) {
      response.writeHead(403).end('forbidden');
      return;
    }
    try {
      if (statSync(file).isDirectory()) {
        if (!path.endsWith('/')) {
          response.writeHead(301, { location: `${encodeURI(fullPath)}/` }).end();
          return;
        }
        file = join(file, 'index.html');
      }
      const body = readFileSync(file);
      response.writeHead(200, { 'content-type': contentTypes[extname(file)] ?? 'application/octet-stream' });
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

/** A built site served from 127.0.0.1, and Chromium to read it with. */
export interface ServedSite {
  readonly server: StaticServer;
  readonly browser: Browser;
}

/**
 * For the `describe` block it is called in: before the block's tests, serves
 * `folder()` (read then, once the site is built) and starts Chromium; after
 * them, stops both. Hooks registered earlier in the block run first.
 */
export function servedInChromium(folder: () => string): ServedSite {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await serveFolder(folder());
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('servedInChromium: read before the block\'s tests started');
    return value;
  };
  return {
    get server() {
      return started(server);
    },
    get browser() {
      return started(browser);
    },
  };
}
