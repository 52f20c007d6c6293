import { CHUNK_SIZE } from '../core/byte-range';
import type { DownloadRecord } from '../core/types';
import { commitChunk, readTail } from './chunks';

/**
 * Turns a byte stream into aligned chunks with flat memory: one CHUNK_SIZE buffer is filled and
 * committed (chunk + byte count, one transaction), then reused. Used by the page's downloader and
 * by the service worker when a Background Fetch lands, so both store bytes the same way.
 */
export class ChunkWriter {
  private readonly buffer = new Uint8Array(CHUNK_SIZE);
  private fill = 0;
  private index: number;
  private lastRecord: DownloadRecord | null = null;

  private constructor(
    readonly episodeId: string,
    committed: number,
  ) {
    this.index = Math.floor(committed / CHUNK_SIZE);
  }

  /** A writer that continues after `committed` stored bytes, re-reading the short tail chunk if any. */
  static async resume(episodeId: string, committed: number): Promise<ChunkWriter> {
    const writer = new ChunkWriter(episodeId, committed);
    const tail = await readTail(episodeId, committed);
    if (tail) {
      writer.buffer.set(new Uint8Array(await tail.arrayBuffer()), 0);
      writer.fill = tail.size;
    }
    return writer;
  }

  /** Bytes received so far, stored or still in the buffer. */
  get received(): number {
    return this.index * CHUNK_SIZE + this.fill;
  }

  /** The record as of the last commit (null before the first). */
  get record(): DownloadRecord | null {
    return this.lastRecord;
  }

  async write(bytes: Uint8Array): Promise<void> {
    let offset = 0;
    while (offset < bytes.length) {
      const n = Math.min(CHUNK_SIZE - this.fill, bytes.length - offset);
      this.buffer.set(bytes.subarray(offset, offset + n), this.fill);
      this.fill += n;
      offset += n;
      if (this.fill === CHUNK_SIZE) await this.commit();
    }
  }

  /**
   * Commits what is buffered, even a short chunk: at the end of the file, and when a transfer
   * breaks, so a resume asks only for the bytes that never arrived.
   */
  async flush(): Promise<DownloadRecord | null> {
    if (this.fill > 0) await this.commit();
    return this.lastRecord;
  }

  private async commit(): Promise<void> {
    // new Blob copies the bytes, so the buffer can be refilled at once.
    this.lastRecord = await commitChunk(this.episodeId, this.index, new Blob([this.buffer.subarray(0, this.fill)]));
    if (this.fill === CHUNK_SIZE) {
      this.index += 1;
      this.fill = 0;
    }
  }
}

/**
 * Pumps `body` into `writer`. Resolves when the stream ends; rejects with the stream's error
 * (a dropped connection) after committing what arrived, so nothing received is lost.
 */
export async function pumpToChunks(
  body: ReadableStream<Uint8Array>,
  writer: ChunkWriter,
  onBytes?: (received: number) => void,
): Promise<void> {
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
    if (!(err instanceof DOMException && err.name === 'QuotaExceededError')) await writer.flush().catch(() => undefined);
    throw err;
  }
  await writer.flush();
}
