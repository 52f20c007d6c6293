import { CHUNK_SIZE } from '../core/byte-range';
import type { DownloadRecord } from '../core/types';
import { commitChunks, readTail } from './chunks';

/**
 * How many chunks go to IndexedDB in one transaction. A commit costs a few milliseconds however
 * small it is, so batching several MiB per transaction is what lets storage keep up with the network.
 */
export const CHUNKS_PER_COMMIT = 4;
/** On a slow network a batch takes long to fill: full chunks are committed at least this often, so a closed tab loses little. */
export const MAX_COMMIT_DELAY_MS = 1000;
/**
 * Commits queued at once. With one, IndexedDB sits idle while the page hears of each commit and
 * builds the next; a second queued behind it (transactions on the same stores run in order) keeps
 * the disk busy. In-flight bytes stay bounded: (MAX_IN_FLIGHT + 1) batches plus the chunk filling.
 */
export const MAX_IN_FLIGHT = 2;

/**
 * Turns a byte stream into aligned chunks with flat memory and overlapped writes. Received buffers
 * are kept by reference (never copied in JS) until a chunk is full, then become one Blob (the one
 * copy, into the browser's blob store); full batches are committed (chunks + byte count, one
 * transaction) while the next batch is being received. At most MAX_IN_FLIGHT commits are queued, so
 * a slow disk slows the reader instead of growing memory. Used by the page's downloader and by the service
 * worker when a Background Fetch lands, so both store bytes the same way.
 */
export class ChunkWriter {
  /** Pieces of the chunk being filled: the stored tail (a Blob) and received buffers. */
  private parts: BlobPart[] = [];
  private fill = 0;
  /** Index of the first chunk in `ready`, and the finished chunks waiting for a commit. */
  private readyIndex: number;
  private ready: Blob[] = [];
  /** Commits queued in IndexedDB, oldest first. */
  private inFlight: Array<Promise<void>> = [];
  private failure: unknown = null;
  private lastRecord: DownloadRecord | null = null;
  private lastCommitAt = Date.now();

  private constructor(
    readonly episodeId: string,
    committed: number,
  ) {
    this.readyIndex = Math.floor(committed / CHUNK_SIZE);
  }

  /** A writer that continues after `committed` stored bytes, re-reading the short tail chunk if any. */
  static async resume(episodeId: string, committed: number): Promise<ChunkWriter> {
    const writer = new ChunkWriter(episodeId, committed);
    const tail = await readTail(episodeId, committed);
    if (tail) {
      writer.parts.push(tail);
      writer.fill = tail.size;
    }
    return writer;
  }

  /** Bytes received so far, stored, committing or still buffered. */
  get received(): number {
    return (this.readyIndex + this.ready.length) * CHUNK_SIZE + this.fill;
  }

  /** The record as of the last finished commit (null before the first). */
  get record(): DownloadRecord | null {
    return this.lastRecord;
  }

  async write(bytes: Uint8Array): Promise<void> {
    this.throwIfFailed();
    let offset = 0;
    while (offset < bytes.length) {
      const n = Math.min(CHUNK_SIZE - this.fill, bytes.length - offset);
      this.parts.push((n === bytes.length ? bytes : bytes.subarray(offset, offset + n)) as Uint8Array<ArrayBuffer>);
      this.fill += n;
      offset += n;
      if (this.fill === CHUNK_SIZE) this.sealChunk();
    }
    const due = this.ready.length > 0 && this.inFlight.length === 0 && Date.now() - this.lastCommitAt >= MAX_COMMIT_DELAY_MS;
    if (this.ready.length >= CHUNKS_PER_COMMIT || due) await this.startCommit();
  }

  /**
   * Commits everything received, even a short chunk: at the end of the file, and when a transfer
   * breaks, so a resume asks only for the bytes that never arrived.
   */
  async flush(): Promise<DownloadRecord | null> {
    if (this.fill > 0) this.sealChunk();
    if (this.ready.length > 0) await this.startCommit();
    await this.settle();
    this.throwIfFailed();
    return this.lastRecord;
  }

  /** Waits for every commit in flight; a failure is kept for the next write or flush. */
  async settle(): Promise<void> {
    await Promise.all(this.inFlight);
  }

  /** The chunk being filled becomes one Blob; a short one is only sealed by flush, so it ends its batch. */
  private sealChunk(): void {
    this.ready.push(new Blob(this.parts));
    this.parts = [];
    this.fill = 0;
  }

  /** Waits until fewer than MAX_IN_FLIGHT commits are queued, then starts committing the ready batch. */
  private async startCommit(): Promise<void> {
    while (this.inFlight.length >= MAX_IN_FLIGHT) await this.inFlight[0];
    this.throwIfFailed();
    this.lastCommitAt = Date.now();
    const first = this.readyIndex;
    const batch = this.ready;
    this.ready = [];
    this.readyIndex = first + batch.length;
    // A short last chunk is committed again, extended, when the download resumes: it stays the tail.
    const short = batch[batch.length - 1].size < CHUNK_SIZE;
    if (short) this.readyIndex -= 1;
    // The commits run in the order they were queued. When one fails, the next finds the stored count
    // short and fails with `order` (nothing past a gap is stored): the first failure is the one kept.
    const commit: Promise<void> = commitChunks(this.episodeId, first, batch).then(
      (record) => {
        this.lastRecord = record;
      },
      (err: unknown) => {
        this.failure ??= err;
      },
    );
    this.inFlight.push(commit);
    void commit.then(() => this.inFlight.splice(this.inFlight.indexOf(commit), 1));
  }

  private throwIfFailed(): void {
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- rethrows the commit's own rejection as it came
    if (this.failure) throw this.failure;
  }
}

/**
 * Pumps `body` into `writer`. Resolves when the stream ends and everything is stored; rejects with
 * the stream's error (a dropped connection) after committing what arrived, so nothing received is lost.
 */
export async function pumpToChunks(body: ReadableStream<Uint8Array>, writer: ChunkWriter, onBytes?: (received: number) => void): Promise<void> {
  const reader = body.getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      await writer.write(value);
      onBytes?.(writer.received);
    }
  } catch (err) {
    reader.cancel().catch(() => undefined);
    // Keep what arrived unless the store itself failed (then there is nothing safe to keep).
    const storeFailed = err instanceof DOMException && err.name === 'QuotaExceededError';
    if (storeFailed) await writer.settle();
    else await writer.flush().catch(() => undefined);
    throw err;
  }
  await writer.flush();
}
