import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScanError } from '../errors.js';
import type { InventoryResource } from '../model/inventory.js';
import { parseRemembered } from '../inventory/resource-json.js';
import { utf8BytesAtMost } from '../utf8.js';
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
 * Resources' JSON is kept in memory in blocks of this size, outside the V8 heap (the collector
 * never scans or moves them), with each slot's block, offset and length in typed arrays.
 */
const BLOCK_BYTES = 16 << 20;
/** `blockOf` of a slot whose bytes are in the temp file. */
const ON_DISK = -1;
/** `blockOf` of a slot never stored or dropped. */
const NOWHERE = -2;
const NEWLINE = Buffer.from('\n');

/**
 * How many bytes of resources' JSON stay in memory before the rest goes to the temp file
 * (docs/engine.md, "Reading inputs" → Memory, has the measurements behind it).
 */
export const DEFAULT_MEMORY_BUDGET_BYTES = 192 << 20;

export interface ResourceStoreOptions {
  /** Bytes of resources' JSON kept in memory before the rest goes to disk (default DEFAULT_MEMORY_BUDGET_BYTES). */
  memoryBytes?: number;
  /**
   * Size of a memory block (default 16 MiB; smaller in tests, to cross many). A resource over a
   * quarter of it gets a block of its own, so a block's unused tail stays small.
   */
  blockBytes?: number;
}

/**
 * Holds resources by slot number: as objects while they are few, and once `spill()` is called,
 * as their compact JSON — in memory blocks up to a byte budget, then on disk as NDJSON in a temp
 * file — with only each slot's place kept, so memory does not grow with the resources' size past
 * the budget (issue 11). Each `get` of a stored resource parses it anew and remembers the text
 * it came from (`knownJson`, src/inventory/resource-json.ts), so it is not serialised again.
 *
 * Memory instead of the temp file first: reading each resource back with one `readSync` per pass
 * cost ~1.5 s of the main thread per 100,000 resources, and writing them ~1 s, on a disk that
 * takes ~133 MB/s even into the page cache.
 */
export class ResourceStore {
  private readonly memory: Array<InventoryResource | undefined> = [];
  private packed = false;
  // Per slot once packed: its block (ON_DISK: the temp file), its offset there, its byte length.
  private blockOf = new Int32Array(0);
  private offsets = new Float64Array(0);
  private lengths = new Uint32Array(0);
  private blocks: Buffer[] = [];
  /** The block small resources are appended to, and how much of it is used. */
  private current: Buffer | undefined;
  private currentIndex = -1;
  private used = 0;
  /** Bytes of blocks allocated, counted against the budget. */
  private allocated = 0;
  private dir: string | undefined;
  private fd: number | undefined;
  private written = 0;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private slots = 0;

  private memoryBudgetBytes: number;
  private readonly blockBytes: number;

  constructor(
    private readonly tempDir: string = tmpdir(),
    options: ResourceStoreOptions = {},
  ) {
    this.memoryBudgetBytes = options.memoryBytes ?? DEFAULT_MEMORY_BUDGET_BYTES;
    this.blockBytes = options.blockBytes ?? BLOCK_BYTES;
  }

  /** Bytes of memory blocks held (at most the budget). */
  get bytesInMemory(): number {
    return this.allocated;
  }

  /** Whether any resource went to the temp file. */
  get onDisk(): boolean {
    return this.fd !== undefined;
  }

  put(resource: InventoryResource): number {
    const slot = this.slots++;
    if (!this.packed) this.memory[slot] = resource;
    else this.pack(slot, JSON.stringify(resource));
    return slot;
  }

  /** Forgets a slot's resource (a capture that lost to a newer one): an object is freed, stored bytes stay until close. */
  drop(slot: number): void {
    if (!this.packed) this.memory[slot] = undefined;
    else if (slot < this.blockOf.length) this.blockOf[slot] = NOWHERE;
  }

  /** From now on resources are kept as JSON (memory blocks, then disk); those held so far too. */
  spill(): void {
    if (this.packed) return;
    this.packed = true;
    for (let slot = 0; slot < this.memory.length; slot++) {
      const resource = this.memory[slot];
      if (resource) this.pack(slot, JSON.stringify(resource));
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
    if (!this.packed) {
      const resource = this.memory[slot];
      if (!resource) throw new Error(`resource store: slot ${slot} was dropped`);
      return resource;
    }
    const block = slot < this.blockOf.length ? this.blockOf[slot]! : NOWHERE;
    if (block === NOWHERE) throw new Error(`resource store: slot ${slot} was dropped`);
    const offset = this.offsets[slot]!;
    const length = this.lengths[slot]!;
    const text = block === ON_DISK ? this.readFromDisk(slot, offset, length) : this.blocks[block]!.toString('utf8', offset, offset + length);
    return parseRemembered<InventoryResource>(text);
  }

  close(): void {
    this.memory.length = 0;
    this.blocks = [];
    this.current = undefined;
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    if (this.dir) {
      rmSync(this.dir, { recursive: true, force: true });
      openSpills.delete(this.dir);
      if (openSpills.size === 0) stopWatchingSignals();
      this.dir = undefined;
    }
  }

  private pack(slot: number, json: string): void {
    if (slot >= this.blockOf.length) this.growIndex(slot + 1);
    if (!this.toMemory(slot, json)) this.toDisk(slot, json);
  }

  /** Appends the resource to a memory block when the budget has room; false when it has not. */
  private toMemory(slot: number, json: string): boolean {
    const room = this.current ? this.current.length - this.used : 0;
    // The bound is free to compute; the exact length is a pass over the text, taken only near a block's end.
    if (utf8BytesAtMost(json) > room) {
      const length = Buffer.byteLength(json);
      if (length > room) {
        if (length > this.blockBytes >> 2) return this.toOwnBlock(slot, json, length);
        const size = Math.min(this.blockBytes, this.memoryBudgetBytes - this.allocated);
        if (size < length) return false;
        this.current = Buffer.allocUnsafeSlow(size);
        this.currentIndex = this.blocks.push(this.current) - 1;
        this.used = 0;
        this.allocated += size;
      }
    }
    const written = this.current!.write(json, this.used, 'utf8');
    this.place(slot, this.currentIndex, this.used, written);
    this.used += written;
    return true;
  }

  private toOwnBlock(slot: number, json: string, length: number): boolean {
    if (this.allocated + length > this.memoryBudgetBytes) return false;
    const own = Buffer.allocUnsafeSlow(length);
    own.write(json, 0, 'utf8');
    this.place(slot, this.blocks.push(own) - 1, 0, length);
    this.allocated += length;
    return true;
  }

  private toDisk(slot: number, json: string): void {
    this.appendToDisk(slot, Buffer.from(json, 'utf8'));
    // Past twice the budget the input is large enough that the rest of the scan's memory (index,
    // context, graph) is large too, and the blocks would spare only a fraction of the reads: they
    // go to disk as well and memory holds no resource (docs/engine.md, "Reading inputs" → Memory).
    if (this.written > this.memoryBudgetBytes && this.blocks.length) this.moveBlocksToDisk();
  }

  private appendToDisk(slot: number, bytes: Buffer): void {
    if (this.fd === undefined) this.openFile();
    this.place(slot, ON_DISK, this.written, bytes.length);
    this.written += bytes.length + 1;
    this.pending.push(bytes, NEWLINE);
    this.pendingBytes += bytes.length + 1;
    if (this.pendingBytes >= WRITE_BATCH_BYTES) this.flush();
  }

  private moveBlocksToDisk(): void {
    for (let slot = 0; slot < this.blockOf.length; slot++) {
      const block = this.blockOf[slot]!;
      if (block < 0) continue;
      const offset = this.offsets[slot]!;
      this.appendToDisk(slot, this.blocks[block]!.subarray(offset, offset + this.lengths[slot]!));
    }
    this.flush();
    this.blocks = [];
    this.current = undefined;
    this.allocated = 0;
    this.memoryBudgetBytes = 0;
  }

  private openFile(): void {
    try {
      this.dir = mkdtempSync(join(this.tempDir, 'cafscan-spill-'));
      removeOnExit(this.dir);
      this.fd = openSync(join(this.dir, 'resources.ndjson'), 'w+', 0o600);
    } catch (error) {
      throw spillError(this.tempDir, error);
    }
  }

  private readFromDisk(slot: number, offset: number, length: number): string {
    const buffer = Buffer.allocUnsafe(length);
    let done = 0;
    while (done < length) {
      const got = readSync(this.fd!, buffer, done, length - done, offset + done);
      if (got === 0) throw new Error(`resource store: the spill file ended early at slot ${slot}`);
      done += got;
    }
    return buffer.toString('utf8');
  }

  private place(slot: number, block: number, offset: number, length: number): void {
    this.blockOf[slot] = block;
    this.offsets[slot] = offset;
    this.lengths[slot] = length;
  }

  private growIndex(atLeast: number): void {
    const size = Math.max(atLeast, this.blockOf.length * 2, 4096);
    const grow = <T extends Int32Array | Float64Array | Uint32Array>(from: T, to: T): T => (to.set(from), to);
    this.blockOf = grow(this.blockOf, new Int32Array(size).fill(NOWHERE));
    this.offsets = grow(this.offsets, new Float64Array(size));
    this.lengths = grow(this.lengths, new Uint32Array(size));
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
