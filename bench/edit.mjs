// `npm run bench:edit`: how long a writer waits under `hexo server`.
//
//   node bench/edit.mjs [--notes 2000] [--edits 3] [--modes plain,linked,all features]
//
// For each mode of corpus.mjs (plain Hexo without the plugin; the plugin
// linking notes; with auto tags and search too) on one synthetic corpus:
// 1. starts `hexo server -i 127.0.0.1` on a free port after `hexo clean`, and
//    times how long until a note's page is served (startup);
// 2. edits that note --edits times (a new line naming a term), each time
//    polling its page every 25 ms until the edit shows, and takes the median;
// 3. with the plugin, edits a term's summary in the glossary and times how
//    long until the note's page shows it (every note is linked again).
// The server caches pages (`server.cache: true`, as this site runs), so the
// times include rendering the page on the first request after a change.
// Ends with one line, `edit: …`.
import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { glossaryModes, hexoBin, makeCorpusSite, setGlossaryMode } from './corpus.mjs';

const { values } = parseArgs({
  options: {
    notes: { type: 'string', default: '2000' },
    edits: { type: 'string', default: '3' },
    modes: { type: 'string', default: Object.keys(glossaryModes).join(',') },
    keep: { type: 'boolean', default: false },
  },
});
const notes = Number(values.notes);
const edits = Number(values.edits);
const modes = values.modes.split(',');
for (const mode of modes) if (!(mode in glossaryModes)) throw new Error(`unknown mode ${JSON.stringify(mode)}`);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

async function text(url) {
  try {
    const response = await fetch(url);
    return response.ok ? await response.text() : '';
  } catch {
    return '';
  }
}

/** Milliseconds until `test()` holds, polling every 25 ms; throws after 10 minutes. */
async function until(test) {
  const start = performance.now();
  while (!(await test())) {
    if (performance.now() - start > 600_000) throw new Error('timed out');
    await sleep(25);
  }
  return performance.now() - start;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

function hexo(site, args) {
  return new Promise((resolve) => spawn(process.execPath, [hexoBin, ...args], { cwd: site, stdio: 'ignore' }).on('exit', resolve));
}

/** The note this bench edits, and the glossary line whose summary it changes (a term the note mentions). */
const noteFile = 'note-5.md';
const glossaryFile = 'aws-containers.yml';
const summaryStart = '  summary: AWS 上で Kubernetes を実行する';

async function measure(site, mode) {
  setGlossaryMode(site, mode);
  await hexo(site, ['clean']);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const server = spawn(process.execPath, [hexoBin, 'server', '-i', '127.0.0.1', '-p', String(port)], { cwd: site, stdio: 'ignore' });
  try {
    // The note's URL, from the sitemap (its date is in the site's time zone).
    let path;
    await until(async () => {
      const found = /<loc>([^<]*\/note-5\/)<\/loc>/.exec(await text(`${base}/sitemap.xml`));
      path = found && new URL(found[1]).pathname;
      return Boolean(path) && (await text(base + path)).length > 0;
    });
    const startup = performance.now() - started;

    const file = join(site, 'source', '_posts', noteFile);
    const original = readFileSync(file, 'utf8');
    const noteEdits = [];
    for (let edit = 0; edit < edits; edit++) {
      const marker = `edit${edit}x${Date.now()}`;
      writeFileSync(file, `${original}\n\n${marker} と EKS。\n`);
      noteEdits.push(await until(async () => (await text(base + path)).includes(marker)));
      await sleep(1500);
    }
    writeFileSync(file, original);
    await sleep(1500);

    let glossaryEdit;
    if (mode !== 'plain') {
      const glossary = join(site, 'source', '_glossary', glossaryFile);
      const terms = readFileSync(glossary, 'utf8');
      if (!terms.includes(summaryStart)) throw new Error(`${glossaryFile} no longer has the summary this bench edits`);
      const marker = `summary${Date.now()}`;
      writeFileSync(glossary, terms.replace(summaryStart, `  summary: ${marker} AWS 上で Kubernetes を実行する`));
      glossaryEdit = await until(async () => (await text(base + path)).includes(marker));
      writeFileSync(glossary, terms);
    }
    return { startup, noteEdit: median(noteEdits), noteEdits, glossaryEdit };
  } finally {
    server.kill('SIGINT');
    await new Promise((resolve) => server.on('exit', resolve));
  }
}

const site = makeCorpusSite({ notes });
try {
  console.log(`Corpus: ${notes} notes; ${edits} edits of one note per mode`);
  console.log('| mode | server start | note edit (median) | note edits | glossary edit |');
  console.log('| --- | ---: | ---: | --- | ---: |');
  const results = {};
  for (const mode of modes) {
    const result = await measure(site, mode);
    results[mode] = result;
    const ms = (value) => (value === undefined ? '–' : `${Math.round(value)} ms`);
    console.log(`| ${mode} | ${(result.startup / 1000).toFixed(1)} s | ${ms(result.noteEdit)} | ${result.noteEdits.map(Math.round).join(', ')} ms | ${ms(result.glossaryEdit)} |`);
  }
  const line = Object.entries(results)
    .map(([mode, result]) => `${mode} ${Math.round(result.noteEdit)} ms${result.glossaryEdit === undefined ? '' : ` (glossary ${Math.round(result.glossaryEdit)} ms)`}`)
    .join(', ');
  console.log(`\nedit: notes ${notes}, note edit shown after: ${line}`);
} finally {
  if (!values.keep) rmSync(site, { recursive: true, force: true });
}
