// `npm run bench:instructions`: the glossary's cost in instructions rather
// than seconds.
//
//   node bench/instructions.mjs [--notes 2000] [--terms 100]
//
// On a shared 2-core machine the same build's wall time moves by a quarter
// from one run to the next, which hides any change smaller than that. The
// instructions a build executes barely move (see the README). This builds
// the bench corpus with the plugin off and on, once each, under valgrind's
// callgrind with one count per thread, and prints:
//
// - Hexo's main thread: the build's critical path, where the page writing
//   happens; its ratio is the closest this machine has to a noise-free
//   overhead;
// - the linking thread (link-pool.ts), which plans notes on the second core;
// - V8's and libuv's helper threads (compilers, garbage collector, file I/O).
//
// Needs valgrind (Debian: `apt-get install valgrind`). Valgrind runs a
// process's threads one at a time, so the two builds run side by side, one
// per core: about 20 minutes for 2,000 notes here (the linked build, the
// longer, took 19.4–21.6 min in six runs).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { hexoBin, makeCorpusSite, realTermCount, setGlossaryMode } from './corpus.mjs';

const { values } = parseArgs({
  options: {
    notes: { type: 'string', default: '2000' },
    terms: { type: 'string', default: '100' },
  },
});
const notes = Number(values.notes);
const realTerms = realTermCount();
const extraTerms = Math.max(0, Number(values.terms) - realTerms);

function run(command, args, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited ${code}\n${stderr.slice(-2000)}`))));
  });
}

/** Instructions per kind of thread of one `hexo generate`, from callgrind's per-thread files in `dir`. */
function threadInstructions(dir) {
  const counts = { main: 0, linking: 0, helpers: 0 };
  for (const name of readdirSync(dir)) {
    const thread = /-(\d+)$/.exec(name);
    if (!thread) continue;
    const text = readFileSync(join(dir, name), 'utf8');
    const total = Number(/^(?:summary|totals): (\d+)/m.exec(text)?.[1] ?? 0);
    // Thread 1 is the process's own; a worker thread runs inside node::worker::Worker::Run.
    const kind = Number(thread[1]) === 1 ? 'main' : text.includes('node::worker::Worker::Run()') ? 'linking' : 'helpers';
    counts[kind] += total;
  }
  return counts;
}

async function measure(mode) {
  const site = makeCorpusSite({ notes, extraTerms });
  const out = mkdtempSync(join(tmpdir(), 'callgrind-'));
  try {
    setGlossaryMode(site, mode);
    await run(process.execPath, [hexoBin, 'clean'], site);
    const started = Date.now();
    await run(
      'valgrind',
      ['--tool=callgrind', '--separate-threads=yes', `--callgrind-out-file=${join(out, 'callgrind.out')}`, process.execPath, hexoBin, 'generate'],
      site,
    );
    console.log(`  ${mode}: built under valgrind in ${((Date.now() - started) / 60000).toFixed(1)} min`);
    return threadInstructions(out);
  } finally {
    rmSync(site, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
}

try {
  await run('valgrind', ['--version']);
} catch {
  console.error('valgrind is not installed (Debian: apt-get install valgrind)');
  process.exit(1);
}
console.log(`Corpus: ${notes} notes, ${realTerms} real + ${extraTerms} synthetic terms; one build each under callgrind`);
// Settled, not all: a build that fails still waits for the other valgrind to end.
const builds = await Promise.allSettled([measure('plain'), measure('linked')]);
const failed = builds.find((build) => build.status === 'rejected');
if (failed) throw failed.reason;
const [plain, linked] = builds.map((build) => build.value);

const giga = (count) => `${(count / 1e9).toFixed(2)} G`;
const ratio = (a, b) => (b > 0 ? `${(a / b).toFixed(3)}x` : '-');
console.log('\ninstructions per thread');
console.log('| thread | plain | linked | ratio |');
console.log('| --- | ---: | ---: | ---: |');
for (const [kind, label] of [
  ['main', "Hexo's main thread"],
  ['linking', 'linking thread'],
  ['helpers', 'V8 and libuv helpers'],
]) {
  console.log(`| ${label} | ${giga(plain[kind])} | ${giga(linked[kind])} | ${ratio(linked[kind], plain[kind])} |`);
}
const sum = (counts) => counts.main + counts.linking + counts.helpers;
console.log(`| all threads | ${giga(sum(plain))} | ${giga(sum(linked))} | ${ratio(sum(linked), sum(plain))} |`);
console.log(`\ninstructions: notes ${notes}, main thread ${ratio(linked.main, plain.main)}, all threads ${ratio(sum(linked), sum(plain))}`);
