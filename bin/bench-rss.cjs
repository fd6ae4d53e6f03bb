// Development tool: preloaded by bin/bench.mjs (node -r) into each measured process, so the
// process reports its own peak resident set size when it exits.
process.on('exit', () => {
  process.stderr.write(`\n@@maxrss ${process.resourceUsage().maxRSS}\n`);
});
