/**
 * Eviction check. A browser short of space may clear an origin's storage, and a damaged profile
 * can lose single blobs; a download whose chunks are not all there must never play as half an
 * episode. Every complete download is checked at start and when the app comes back to the
 * foreground; an incomplete one is marked failed with REMOVED_BY_BROWSER (its remains deleted),
 * and the row offers "Download again".
 */
import { chunksComplete } from '../core/byte-range';
import { DOWNLOADS_CHANNEL, REMOVED_BY_BROWSER, type DownloadChangedMessage } from '../core/download-shared';
import type { DownloadRecord } from '../core/types';
import { chunkSizes, failDownload } from '../db/chunks';
import { listDownloads } from '../db/downloads';

export async function isStoredCopyComplete(record: DownloadRecord): Promise<boolean> {
  return chunksComplete(await chunkSizes(record.episodeId), record.bytes);
}

/** Checks every complete download; returns the records it had to mark as removed. */
export async function verifyDownloads(): Promise<DownloadRecord[]> {
  const removed: DownloadRecord[] = [];
  for (const record of await listDownloads()) {
    if (record.status !== 'complete') continue;
    if (await isStoredCopyComplete(record)) continue;
    const failed = await markRemovedByBrowser(record.episodeId);
    if (failed) removed.push(failed);
  }
  return removed;
}

/** Marks a download removed and tells every tab's download manager (this one included) to re-read it. */
export async function markRemovedByBrowser(episodeId: string): Promise<DownloadRecord | null> {
  const failed = await failDownload(episodeId, REMOVED_BY_BROWSER);
  if (failed && typeof BroadcastChannel !== 'undefined') {
    const channel = new BroadcastChannel(DOWNLOADS_CHANNEL);
    channel.postMessage({ type: 'download-changed', episodeId } satisfies DownloadChangedMessage);
    channel.close();
  }
  return failed;
}
