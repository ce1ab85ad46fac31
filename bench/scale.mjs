// `npm run scale`: does a large site build, and what does the plugin cost?
//
//   node bench/scale.mjs [--notes 10000] [--heap MB] [--concurrency N] [--keep]
//
// Builds a synthetic corpus of N notes (see corpus.mjs: notes shaped like the
// AWS note, this repo's glossary and configuration), then runs
// `hexo clean && hexo generate` with the plugin off (`glossary.enable:
// false`, plain Hexo), with the plugin but no search index, and as
// configured in _config.yml (linking, pages, auto tags, search). Reports
// wall time, peak RSS of Hexo's process (bench/max-rss.cjs) and of its
// process tree (sampled; the search indexer runs as a separate binary),
// and the files written. --heap passes --max-old-space-size to Hexo's process;
// without it Node's default heap limit applies.
//
// Each build runs with Hexo's defaults, and the plugin's: plain Hexo renders
// all pages at once, while the plugin limits `hexo generate` to 32 pages at a
// time (hexo/generate-concurrency.ts). --concurrency N passes `-c N` to every
// build, for a comparison on equal terms.
//
// Takes minutes at 10,000 notes. Ends with one line: `scale: …`.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { hexoBin, makeCorpusSite, repoRoot } from './corpus.mjs';

const { values } = parseArgs({
  options: {
    notes: { type: 'string', default: '10000' },
    heap: { type: 'string' },
    concurrency: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const notes = Number(values.notes);
const rssPreload = join(repoRoot, 'bench', 'max-rss.cjs');

console.log(`Corpus: ${notes} notes${values.heap ? `, --max-old-space-size=${values.heap}` : ''}${values.concurrency ? `, hexo generate -c ${values.concurrency}` : ''}`);
const started = process.hrtime.bigint();
const site = makeCorpusSite({ notes });
console.log(`  written in ${seconds(started).toFixed(1)} s: ${site}`);
const configPath = join(site, '_config.yml');
const configured = readFileSync(configPath, 'utf8');
const glossaryBlock = /\nglossary:\n(?: {2}[^\n]*\n)+/;
if (!glossaryBlock.test(configured)) throw new Error('no glossary: block in _config.yml');

const modes = {
  'plain Hexo (plugin off)': configured.replace(glossaryBlock, '\nglossary:\n  enable: false\n'),
  // The search index (Pagefind) is most of the plugin's cost; this row tells it apart.
  'plugin, search off': configured.replace(glossaryBlock, (block) =>
    /\n {2}search:[^\n]*\n/.test(block) ? block.replace(/\n {2}search:[^\n]*\n/, '\n  search: false\n') : `${block}  search: false\n`,
  ),
  'plugin as configured': configured,
};
const results = {};
try {
  for (const [mode, config] of Object.entries(modes)) {
    writeFileSync(configPath, config);
    await run(site, ['clean']);
    const result = await run(site, ['generate', ...(values.concurrency ? ['-c', values.concurrency] : [])]);
    result.files = countFiles(join(site, 'public'));
    results[mode] = result;
    console.log(`  ${mode.padEnd(24)} ${result.seconds.toFixed(1)} s  ${gb(result.rss)} (with helpers ${gb(result.treePeak)})  ${result.files} files  exit ${result.code}`);
    console.log(result.info.replace(/^/gm, '    ').trimEnd());
    if (result.code !== 0) console.log(result.stderr.split('\n').slice(-15).join('\n'));
  }

  console.log(`\nhexo generate, ${notes} notes`);
  console.log('| mode | time | peak RSS, hexo | peak RSS, hexo + helpers | files | exit |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const [mode, result] of Object.entries(results)) {
    console.log(`| ${mode} | ${result.seconds.toFixed(1)} s | ${gb(result.rss)} | ${gb(result.treePeak)} | ${result.files} | ${result.code} |`);
  }
  const [plain, noSearch, plugin] = Object.values(results);
  const completed = Object.values(results).every((result) => result.code === 0);
  console.log(
    `\nscale: notes ${notes}, plain ${plain.seconds.toFixed(1)} s / ${gb(plain.rss)}, ` +
      `plugin without search ${noSearch.seconds.toFixed(1)} s / ${gb(noSearch.rss)}, ` +
      `plugin ${plugin.seconds.toFixed(1)} s / ${gb(plugin.rss)} (${gb(plugin.treePeak)} with helpers), ` +
      `time ${(plugin.seconds / plain.seconds).toFixed(2)}x, memory ${(plugin.rss / plain.rss).toFixed(2)}x: ${completed ? 'all completed' : 'FAILED'}`,
  );
  process.exitCode = completed ? 0 : 1;
} finally {
  if (!values.keep) rmSync(site, { recursive: true, force: true });
  else console.log(`(kept ${site})`);
}

function run(cwd, args) {
  const rssFile = join(mkdtempSync(join(tmpdir(), 'rss-')), 'rss');
  const heap = values.heap ? ` --max-old-space-size=${values.heap}` : '';
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, [hexoBin, ...args], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_OPTIONS: `--require ${rssPreload}${heap}`, BENCH_RSS_FILE: rssFile },
    });
    // Hexo's summary lines (and the plugin's, e.g. how long the search index took), not one per file.
    let info = '';
    let partial = '';
    child.stdout.on('data', (chunk) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) if (/^INFO {2}(?!Generated:)/.test(line)) info += `${line}\n`;
    });
    // Hexo's own peak comes from max-rss.cjs; helpers it starts (the search
    // indexer is a separate binary) are only seen by sampling the process tree.
    let treePeak = 0;
    const sampler = setInterval(() => (treePeak = Math.max(treePeak, treeMemory(child.pid))), 250);
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      // Keep the tail only: a failing build can log a lot.
      stderr = (stderr + chunk).slice(-20_000);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearInterval(sampler);
      let rss = NaN;
      try {
        rss = Number(readFileSync(rssFile, 'utf8'));
      } catch {
        // Killed before its exit hook ran (out of memory): no number.
      }
      rmSync(rssFile, { force: true });
      resolve({ seconds: seconds(start), rss, treePeak, code: code ?? signal, stderr, info });
    });
  });
}

/** Resident memory of a process and all its descendants, in bytes (Linux /proc). */
function treeMemory(root) {
  const children = new Map();
  const rss = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command name, which is in parentheses and may hold spaces.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const parent = Number(fields[1]);
      if (!children.has(parent)) children.set(parent, []);
      children.get(parent).push(Number(name));
      rss.set(Number(name), Number(fields[21]) * 4096);
    } catch {
      // gone meanwhile
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop();
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

function seconds(start) {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

function gb(bytes) {
  return Number.isNaN(bytes) ? 'n/a' : `${(bytes / 2 ** 30).toFixed(2)} GB`;
}

function countFiles(dir) {
  let count = 0;
  try {
    for (const entry of readdirSync(dir, { withFileTypes: true })) count += entry.isDirectory() ? countFiles(join(dir, entry.name)) : 1;
  } catch {
    // no public/ after a failed build
  }
  return count;
}
