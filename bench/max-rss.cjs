// Preloaded into a measured process (NODE_OPTIONS=--require): writes its peak RSS in bytes.
process.on('exit', () => {
  const file = process.env.BENCH_RSS_FILE;
  if (file) require('node:fs').writeFileSync(file, String(process.resourceUsage().maxRSS * 1024));
});
