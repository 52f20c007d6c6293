import { CHUNK_SIZE, chunksFor, type ByteSpan } from '../core/byte-range';
import type { DownloadRecord } from '../core/types';
import { db } from './open';

/**
 * Audio of a download, stored as aligned Blob chunks: chunk i holds bytes [i·CHUNK_SIZE, …).
 * Every chunk but the last stored one is exactly CHUNK_SIZE long, so a byte offset maps to a
 * chunk in O(1); the last one may be short (an interrupted download keeps what arrived) and is
 * replaced, extended, when the download resumes.
 */

export type ChunkCommitFailure = 'gone' | 'order' | 'overflow';

/** A chunk could not be committed; nothing of it was stored. */
export class ChunkCommitError extends Error {
  constructor(
    readonly kind: ChunkCommitFailure,
    message: string,
  ) {
    super(message);
    this.name = 'ChunkCommitError';
  }
}

function allChunks(episodeId: string): IDBKeyRange {
  return IDBKeyRange.bound([episodeId, 0], [episodeId, Infinity]);
}

/**
 * Stores chunks `firstIndex`, `firstIndex + 1`, … and the record's new byte count in ONE transaction,
 * so the record never counts bytes that are not stored. The first chunk must continue exactly where
 * the stored bytes end (replacing a short tail chunk), every chunk but the last must be full. When the
 * count reaches the server's total the record becomes `complete` in the same commit. Fails with
 * `gone` when the record was removed meanwhile (a cancel): the chunks are then dropped.
 */
export async function commitChunks(episodeId: string, firstIndex: number, data: readonly Blob[]): Promise<DownloadRecord> {
  const tx = (await db()).transaction(['downloads', 'chunks'], 'readwrite');
  const downloads = tx.objectStore('downloads');
  const record = await downloads.get(episodeId);
  let failure: ChunkCommitError | null = null;
  const last = data.length - 1;
  const bytes = (firstIndex + last) * CHUNK_SIZE + (data[last]?.size ?? 0);
  const misshapen = data.length === 0 || data.some((blob, i) => blob.size > CHUNK_SIZE || (i < last && blob.size !== CHUNK_SIZE));
  if (!record || record.status === 'complete' || record.status === 'failed') {
    failure = new ChunkCommitError('gone', 'The download was cancelled or removed.');
  } else if (misshapen || firstIndex !== Math.floor(record.bytes / CHUNK_SIZE) || bytes <= record.bytes) {
    failure = new ChunkCommitError('order', `Chunks from ${firstIndex} (${bytes} bytes in all) do not continue the ${record.bytes} bytes stored.`);
  } else if (record.total !== null && bytes > record.total) {
    failure = new ChunkCommitError('overflow', `The server sent more than the ${record.total} bytes it announced.`);
  }
  if (failure || !record) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw failure!;
  }
  const next: DownloadRecord = {
    ...record,
    bytes,
    status: record.total !== null && bytes === record.total ? 'complete' : record.status,
    error: null,
    updatedAt: Date.now(),
  };
  const chunks = tx.objectStore('chunks');
  for (const [i, blob] of data.entries()) void chunks.put({ episodeId, index: firstIndex + i, data: blob });
  void downloads.put(next);
  // A QuotaExceededError aborts the transaction and rejects here: then none of the writes happened.
  await tx.done;
  return next;
}

/** One chunk: see `commitChunks`. */
export function commitChunk(episodeId: string, index: number, data: Blob): Promise<DownloadRecord> {
  return commitChunks(episodeId, index, [data]);
}

/** The stored bytes of the short last chunk (to extend on resume), or null when the count is aligned. */
export async function readTail(episodeId: string, bytes: number): Promise<Blob | null> {
  if (bytes % CHUNK_SIZE === 0) return null;
  const chunk = await (await db()).get('chunks', [episodeId, Math.floor(bytes / CHUNK_SIZE)]);
  if (!chunk || chunk.data.size !== bytes % CHUNK_SIZE) {
    throw new ChunkCommitError('order', `Stored tail of ${episodeId} does not match its byte count.`);
  }
  return chunk.data;
}

/**
 * The bytes of `span` as one Blob built from stored chunk Blobs, sliced at the edges. Blobs are
 * handles: the browser reads from disk as the response is consumed, so nothing is copied here.
 * Null when a chunk is missing or has the wrong size (a damaged copy must not play as silence).
 */
export async function readSpan(episodeId: string, span: ByteSpan, type = ''): Promise<Blob | null> {
  const { first, last } = chunksFor(span);
  const rows = await (await db()).getAll('chunks', IDBKeyRange.bound([episodeId, first], [episodeId, last]));
  if (rows.length !== last - first + 1) return null;
  const parts: Blob[] = [];
  for (const [i, row] of rows.entries()) {
    const index = first + i;
    if (row.index !== index) return null;
    const chunkStart = index * CHUNK_SIZE;
    const from = Math.max(span.start, chunkStart) - chunkStart;
    const to = Math.min(span.end + 1, chunkStart + CHUNK_SIZE) - chunkStart;
    if (row.data.size < to) return null;
    parts.push(from === 0 && to === row.data.size ? row.data : row.data.slice(from, to));
  }
  return new Blob(parts, { type });
}

export async function countChunks(episodeId: string): Promise<number> {
  return (await db()).count('chunks', allChunks(episodeId));
}

/** Sum of stored chunk sizes; reads Blob sizes only, never their bytes. */
export async function storedBytes(episodeId: string): Promise<number> {
  const rows = await (await db()).getAll('chunks', allChunks(episodeId));
  return rows.reduce((sum, row) => sum + row.data.size, 0);
}

/**
 * Deletes every chunk of an episode and, in the same transaction, deletes its record or
 * replaces it with `replacement` (e.g. a failed record with bytes 0 that keeps the message).
 */
export async function deleteDownloadData(episodeId: string, replacement?: DownloadRecord): Promise<void> {
  const tx = (await db()).transaction(['downloads', 'chunks'], 'readwrite');
  void tx.objectStore('chunks').delete(allChunks(episodeId));
  if (replacement) void tx.objectStore('downloads').put(replacement);
  else void tx.objectStore('downloads').delete(episodeId);
  await tx.done;
}

/** Drops stored chunks but keeps the record as given (a restart from byte 0 after the file changed). */
export async function resetChunks(record: DownloadRecord): Promise<void> {
  await deleteDownloadData(record.episodeId, { ...record, bytes: 0, updatedAt: Date.now() });
}

/**
 * Ends a download as failed: its chunks go, the record stays with bytes 0 and the message, in
 * one transaction. Does nothing when the record is gone (a cancel won the race).
 */
export async function failDownload(episodeId: string, message: string): Promise<DownloadRecord | null> {
  const tx = (await db()).transaction(['downloads', 'chunks'], 'readwrite');
  const current = await tx.objectStore('downloads').get(episodeId);
  if (!current) {
    await tx.done;
    return null;
  }
  const failed: DownloadRecord = { ...current, status: 'failed', bytes: 0, error: message, updatedAt: Date.now() };
  // The requests reject with the transaction; `tx.done` reports it, so their own promises are silenced.
  tx.objectStore('chunks')
    .delete(allChunks(episodeId))
    .catch(() => undefined);
  tx.objectStore('downloads')
    .put(failed)
    .catch(() => undefined);
  try {
    await tx.done;
  } catch (err) {
    if (!(err instanceof DOMException && err.name === 'QuotaExceededError')) throw err;
    // Over quota (the write that failed took the origin past it), even this small put is refused
    // while the chunks still hold their space: free it first, then record the failure.
    const database = await db();
    await database.delete('chunks', allChunks(episodeId));
    await database.put('downloads', failed);
  }
  return failed;
}

/** Index and size of every stored chunk of an episode, in order (Blob sizes only, no bytes read). */
export async function chunkSizes(episodeId: string): Promise<Array<{ index: number; size: number }>> {
  const rows = await (await db()).getAll('chunks', allChunks(episodeId));
  return rows.map((row) => ({ index: row.index, size: row.data.size }));
}
