/** The signals a user or a CI runner sends to stop a scan (Ctrl-C, a cancelled job, a closed terminal). */
const STOP_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Runs synchronous `work` so that a stop signal cannot end the process half-way through it: by
 * default Node dies on SIGINT/SIGTERM at once, which mid-swap would leave the report directory
 * mixed and scratch directories behind. While listeners are installed the signal only queues; it
 * is delivered after `work`, on a later turn of the event loop, and then raised again with the
 * default action, so the process still stops — just after the reports are whole.
 */
export function withStopSignalsDeferred<T>(work: () => T): T {
  let received: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    received ??= signal;
  };
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
  try {
    return work();
  } finally {
    // Two turns: a signal caught during `work` is read in a poll phase, which the first check phase may precede.
    setImmediate(() =>
      setImmediate(() => {
        for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
        if (received) process.kill(process.pid, received);
      }),
    );
  }
}

/**
 * While reports are being staged (the scan still evaluating), a stop signal must not leave the
 * scratch directories behind: `cleanup` runs, then the signal is raised again with its default
 * action, so the process still stops at once. Returns the function that removes the listeners.
 */
export function cleanUpOnStopSignals(cleanup: () => void): () => void {
  const onSignal = (signal: NodeJS.Signals) => {
    release();
    cleanup();
    process.kill(process.pid, signal);
  };
  const release = () => {
    for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
  };
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
  return release;
}

/**
 * Two turns of the event loop, so that a stop signal that arrived while synchronous work ran is
 * dispatched now, to the listeners installed then: removing them first would drop it (a signal
 * is read from libuv in a poll phase, which the first check phase may precede).
 */
export async function letSignalsArrive(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setImmediate(resolve));
}
