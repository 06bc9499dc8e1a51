/**
 * CAFSCAN_TIMINGS=1: how long each phase of a scan took, printed by the CLI as one JSON line on
 * stderr (`{"cafscanTimingsMs":{…}}`) — what `npm run bench` reads to split a scan run as users
 * run it. Off by default: then every call is a no-op and nothing is printed.
 * A phase lasts from the previous mark to its own; repeated names add up.
 */
const enabled = process.env.CAFSCAN_TIMINGS === '1';
const phases: Record<string, number> = {};
// performance.now() counts from the process's time origin (its start): the first phase, startup,
// includes node's own start and the loading of the CLI's modules, so the phases add up to the
// wall time a user waits (measured from here they left out ~0.8 s of module loading per scan).
let last = 0;

/** Ends the phase `name` now (the next phase starts now). */
export function phaseDone(name: string): void {
  if (!enabled) return;
  const now = performance.now();
  phases[name] = (phases[name] ?? 0) + (now - last);
  last = now;
}

/** Writes the phases measured so far as one JSON line on stderr (when enabled). */
export function reportPhases(): void {
  if (enabled) process.stderr.write(`${JSON.stringify({ cafscanTimingsMs: phases })}\n`);
}
