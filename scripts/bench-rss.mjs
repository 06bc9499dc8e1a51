// Preloaded into the scan process by scripts/bench.mjs (`node --import ./scripts/bench-rss.mjs
// bin/cafscan.js scan …`): on exit, one JSON line on stderr with the process's peak resident set
// size and CPU time. The CLI itself runs unchanged, as users run it; worker threads share the
// process, so their memory and CPU are counted too. CPU time is what a busy shared machine
// distorts least (wall times there vary with the neighbours' load).
process.on('exit', () => {
  const usage = process.resourceUsage();
  process.stderr.write(`${JSON.stringify({ benchMaxRssKB: usage.maxRSS, benchCpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 })}\n`);
});
