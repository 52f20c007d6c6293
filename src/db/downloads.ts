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
