// `node bench/search-probe.mjs`: how well site search finds each glossary term.
//
//   node bench/search-probe.mjs [--public DIR] [--misses] [--ranking JSON]
//
// Builds this repo's site in a temporary folder (or reads an already built
// `public/` folder with --public), serves it on 127.0.0.1 and searches it in
// Chromium through Pagefind's own API, with the search page's ranking and
// its query folding (search-client.ts). For every term page it searches:
// - its key and each alias: is the term's page the first result?
// - its reading (hiragana, as typed before the input method converts it):
//   is the term's page first, or in the first three?
// - its title (the result's heading): is the page first, and does its
//   excerpt start with the title again?
// --misses prints every query that missed; --ranking merges Pagefind ranking
// options over the search page's, to try others (`'{"metaWeights":{"reading":2}}'`).
// Ends with one line, `search: …`.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { hexoBin, repoRoot } from './corpus.mjs';

const { values } = parseArgs({
  options: {
    public: { type: 'string' },
    misses: { type: 'boolean', default: false },
    ranking: { type: 'string', default: '{}' },
  },
});

const client = await import(join(repoRoot, 'hexo-study-glossary', 'dist', 'core', 'search-client.js'));
// Builds from before searchQuery folded queries with NFKC in the page's script.
const searchQuery = client.searchQuery ?? ((term) => term.normalize('NFKC'));
// The result as the search page shows it (builds from before shownResult: as Pagefind gives it).
const shownResult = client.shownResult
  ? `(result) => (${client.shownResult.toString()})(result, ${JSON.stringify(client.hiddenSearchMeta)}, ${JSON.stringify(client.textAnchorId)})`
  : '(result) => result';
const override = JSON.parse(values.ranking);
const searchRanking = { ...client.searchRanking, ...override, metaWeights: { ...client.searchRanking.metaWeights, ...override.metaWeights } };

let site;
let folder = values.public;
if (!folder) {
  site = mkdtempSync(join(tmpdir(), 'search-probe-'));
  for (const name of ['_config.yml', '_config.landscape.yml', 'package.json', 'source', 'scaffolds', 'themes']) {
    if (existsSync(join(repoRoot, name))) cpSync(join(repoRoot, name), join(site, name), { recursive: true });
  }
  symlinkSync(join(repoRoot, 'node_modules'), join(site, 'node_modules'), 'dir');
  await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [hexoBin, 'generate'], { cwd: site, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`hexo generate exited ${code}`))));
  });
  folder = join(site, 'public');
}

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.wasm': 'application/wasm' };
const root = normalize(folder + sep);
const server = createServer((request, response) => {
  let file = normalize(join(root, decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname)));
  try {
    if (!file.startsWith(root)) throw new Error('outside');
    if (statSync(file).isDirectory()) file = join(file, 'index.html');
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  } catch {
    response.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ locale: 'ja-JP' });
  await page.goto(`${base}/search/`);
  // Code as text, so that what runs in the page is what is written here.
  const report = await page.evaluate(`(async () => {
    const parse = async (url) => new DOMParser().parseFromString(await (await fetch(url)).text(), 'text/html');
    const index = await parse('/glossary/');
    const urls = [...new Set(Array.from(index.querySelectorAll('a[href^="/glossary/"]'), (a) => a.pathname))].filter((url) => url !== '/glossary/');
    const terms = [];
    for (const url of urls) {
      const html = await parse(url);
      const term = html.querySelector('.glossary-term');
      if (!term) continue;
      terms.push({
        url: decodeURI(url),
        key: term.getAttribute('data-term'),
        aliases: Array.from(html.querySelectorAll('.glossary-alias'), (alias) => alias.textContent),
        reading: html.querySelector('[data-pagefind-meta="reading"]')?.textContent ?? '',
        title: html.querySelector('meta[data-pagefind-meta^="title"]')?.getAttribute('content') ?? '',
      });
    }
    const pagefind = await import('/pagefind/pagefind.js');
    await pagefind.options({ ranking: ${JSON.stringify(searchRanking)} });
    const fold = ${searchQuery.toString()};
    const shown = ${shownResult};
    const search = async (query, count = 3) => {
      const results = (await pagefind.search(fold(query)))?.results ?? [];
      return Promise.all(results.slice(0, count).map(async (result) => {
        const data = shown(await result.data());
        return { url: decodeURI(data.url), excerpt: data.excerpt.replace(/<[^>]*>/g, '') };
      }));
    };
    const out = { names: [], readings: [], titles: [] };
    for (const term of terms) {
      for (const name of [term.key, ...term.aliases]) out.names.push({ query: name, url: term.url, got: (await search(name, 1)).map((r) => r.url) });
      if (term.reading) out.readings.push({ query: term.reading, url: term.url, got: (await search(term.reading)).map((r) => r.url) });
      if (term.title) {
        const found = await search(term.title);
        const own = found.find((r) => r.url === term.url);
        out.titles.push({ query: term.title, url: term.url, got: found.map((r) => r.url), repeats: !!own && own.excerpt.trim().startsWith(term.title) });
      }
    }
    return out;
  })()`);

  const first = (rows) => rows.filter((row) => row.got[0] === row.url);
  const top3 = (rows) => rows.filter((row) => row.got.includes(row.url));
  const { names, readings, titles } = report;
  if (values.misses) {
    for (const [label, rows] of Object.entries({ name: names, reading: readings, title: titles })) {
      for (const row of rows) if (row.got[0] !== row.url) console.log(`${label} miss: ${row.query} → ${row.got.join(', ') || '(nothing)'} (want ${row.url})`);
    }
    for (const row of titles) if (row.repeats) console.log(`title repeated in excerpt: ${row.url}`);
  }
  console.log(
    `search: names first ${first(names).length}/${names.length}, readings first ${first(readings).length}/${readings.length}, ` +
      `top-3 ${top3(readings).length}, titles first ${first(titles).length}/${titles.length}, ` +
      `excerpt repeats title ${titles.filter((row) => row.repeats).length}/${titles.length}`,
  );
} finally {
  await browser.close();
  server.close();
  if (site) rmSync(site, { recursive: true, force: true });
}
