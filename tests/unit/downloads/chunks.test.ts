import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createHash } from 'node:crypto';
import { CHUNK_SIZE } from '../../../src/core/byte-range';
import { db, resetDbConnection } from '../../../src/db/open';
import { getDownload, newDownloadRecord, putDownload } from '../../../src/db/downloads';
import { commitChunk, commitChunks, ChunkCommitError, countChunks, deleteDownloadData, readSpan, storedBytes } from '../../../src/db/chunks';
import { CHUNKS_PER_COMMIT, ChunkWriter, MAX_IN_FLIGHT, pumpToChunks } from '../../../src/db/chunk-writer';

const ID = 'https://feeds.example/show\u0000ep-1';
const SIZE = 2 * CHUNK_SIZE + 123_457;

function source(size = SIZE): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(size);
  let x = 7;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/** A body delivered in uneven pieces, optionally breaking after `breakAt` bytes like a dropped connection. */
function body(bytes: Uint8Array, breakAt?: number): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      const limit = breakAt ?? bytes.length;
      if (offset >= limit) {
        if (breakAt !== undefined) controller.error(new TypeError('network error'));
        else controller.close();
        return;
      }
      const n = Math.min(65_536 + (offset % 7_001), limit - offset);
      controller.enqueue(bytes.slice(offset, offset + n));
      offset += n;
    },
  });
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const blobBytes = async (b: Blob) => new Uint8Array(await b.arrayBuffer());

async function startRecord(total: number | null = SIZE) {
  await putDownload({ ...newDownloadRecord(ID, 'https://cdn.example/ep1.mp3'), status: 'downloading', total });
}

beforeEach(async () => {
  (await db()).close();
  resetDbConnection();
  await new Promise<void>((resolve, reject) => {
    const req = indexedDB.deleteDatabase('hopcast');
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
});

describe('ChunkWriter + pumpToChunks', () => {
  test('stores aligned 1 MiB chunks, counts bytes, completes exactly at the server total', async () => {
    const src = source();
    await startRecord();
    const seen: number[] = [];
    await pumpToChunks(body(src), await ChunkWriter.resume(ID, 0), (n) => seen.push(n));
    const record = await getDownload(ID);
    expect(record).toMatchObject({ status: 'complete', bytes: SIZE, total: SIZE });
    expect(await countChunks(ID)).toBe(3);
    expect(await storedBytes(ID)).toBe(SIZE);
    expect(seen.at(-1)).toBe(SIZE);
    const whole = await readSpan(ID, { start: 0, end: SIZE - 1 });
    expect(sha(await blobBytes(whole!))).toBe(sha(src));
  });

  test('readSpan slices across chunk edges and returns exactly the asked bytes', async () => {
    const src = source();
    await startRecord();
    await pumpToChunks(body(src), await ChunkWriter.resume(ID, 0));
    for (const [start, end] of [
      [0, 0],
      [0, 1],
      [CHUNK_SIZE - 3, CHUNK_SIZE + 2],
      [CHUNK_SIZE, 2 * CHUNK_SIZE - 1],
      [5, SIZE - 1],
      [SIZE - 1, SIZE - 1],
    ] as const) {
      const blob = await readSpan(ID, { start, end }, 'audio/mpeg');
      expect(blob!.size, `${start}-${end}`).toBe(end - start + 1);
      expect(blob!.type).toBe('audio/mpeg');
      expect(sha(await blobBytes(blob!))).toBe(sha(src.subarray(start, end + 1)));
    }
  });

  test('a broken transfer keeps what arrived (short tail chunk); the resume extends it byte-exactly', async () => {
    const src = source();
    await startRecord();
    const breakAt = CHUNK_SIZE + 200_000;
    await expect(pumpToChunks(body(src, breakAt), await ChunkWriter.resume(ID, 0))).rejects.toThrow('network error');
    let record = await getDownload(ID);
    expect(record).toMatchObject({ status: 'downloading', bytes: breakAt });
    expect(await storedBytes(ID)).toBe(breakAt);

    const writer = await ChunkWriter.resume(ID, record!.bytes);
    expect(writer.received).toBe(breakAt);
    await pumpToChunks(body(src.subarray(breakAt)), writer);
    record = await getDownload(ID);
    expect(record).toMatchObject({ status: 'complete', bytes: SIZE });
    expect(await countChunks(ID)).toBe(3);
    expect(sha(await blobBytes((await readSpan(ID, { start: 0, end: SIZE - 1 }))!))).toBe(sha(src));
  });

  test('without a known total the record stays incomplete even after the stream ends', async () => {
    await startRecord(null);
    await pumpToChunks(body(source(1000)), await ChunkWriter.resume(ID, 0));
    expect(await getDownload(ID)).toMatchObject({ status: 'downloading', bytes: 1000 });
  });

  test('more bytes than the server announced: overflow, and the batch that overflows is not stored', async () => {
    // Two full batches fit; the third would end 20 bytes past the total.
    const total = 2 * CHUNKS_PER_COMMIT * CHUNK_SIZE + 10;
    await startRecord(total);
    const err = await pumpToChunks(body(source(total + 10)), await ChunkWriter.resume(ID, 0)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ChunkCommitError);
    expect((err as ChunkCommitError).kind).toBe('overflow');
    expect(await storedBytes(ID)).toBe(2 * CHUNKS_PER_COMMIT * CHUNK_SIZE);
    expect((await getDownload(ID))!).toMatchObject({ status: 'downloading', bytes: 2 * CHUNKS_PER_COMMIT * CHUNK_SIZE });
  });

  test('several chunks go in one transaction, and the stored count only ever names stored bytes', async () => {
    const size = 3 * CHUNKS_PER_COMMIT * CHUNK_SIZE + 123;
    await startRecord(size);
    const writer = await ChunkWriter.resume(ID, 0);
    const commits: number[] = [];
    const src = source(size);
    await pumpToChunks(body(src), writer, () => {
      if (writer.record && commits.at(-1) !== writer.record.bytes) commits.push(writer.record.bytes);
    });
    // Every commit seen moved the count by whole batches (the short tail comes last).
    for (const bytes of commits) expect(bytes % (CHUNKS_PER_COMMIT * CHUNK_SIZE)).toBe(0);
    expect(await getDownload(ID)).toMatchObject({ status: 'complete', bytes: size });
    expect(await countChunks(ID)).toBe(3 * CHUNKS_PER_COMMIT + 1);
    expect(sha(await blobBytes((await readSpan(ID, { start: 0, end: size - 1 }))!))).toBe(sha(src));
  });

  describe('commits overlap', () => {
    const original = IDBDatabase.prototype.transaction;
    let open = 0;
    let most = 0;
    beforeEach(() => {
      open = most = 0;
      // Counts the chunk-writing transactions alive at once.
      IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
        const tx = original.apply(this, args);
        if (args[1] === 'readwrite' && [args[0]].flat().includes('chunks')) {
          most = Math.max(most, ++open);
          const done = () => open--;
          tx.addEventListener('complete', done);
          tx.addEventListener('abort', done);
        }
        return tx;
      } as IDBDatabase['transaction'];
    });
    afterEach(() => {
      IDBDatabase.prototype.transaction = original;
    });

    test('the next batch is queued while one commits, never more than MAX_IN_FLIGHT at once', async () => {
      const size = 4 * CHUNKS_PER_COMMIT * CHUNK_SIZE + 5;
      await startRecord(size);
      const src = source(size);
      await pumpToChunks(body(src), await ChunkWriter.resume(ID, 0));
      expect(most).toBe(MAX_IN_FLIGHT);
      expect(await getDownload(ID)).toMatchObject({ status: 'complete', bytes: size });
      expect(sha(await blobBytes((await readSpan(ID, { start: 0, end: size - 1 }))!))).toBe(sha(src));
    });

    test('when a queued commit fails, the ones behind it store nothing and its own error is reported', async () => {
      // The second batch overflows; the third, queued behind it, must not land past the gap.
      const total = CHUNKS_PER_COMMIT * CHUNK_SIZE + 10;
      await startRecord(total);
      const err = await pumpToChunks(body(source(3 * CHUNKS_PER_COMMIT * CHUNK_SIZE)), await ChunkWriter.resume(ID, 0)).catch((e: unknown) => e);
      expect((err as ChunkCommitError).kind).toBe('overflow');
      expect(await storedBytes(ID)).toBe(CHUNKS_PER_COMMIT * CHUNK_SIZE);
      expect((await getDownload(ID))!.bytes).toBe(CHUNKS_PER_COMMIT * CHUNK_SIZE);
    });
  });

  test('commitChunks refuses a batch with a short chunk before its end', async () => {
    await startRecord(3 * CHUNK_SIZE);
    const err = await commitChunks(ID, 0, [new Blob([source(10)]), new Blob([source(CHUNK_SIZE)])]).catch((e: unknown) => e);
    expect((err as ChunkCommitError).kind).toBe('order');
    expect(await storedBytes(ID)).toBe(0);
  });
});

describe('commitChunk', () => {
  test('refuses a chunk that does not continue the stored bytes', async () => {
    await startRecord();
    await commitChunk(ID, 0, new Blob([source(CHUNK_SIZE)]));
    await expect(commitChunk(ID, 2, new Blob([new Uint8Array(10)]))).rejects.toMatchObject({ kind: 'order' });
    await expect(commitChunk(ID, 0, new Blob([new Uint8Array(10)]))).rejects.toMatchObject({ kind: 'order' });
    expect(await countChunks(ID)).toBe(1);
    expect((await getDownload(ID))!.bytes).toBe(CHUNK_SIZE);
  });

  test('after a cancel removed the record, a late chunk is dropped, not stored', async () => {
    await startRecord();
    await commitChunk(ID, 0, new Blob([source(CHUNK_SIZE)]));
    await deleteDownloadData(ID);
    await expect(commitChunk(ID, 1, new Blob([source(CHUNK_SIZE)]))).rejects.toMatchObject({ kind: 'gone' });
    expect(await countChunks(ID)).toBe(0);
    expect(await getDownload(ID)).toBeUndefined();
  });

  test('deleteDownloadData with a replacement keeps only the record', async () => {
    await startRecord();
    await commitChunk(ID, 0, new Blob([source(CHUNK_SIZE)]));
    const failed = { ...newDownloadRecord(ID, 'x'), status: 'failed' as const, error: 'Not enough storage space' };
    await deleteDownloadData(ID, failed);
    expect(await countChunks(ID)).toBe(0);
    expect(await getDownload(ID)).toMatchObject({ status: 'failed', bytes: 0, error: 'Not enough storage space' });
  });

  test('readSpan refuses a copy with a missing chunk', async () => {
    await startRecord();
    await pumpToChunks(body(source()), await ChunkWriter.resume(ID, 0));
    await (await db()).delete('chunks', [ID, 1]);
    expect(await readSpan(ID, { start: 0, end: SIZE - 1 })).toBeNull();
    expect(await readSpan(ID, { start: 0, end: 100 })).not.toBeNull();
  });
});
