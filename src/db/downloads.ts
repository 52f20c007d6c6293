import type { DownloadRecord } from '../core/types';
import { db } from './open';

/** The download record of one episode, or undefined when it was never downloaded (or was removed). */
export async function getDownload(episodeId: string): Promise<DownloadRecord | undefined> {
  return (await db()).get('downloads', episodeId);
}

export async function listDownloads(): Promise<DownloadRecord[]> {
  return (await db()).getAll('downloads');
}

/** Writes the record alone; chunk writes go through `commitChunk` so bytes and data stay in step. */
export async function putDownload(record: DownloadRecord): Promise<void> {
  await (await db()).put('downloads', record);
}

/**
 * Changes fields of a record that still exists, in one transaction (a cancel that removed it
 * meanwhile wins). `bytes` is not patchable: only chunk commits move it. Returns the new record.
 */
export async function updateDownload(episodeId: string, patch: Partial<Omit<DownloadRecord, 'episodeId' | 'bytes'>>): Promise<DownloadRecord | undefined> {
  const tx = (await db()).transaction('downloads', 'readwrite');
  const current = await tx.store.get(episodeId);
  if (!current) {
    await tx.done;
    return undefined;
  }
  const next: DownloadRecord = { ...current, ...patch, episodeId, bytes: current.bytes, updatedAt: Date.now() };
  void tx.store.put(next);
  await tx.done;
  return next;
}

/** A fresh record for an episode about to download. */
export function newDownloadRecord(episodeId: string, sourceUrl: string): DownloadRecord {
  return {
    episodeId,
    sourceUrl,
    finalUrl: null,
    status: 'queued',
    bytes: 0,
    total: null,
    type: null,
    etag: null,
    lastModified: null,
    error: null,
    updatedAt: Date.now(),
  };
}
