// Preloaded by the benchmark (node -r): prints the process's peak resident memory when it exits.
process.on('exit', () => {
  require('node:fs').writeSync(2, `\nPEAK_RSS_KB=${process.resourceUsage().maxRSS}\n`);
});
