// Preloaded into the scan process by scripts/bench.mjs (`node --import ./scripts/bench-rss.mjs
// bin/cafscan.js scan …`): on exit, one JSON line on stderr with the process's peak resident set
// size. The CLI itself runs unchanged, as users run it; worker threads share the process, so
// their memory is counted too.
process.on('exit', () => {
  process.stderr.write(`${JSON.stringify({ benchMaxRssKB: process.resourceUsage().maxRSS })}\n`);
});
