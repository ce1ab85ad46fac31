// `npm run bench`: the cost of the glossary on a synthetic corpus.
//
//   node bench/run.mjs [--notes 2000] [--terms 100] [--pairs 5]
//
// 1. Builds N notes shaped like the AWS note (varied text) and a glossary of
//    the real entries plus synthetic ones up to --terms.
// 2. Runs `hexo clean && hexo generate` with the plugin off and on, in
//    alternation (--pairs times; every other pair starts with the plugin on),
//    and takes medians of wall time and peak RSS.
//    "linked" links every note and writes the glossary pages; "all features"
//    (auto tags, which add Hexo tag pages, and the Pagefind search index) is
//    measured once, next to them.
// 3. Runs the linker alone over the notes' rendered HTML with 30 and with
//    3,000 terms.
// The builds' phases (bench/phases.cjs: loading, Markdown, linking,
// generators, writing, exit) are printed too, as medians, to show where the
// overhead goes, each pair's ratio of CPU time over all threads and on
// Hexo's own thread (Linux), and the builds' minor page faults.
// Ends with one line: `bench: notes N, overhead X, linker Y MB/s, terms 30->3000 cost Z, peak rss +P%`
// (overhead: the median of each pair's time ratio; peak rss: of the medians).
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { glossaryModes, hexoBin, makeCorpusSite, realTermCount, repoRoot, setGlossaryMode, syntheticGlossary } from './corpus.mjs';
import { benchLinker } from './linker.mjs';

const { values } = parseArgs({
  options: {
    notes: { type: 'string', default: '2000' },
    terms: { type: 'string', default: '100' },
    pairs: { type: 'string', default: '5' },
    keep: { type: 'boolean', default: false },
  },
});
const notes = Number(values.notes);
const pairs = Number(values.pairs);
const realTerms = realTermCount();
const extraTerms = Math.max(0, Number(values.terms) - realTerms);

const rssPreload = join(repoRoot, 'bench', 'max-rss.cjs');

function run(cwd, args, env = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'rss-'));
  const rssFile = join(dir, 'rss');
  const phasesFile = join(dir, 'phases.json');
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [hexoBin, ...args], {
      cwd,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, ...env, NODE_OPTIONS: `--require ${rssPreload}`, BENCH_RSS_FILE: rssFile, BENCH_PHASES_FILE: phasesFile },
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0) return reject(new Error(`hexo ${args.join(' ')} exited ${code}\n${stderr}`));
      const rss = Number(readFileSync(rssFile, 'utf8'));
      let phases = {};
      try {
        phases = JSON.parse(readFileSync(phasesFile, 'utf8'));
      } catch {
        // `hexo clean` renders nothing: no phases.
      }
      rmSync(dir, { recursive: true, force: true });
      resolve({ seconds, rss, phases });
    });
  });
}

const percent = (ratio) => `${ratio >= 0 ? '+' : ''}${(ratio * 100).toFixed(0)}%`;
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

console.log(`Corpus: ${notes} notes, ${realTerms} real + ${extraTerms} synthetic terms; ${pairs} pairs of builds`);
const site = makeCorpusSite({ notes, extraTerms });
mkdirSync(join(site, 'scripts'), { recursive: true });
copyFileSync(join(repoRoot, 'bench', 'phases.cjs'), join(site, 'scripts', 'bench-phases.js'));
const results = Object.fromEntries(Object.keys(glossaryModes).map((mode) => [mode, { seconds: [], rss: [], phases: [], files: 0 }]));

try {
  for (let pair = 0; pair < pairs; pair++) {
    // The machine's speed drifts during a run (often slower and slower):
    // always building plain first would charge that drift to the plugin.
    // Odd pairs build linked first (plain, linked, linked, plain, …).
    const order = pair % 2 === 0 ? ['plain', 'linked', 'all features'] : ['linked', 'plain'];
    for (const mode of order) {
      // Auto tags multiply Hexo's tag pages and search indexes every page:
      // one build of that mode is enough to show their cost.
      if (mode === 'all features' && pair > 0) continue;
      setGlossaryMode(site, mode);
      await run(site, ['clean']);
      const result = await run(site, ['generate']);
      results[mode].seconds.push(result.seconds);
      results[mode].rss.push(result.rss);
      results[mode].phases.push(result.phases);
      results[mode].files = countFiles(join(site, 'public'));
      console.log(`  pair ${pair + 1} ${mode.padEnd(20)} ${result.seconds.toFixed(2)} s  ${mb(result.rss)}  ${results[mode].files} files`);
    }
  }

  const plain = results.plain;
  const linked = results.linked;
  // The machine's speed drifts within a run (plain builds took 8.7 to 11.9 s
  // in one). The two builds of a pair run back to back, so the overhead is
  // the median of the pairs' own ratios: the ratio of the two medians mixes
  // builds from different stretches of the run (it is in the table below).
  const pairRatios = linked.seconds.map((seconds, index) => seconds / plain.seconds[index]);
  const overhead = median(pairRatios);
  const rssGrowth = median(linked.rss) / median(plain.rss) - 1;
  console.log(`\noverhead of each pair: ${pairRatios.map((ratio) => `${ratio.toFixed(2)}x`).join(', ')} (median ${overhead.toFixed(2)}x)`);
  // CPU time of all threads (bench/phases.cjs): the work each build does,
  // the linking thread's and V8's helpers' on the other core included, which
  // the wall clock partly hides. It moves with the machine as much as the
  // wall clock does (one run: pairs 1.10–1.33x against 1.06–1.28x).
  const cpuOf = (result) => result.phases.map((phases) => phases.cpu ?? NaN);
  const [plainCpu, linkedCpu] = [cpuOf(plain), cpuOf(linked)];
  const cpuRatios = linkedCpu.map((cpu, index) => cpu / plainCpu[index]);
  console.log(
    `CPU time of each pair, all threads: ${cpuRatios.map((ratio) => `${ratio.toFixed(2)}x`).join(', ')} (median ${median(cpuRatios).toFixed(2)}x; ` +
      `plain ${(median(plainCpu) / 1000).toFixed(1)} s, linked ${(median(linkedCpu) / 1000).toFixed(1)} s)`,
  );
  // Hexo's own thread alone (Linux): the pages are rendered and written
  // there, one after another, so its work sets the wall clock; the rest runs
  // beside it, on the other core.
  const [plainMain, linkedMain] = [plain, linked].map((result) => result.phases.map((phases) => phases.mainCpu ?? NaN));
  if (plainMain.every(Number.isFinite)) {
    const mainRatios = linkedMain.map((cpu, index) => cpu / plainMain[index]);
    console.log(
      `CPU time of each pair, Hexo's thread: ${mainRatios.map((ratio) => `${ratio.toFixed(2)}x`).join(', ')} (median ${median(mainRatios).toFixed(2)}x; ` +
        `plain ${(median(plainMain) / 1000).toFixed(1)} s, linked ${(median(linkedMain) / 1000).toFixed(1)} s)`,
    );
  }
  const faultsOf = (result) => median(result.phases.map((phases) => phases.minorFaults ?? NaN));
  console.log(`pages of memory touched anew (minor page faults, medians): plain ${faultsOf(plain)}, linked ${faultsOf(linked)}`);

  console.log('\nhexo generate (medians)');
  console.log('| mode | time | vs plain | peak RSS | vs plain | of it, by the last page written | files |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  // A build's peak is set either while pages are written or after, while
  // Hexo saves db.json: the second column tells which.
  const writtenRss = (result) => median(result.phases.map((phases) => phases.rssWritten ?? 0));
  for (const [mode, result] of Object.entries(results)) {
    const time = median(result.seconds);
    const rss = median(result.rss);
    const growth = percent(rss / median(plain.rss) - 1);
    console.log(
      `| ${mode} | ${time.toFixed(2)} s | ${(time / median(plain.seconds)).toFixed(2)}x | ${mb(rss)} | ${growth} | ${mb(writtenRss(result))} (${percent(writtenRss(result) / writtenRss(plain) - 1)}) | ${result.files} |`,
    );
  }
  const atExit = (result) => result.rss.filter((rss, index) => rss > (result.phases[index]?.rssWritten ?? Infinity)).length;
  console.log(`builds whose peak came while db.json was saved: plain ${atExit(plain)} of ${plain.rss.length}, linked ${atExit(linked)} of ${linked.rss.length}`);

  console.log('\nwhere the time goes (medians, ms; see bench/phases.cjs)');
  console.log('| phase | plain | linked | difference |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const phase of ['loading', 'markdown', 'linking', 'generators', 'writing', 'exit']) {
    const of = (mode) => median(results[mode].phases.map((phases) => phases[phase] ?? 0));
    const difference = of('linked') - of('plain');
    console.log(`| ${phase} | ${of('plain')} | ${of('linked')} | ${difference >= 0 ? '+' : ''}${difference} |`);
  }

  setGlossaryMode(site, 'plain');
  await run(site, ['clean']);
  await run(site, ['generate']);
  const linker = benchLinker(site, syntheticGlossary(3000));
  console.log('\nlinker alone over the notes\' rendered HTML (see bench/linker.mjs)');
  console.log('| terms | HTML | as a build links (planLinks, spliceLinks) | linkHtml (with snippets) |');
  console.log('| ---: | ---: | ---: | ---: |');
  linker.rows.forEach((row, index) => {
    const other = linker.linkHtmlRows[index];
    console.log(`| ${row.terms} | ${mb(row.bytes)} | ${(row.seconds * 1000).toFixed(0)} ms, ${row.mbPerSecond.toFixed(0)} MB/s | ${(other.seconds * 1000).toFixed(0)} ms, ${other.mbPerSecond.toFixed(0)} MB/s |`);
  });

  console.log(
    `\nbench: notes ${notes}, overhead ${overhead.toFixed(2)}x, linker ${linker.rows[0].mbPerSecond.toFixed(0)} MB/s, terms 30->3000 cost ${linker.cost.toFixed(2)}x, peak rss ${percent(rssGrowth)}`,
  );
} finally {
  if (!values.keep) rmSync(site, { recursive: true, force: true });
  else console.log(`(kept ${site})`);
}

function countFiles(dir) {
  let count = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    count += entry.isDirectory() ? countFiles(join(dir, entry.name)) : 1;
  }
  return count;
}
