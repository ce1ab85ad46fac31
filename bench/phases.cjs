/* global hexo */
// Copied by bench/run.mjs into the corpus site's scripts/ folder, which Hexo
// loads with the site: marks where a `hexo generate` spends its time, and
// writes the phases (milliseconds) as JSON to BENCH_PHASES_FILE at exit.
//
//   loading     process start to the first note's before_post_render
//   markdown    to the first after_post_render below the link filter (20)
//   linking     to before_generate at 100 (every note rendered and linked)
//   generators  to after_generate at 100 (routes made)
//   writing     to before_exit (every page written)
//   exit        to the process's end (db.json saved)
//
// It also writes `rssWritten`: the process's peak RSS (bytes) as the last
// page is written, before Hexo saves db.json, to tell which of the two sets
// a build's peak; and `cpu`: the CPU time (ms, user and system) of all the
// process's threads, the work a build does, of which the wall clock partly
// hides what the linking thread and V8's helpers do on the other core.
//
// Builds that render no note (everything cached) have no markdown phase.
const { writeFileSync } = require('node:fs');
const { performance } = require('node:perf_hooks');

const file = process.env.BENCH_PHASES_FILE;
if (file) {
  const marks = {};
  let rssWritten;
  const mark = (name) => {
    if (marks[name] === undefined) marks[name] = performance.now();
    if (name === 'written') rssWritten ??= process.resourceUsage().maxRSS * 1024;
  };
  const filter = (type, name, priority) =>
    hexo.extend.filter.register(
      type,
      (data) => {
        mark(name);
        return data;
      },
      priority,
    );
  filter('before_post_render', 'loaded', 0);
  filter('after_post_render', 'rendered', 19);
  filter('before_generate', 'linked', 100);
  filter('after_generate', 'generated', 100);
  filter('before_exit', 'written', 0);
  process.on('exit', () => {
    mark('exit');
    const order = [
      ['loading', 'loaded'],
      ['markdown', 'rendered'],
      ['linking', 'linked'],
      ['generators', 'generated'],
      ['writing', 'written'],
      ['exit', 'exit'],
    ];
    const phases = {};
    let last = 0;
    for (const [phase, name] of order) {
      if (marks[name] === undefined) continue;
      phases[phase] = Math.round(marks[name] - last);
      last = marks[name];
    }
    const { user, system } = process.cpuUsage();
    const cpu = Math.round((user + system) / 1000);
    writeFileSync(file, JSON.stringify({ ...phases, cpu, ...(rssWritten === undefined ? {} : { rssWritten }) }));
  });
}
