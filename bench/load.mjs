// `npm run load`: `hexo server` under load.
//
//   node bench/load.mjs [--notes 200] [--connections 50] [--duration 10] [--rounds 3] [--no-cache]
//
// 1. Makes a site in a temporary folder: this repo's configuration and
//    glossary with N synthetic notes (corpus.mjs), or with --notes 0 this
//    repo's own site; and lists its routes.
// 2. Starts `hexo server -i 127.0.0.1` on a free port, warms it up (every
//    URL once, then a short round), then runs --rounds rounds of --duration
//    seconds with --connections connections over a shuffled mix of note,
//    glossary (index and term pages) and tag (index and tag pages) URLs.
// 3. After each round reads the server's resident memory (VmRSS in
//    /proc/<pid>/status).
//
// The server runs with the site's own configuration, where `server.cache:
// true` keeps each rendered page until the next change. --no-cache turns
// that off for comparison: hexo-server then renders the layout on every
// request (about 3.5 ms a page with 200 notes), and 50 connections queue
// behind one event loop (p99 about 0.7 s).
//
// Targets: 0 errors, 0 non-2xx, p99 < 50 ms in every round, RSS growth from
// round 2 to round 3 < 10%. Ends with one line, `load: …`, and exits 1 when
// a target is missed.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import Hexo from 'hexo';
import { hexoBin, makeCorpusSite, random, repoRoot } from './corpus.mjs';

const { values } = parseArgs({
  options: {
    notes: { type: 'string', default: '200' },
    connections: { type: 'string', default: '50' },
    duration: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '3' },
    'no-cache': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const notes = Number(values.notes);
const connections = Number(values.connections);
const duration = Number(values.duration);
const rounds = Number(values.rounds);

const site = notes > 0 ? makeCorpusSite({ notes }) : copyRepoSite();
// An extra config file, so the site's own _config.yml stays as written.
if (values['no-cache']) writeFileSync(join(site, '_config.load.yml'), 'server:\n  cache: false\n');
let server;
try {
  const urls = await siteUrls(site);
  console.log(
    `Site: ${notes > 0 ? `${notes} synthetic notes` : 'this repo'}; ${urls.length} URLs in the mix ` +
      `(${urls.filter((url) => url.kind === 'note').length} notes, ${urls.filter((url) => url.kind === 'glossary').length} glossary, ` +
      `${urls.filter((url) => url.kind === 'tag').length} tag); server.cache ${values['no-cache'] ? 'off' : 'as configured'}`,
  );

  const port = await freePort();
  server = await startServer(site, port);
  const base = `http://127.0.0.1:${port}`;

  // Warm-up: every URL once (renders and caches each page), then a short round.
  for (const url of urls) {
    const response = await fetch(base + url.path);
    if (response.status !== 200) throw new Error(`warm-up: ${url.path} answered ${response.status}`);
    await response.arrayBuffer();
  }
  await load(base, urls, Math.min(3, duration));

  console.log(`\n${rounds} rounds of ${duration} s, ${connections} connections`);
  console.log('| round | req/s | p50 | p99 | max | errors | timeouts | non-2xx | RSS |');
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  const results = [];
  for (let round = 1; round <= rounds; round++) {
    const result = await load(base, urls, duration);
    const rss = residentMemory(server.pid);
    results.push({ ...result, rss });
    console.log(
      `| ${round} | ${result.requests.average.toFixed(0)} | ${result.latency.p50} ms | ${result.latency.p99} ms | ${result.latency.max} ms | ` +
        `${result.errors} | ${result.timeouts} | ${result.non2xx} | ${mb(rss)} |`,
    );
  }

  const worstP99 = Math.max(...results.map((result) => result.latency.p99));
  const errors = results.reduce((sum, result) => sum + result.errors + result.timeouts, 0);
  const non2xx = results.reduce((sum, result) => sum + result.non2xx, 0);
  const last = results.at(-1);
  const previous = results.at(-2) ?? last;
  const growth = last.rss / previous.rss - 1;
  const requests = results.reduce((sum, result) => sum + result.requests.average, 0) / results.length;
  const passed = errors === 0 && non2xx === 0 && worstP99 < 50 && growth < 0.1;
  console.log(
    `\nload: ${requests.toFixed(0)} req/s, p99 ${worstP99} ms (worst round), errors ${errors}, non-2xx ${non2xx}, ` +
      `rss ${mb(previous.rss)} -> ${mb(last.rss)} (${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)}% round ${rounds - 1} to ${rounds}), ` +
      `peak rss ${mb(peakMemory(server.pid))}: ${passed ? 'PASS' : 'FAIL'}`,
  );
  process.exitCode = passed ? 0 : 1;
} finally {
  await server?.stop();
  if (!values.keep) rmSync(site, { recursive: true, force: true });
  else console.log(`(kept ${site})`);
}

function load(base, urls, seconds) {
  const order = shuffle(urls.map((url) => url.path), 7);
  return autocannon({
    url: base,
    connections,
    duration: seconds,
    // Each connection walks the whole mix in this order, over and over.
    requests: order.map((path) => ({ method: 'GET', path })),
  });
}

/** This repo's site in a temporary folder (the same files as test/helpers/site.ts copies). */
function copyRepoSite() {
  const dir = mkdtempSync(join(tmpdir(), 'load-site-'));
  for (const name of ['_config.yml', '_config.landscape.yml', 'package.json', 'source', 'scaffolds', 'themes']) {
    if (existsSync(join(repoRoot, name))) cpSync(join(repoRoot, name), join(dir, name), { recursive: true });
  }
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

/** The site's note, glossary and tag pages, from Hexo's own route list. */
async function siteUrls(dir) {
  const hexo = new Hexo(dir, { silent: true });
  await hexo.init();
  await hexo.load();
  const routes = hexo.route.list();
  await hexo.exit();
  process.exitCode = 0;
  const kinds = [
    ['note', /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/],
    ['glossary', /^glossary\/(?:[^/]+\/)?index\.html$/],
    ['tag', /^tags\/(?:[^/]+\/)?index\.html$/],
  ];
  const urls = [];
  for (const route of routes) {
    const kind = kinds.find(([, pattern]) => pattern.test(route))?.[0];
    if (!kind) continue;
    const path = `/${route.replace(/index\.html$/, '').split('/').map(encodeURIComponent).join('/')}`;
    urls.push({ kind, path });
  }
  // At most 200 of each kind: enough to miss any per-page cache of the theme.
  return ['note', 'glossary', 'tag'].flatMap((kind) => shuffle(urls.filter((url) => url.kind === kind), 1).slice(0, 200));
}

function startServer(cwd, port) {
  return new Promise((resolve, reject) => {
    const config = values['no-cache'] ? ['--config', '_config.yml,_config.load.yml'] : [];
    const child = spawn(process.execPath, [hexoBin, 'server', '-i', '127.0.0.1', '-p', String(port), ...config], {
      cwd,
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const timer = setTimeout(() => reject(new Error(`hexo server did not start:\n${output}`)), 300_000);
    const onData = (chunk) => {
      output += chunk;
      if (/Hexo is running at/.test(output)) {
        clearTimeout(timer);
        resolve({
          pid: child.pid,
          stop: () =>
            new Promise((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGINT');
              setTimeout(() => child.kill('SIGKILL'), 5000).unref();
            }),
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`hexo server exited with ${code}:\n${output}`));
    });
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** A field of /proc/<pid>/status, in bytes (Linux). */
function procStatus(pid, field) {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : NaN;
}

function residentMemory(pid) {
  return procStatus(pid, 'VmRSS');
}

function peakMemory(pid) {
  return procStatus(pid, 'VmHWM');
}

function shuffle(list, seed) {
  const next = random(seed);
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

function mb(bytes) {
  return `${(bytes / 2 ** 20).toFixed(0)} MB`;
}
