import { signal } from '@preact/signals';
import type { DownloadRecord } from '../core/types';
import { listDownloads, getDownload, putDownload } from '../db/downloads';

/** Every known download by episode id; replaced (never mutated) so components re-render. */
export const downloads = signal<Map<string, DownloadRecord>>(new Map());

function setRecord(record: DownloadRecord | null, episodeId: string): void {
  const next = new Map(downloads.value);
  if (record) next.set(episodeId, record);
  else next.delete(episodeId);
  downloads.value = next;
}

export async function loadDownloads(): Promise<void> {
  const all = await listDownloads();
  downloads.value = new Map(all.map((r) => [r.episodeId, r]));
}

export async function startDownload(episodeId: string): Promise<void> {
  const existing = await getDownload(episodeId);
  if (existing) setRecord(existing, episodeId);
  // The downloader lands in the next commit; until then the record is only queued.
  if (!existing) {
    const record: DownloadRecord = {
      episodeId, sourceUrl: '', finalUrl: null, status: 'queued', bytes: 0, total: null, type: null,
      etag: null, lastModified: null, error: null, updatedAt: Date.now(),
    };
    await putDownload(record);
    setRecord(record, episodeId);
  }
}

export async function cancelDownload(episodeId: string): Promise<void> {
  setRecord(null, episodeId);
}

export async function removeDownload(episodeId: string): Promise<void> {
  setRecord(null, episodeId);
}

export async function downloadAll(ids: readonly string[]): Promise<void> {
  for (const id of ids) await startDownload(id);
}
