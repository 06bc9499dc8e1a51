import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InventoryResource } from '../inventory/model.js';

/** Spill files still open, removed when the process exits however the scan ended. */
const openSpills = new Set<string>();
let exitHookInstalled = false;

function removeOnExit(dir: string): void {
  openSpills.add(dir);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const path of openSpills) rmSync(path, { recursive: true, force: true });
  });
}

/** Writes are gathered in a buffer of this size before one write call. */
const WRITE_BATCH_BYTES = 4 << 20;

/**
 * A pass reads in sorted order. When that is the order the resources were written (a saved
 * inventory is sorted), reads are sequential and fetch blocks this big and growing; in any other
 * order (snapshots, inventories concatenated from sorted parts: measured, consecutive reads 130 KB
 * apart) a block would be read for one resource, so a jump reads just the resource.
 */
const READ_AHEAD_MIN = 64 << 10;
const READ_AHEAD_MAX = 4 << 20;
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
  /** Encoded resources not yet written: `batch[0, pendingBytes)`, starting at file offset `written - pendingBytes`. */
  private batch: Buffer | undefined;
  private pendingBytes = 0;
  private slots = 0;
  /** The last block read: file bytes `[readStart, readStart + readLength)` in `readBuffer`. */
  private readBuffer: Buffer | undefined;
  private readStart = 0;
  private readLength = 0;
  /** 0 after a jump: read just the resource. */
  private readAhead = 0;

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
    this.dir = mkdtempSync(join(this.tempDir, 'cafscan-spill-'));
    removeOnExit(this.dir);
    this.fd = openSync(join(this.dir, 'resources.ndjson'), 'w+', 0o600);
    for (let slot = 0; slot < this.memory.length; slot++) {
      const resource = this.memory[slot];
      if (resource) this.write(slot, resource);
    }
    this.memory.length = 0;
  }

  /** Every put is readable after this. */
  flush(): void {
    if (this.fd === undefined || this.pendingBytes === 0) return;
    this.writeAll(this.batch!, this.pendingBytes, this.written - this.pendingBytes);
    this.pendingBytes = 0;
  }

  get(slot: number): InventoryResource {
    if (this.fd === undefined) {
      const resource = this.memory[slot];
      if (!resource) throw new Error(`resource store: slot ${slot} was dropped`);
      return resource;
    }
    const offset = this.offsets[slot]!;
    const length = this.lengths[slot]!;
    if (offset < this.readStart || offset + length > this.readStart + this.readLength) this.readBlock(offset, length);
    const at = offset - this.readStart;
    // Decoded straight from the block: no copy of the resource's bytes.
    return JSON.parse(this.readBuffer!.toString('utf8', at, at + length)) as InventoryResource;
  }

  /** Reads the block that starts with the resource at `offset`, as far ahead as recent reads justify. */
  private readBlock(offset: number, length: number): void {
    const end = this.readStart + this.readLength;
    // Sequential: the wanted resource starts in the last block (and runs past its end) or just after it.
    this.readAhead = offset >= this.readStart && offset <= end + READ_AHEAD_MIN ? Math.min(Math.max(this.readAhead * 2, READ_AHEAD_MIN), READ_AHEAD_MAX) : 0;
    const size = Math.min(Math.max(length, this.readAhead), this.written - offset);
    // One buffer for every read, grown when a block or resource needs more.
    if (!this.readBuffer || this.readBuffer.length < size) this.readBuffer = Buffer.allocUnsafe(Math.max(size, READ_AHEAD_MIN));
    let done = 0;
    while (done < size) {
      const got = readSync(this.fd!, this.readBuffer, done, size - done, offset + done);
      if (got === 0) break;
      done += got;
    }
    if (done < length) throw new Error(`resource store: the spill file ended early at offset ${offset}`);
    this.readStart = offset;
    this.readLength = done;
  }

  close(): void {
    this.memory.length = 0;
    this.batch = undefined;
    this.readBuffer = undefined;
    this.readLength = 0;
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    if (this.dir) {
      rmSync(this.dir, { recursive: true, force: true });
      openSpills.delete(this.dir);
      this.dir = undefined;
    }
  }

  private write(slot: number, resource: InventoryResource): void {
    const text = JSON.stringify(resource);
    // Encoded straight into the batch buffer (no Buffer per resource, no concatenation); UTF-8
    // takes at most 3 bytes per UTF-16 unit, so a text that may not fit is written after a flush.
    const most = text.length * 3 + 1;
    if (this.pendingBytes + most > WRITE_BATCH_BYTES) this.flush();
    let length: number;
    if (most > WRITE_BATCH_BYTES) {
      // A resource bigger than a batch: written on its own.
      const bytes = Buffer.from(`${text}\n`, 'utf8');
      this.writeAll(bytes, bytes.length, this.written);
      length = bytes.length - 1;
    } else {
      this.batch ??= Buffer.allocUnsafe(WRITE_BATCH_BYTES);
      length = this.batch.write(text, this.pendingBytes, 'utf8');
      this.batch[this.pendingBytes + length] = 0x0a;
      this.pendingBytes += length + 1;
    }
    this.offsets[slot] = this.written;
    this.lengths[slot] = length;
    this.written += length + 1;
  }

  private writeAll(bytes: Buffer, count: number, position: number): void {
    let done = 0;
    while (done < count) done += writeSync(this.fd!, bytes, done, count - done, position + done);
  }
}
