import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScanError } from '../errors.js';
import type { InventoryResource } from '../model/inventory.js';
import type { InventoryHeader, ResourceSet } from '../inventory/resource-set.js';

/** Spill files still open, removed when the process exits however the scan ended. */
const openSpills = new Set<string>();
let exitHookInstalled = false;
const STOP_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

function removeSpills(): void {
  for (const path of openSpills) rmSync(path, { recursive: true, force: true });
  openSpills.clear();
}

/**
 * A signal's default action ends the process without an 'exit' event, and Ctrl-C while a large
 * input is read would leave gigabytes of resources in the temp directory: remove them, then let
 * the signal do what it would have done (other listeners — report staging, deferred swaps — run
 * in the same dispatch and keep their say).
 */
function onStopSignal(signal: NodeJS.Signals): void {
  removeSpills();
  stopWatchingSignals();
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function stopWatchingSignals(): void {
  for (const signal of STOP_SIGNALS) process.off(signal, onStopSignal);
}

function removeOnExit(dir: string): void {
  if (openSpills.size === 0) for (const signal of STOP_SIGNALS) process.on(signal, onStopSignal);
  openSpills.add(dir);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', removeSpills);
}

/** One line for the user when the temp directory cannot hold the spill (missing, read-only, full). */
function spillError(dir: string, error: unknown): ScanError {
  const reason = error instanceof Error && 'code' in error ? `${String(error.code)}: ${error.message.split(',')[0]}` : String(error);
  return new ScanError(`cannot keep the input's resources in a temporary file under ${dir} (${reason}); set TMPDIR to a directory with room`);
}

/** Writes are gathered to this size before one write call. */
const WRITE_BATCH_BYTES = 4 << 20;

/**
 * Holds resources by slot number: in memory while they are few, and once `spill()` is called,
 * on disk as NDJSON in a temp file with only each slot's offset and length kept, so memory does
 * not grow with the resources' size (issue 11). Each `get` parses the resource anew.
 */
export class ResourceStore {
  private readonly memory: Array<InventoryResource | undefined> = [];
  private readonly offsets: number[] = [];
  private readonly lengths: number[] = [];
  private dir: string | undefined;
  private fd: number | undefined;
  private written = 0;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private slots = 0;

  constructor(private readonly tempDir: string = tmpdir()) {}

  get spilled(): boolean {
    return this.fd !== undefined;
  }

  put(resource: InventoryResource): number {
    const slot = this.slots++;
    if (this.fd === undefined) this.memory[slot] = resource;
    else this.write(slot, resource);
    return slot;
  }

  /** Forgets a slot's resource (a capture that lost to a newer one): memory is freed, disk bytes stay until close. */
  drop(slot: number): void {
    if (this.fd === undefined) this.memory[slot] = undefined;
  }

  /** From now on resources live on disk; those held so far are written there too. */
  spill(): void {
    if (this.fd !== undefined) return;
    try {
      this.dir = mkdtempSync(join(this.tempDir, 'cafscan-spill-'));
      removeOnExit(this.dir);
      this.fd = openSync(join(this.dir, 'resources.ndjson'), 'w+', 0o600);
    } catch (error) {
      throw spillError(this.tempDir, error);
    }
    for (let slot = 0; slot < this.memory.length; slot++) {
      const resource = this.memory[slot];
      if (resource) this.write(slot, resource);
    }
    this.memory.length = 0;
  }

  /** Every put is readable after this. */
  flush(): void {
    if (this.fd === undefined || this.pending.length === 0) return;
    const bytes = Buffer.concat(this.pending, this.pendingBytes);
    let done = 0;
    try {
      while (done < bytes.length) done += writeSync(this.fd, bytes, done, bytes.length - done, this.written - this.pendingBytes + done);
    } catch (error) {
      throw spillError(this.tempDir, error);
    }
    this.pending = [];
    this.pendingBytes = 0;
  }

  get(slot: number): InventoryResource {
    if (this.fd === undefined) {
      const resource = this.memory[slot];
      if (!resource) throw new Error(`resource store: slot ${slot} was dropped`);
      return resource;
    }
    const length = this.lengths[slot]!;
    const buffer = Buffer.allocUnsafe(length);
    let done = 0;
    while (done < length) {
      const got = readSync(this.fd, buffer, done, length - done, this.offsets[slot]! + done);
      if (got === 0) throw new Error(`resource store: the spill file ended early at slot ${slot}`);
      done += got;
    }
    return JSON.parse(buffer.toString('utf8')) as InventoryResource;
  }

  close(): void {
    this.memory.length = 0;
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    if (this.dir) {
      rmSync(this.dir, { recursive: true, force: true });
      openSpills.delete(this.dir);
      if (openSpills.size === 0) stopWatchingSignals();
      this.dir = undefined;
    }
  }

  private write(slot: number, resource: InventoryResource): void {
    const bytes = Buffer.from(`${JSON.stringify(resource)}\n`, 'utf8');
    this.offsets[slot] = this.written;
    this.lengths[slot] = bytes.length - 1;
    this.written += bytes.length;
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    if (this.pendingBytes >= WRITE_BATCH_BYTES) this.flush();
  }
}

/**
 * A ResourceSet over resources kept in a store, read back in `order` (their slots, sorted by type
 * then ARN) on every pass; closing it closes the store (its temp file goes). `owner` names the
 * set in the error a pass after close raises.
 */
export function storedResourceSet(header: InventoryHeader, order: Int32Array, store: ResourceStore, owner: string): ResourceSet {
  let closed = false;
  return {
    header,
    count: order.length,
    // eslint-disable-next-line @typescript-eslint/require-await -- the store reads synchronously; async because ResourceSet's passes are AsyncIterables
    async *resources() {
      for (const slot of order) {
        if (closed) throw new Error(`${owner}: resources() after close()`);
        yield store.get(slot);
      }
    },
    // eslint-disable-next-line @typescript-eslint/require-await -- the store closes synchronously; async so that a throw is a rejection, as ResourceSet.close promises
    close: async () => {
      closed = true;
      store.close();
    },
  };
}
