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
// hides what the linking thread and V8's helpers do on the other core;
// `mainCpu`: the same for Hexo's own thread alone (Linux: from /proc), which
// renders and writes every page, so that the two tell the work on the build's
// critical path from the work beside it; and `minorFaults`: the pages of
// memory the process touched for the first time (each a trip into the
// kernel), which grow with the heap V8 takes and gives back.
//
// Builds that render no note (everything cached) have no markdown phase.
const { readFileSync, writeFileSync } = require('node:fs');
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
    const mainCpu = threadCpu(process.pid);
    const minorFaults = process.resourceUsage().minorPageFault;
    writeFileSync(file, JSON.stringify({ ...phases, cpu, minorFaults, ...(mainCpu === undefined ? {} : { mainCpu }), ...(rssWritten === undefined ? {} : { rssWritten }) }));
  });
}

/**
 * CPU time (ms, user and system) of one thread of this process, from
 * /proc (Linux; `undefined` elsewhere). Node 20 has no call for one
 * thread's time. The line's fields 14 and 15 (utime and stime, counting the
 * thread id as 1), in clock ticks, which Linux counts at 100 a second; the
 * command name (field 2) may hold spaces, so fields are counted after it.
 */
function threadCpu(tid) {
  try {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}
