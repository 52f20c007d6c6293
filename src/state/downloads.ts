/** Downloads as the UI sees them: records, live progress, storage facts, and the actions. */
import { signal } from '@preact/signals';
import type { DownloadRecord, Episode } from '../core/types';
import { getEpisode, getEpisodes } from '../db/episodes';
import { listDownloads } from '../db/downloads';
import { getPodcast } from '../db/podcasts';
import { discardDownload, requestDownload, startDownloadManager, type DownloadProgress } from '../downloads/manager';
import { backgroundFetchSupported } from '../downloads/background-fetch';
import { verifyDownloads } from '../downloads/integrity';
import { askPersistence, currentPersistence, storageEstimate, type Persistence, type StorageEstimateInfo } from '../downloads/storage';

export type { DownloadProgress };

/** Every known download by episode id; replaced (never mutated) so components re-render. */
export const downloads = signal<Map<string, DownloadRecord>>(new Map());
/** Live bytes and speed of running downloads (more often than records, which move per chunk). */
export const downloadProgress = signal<Map<string, DownloadProgress>>(new Map());
export const persistence = signal<Persistence | null>(null);
/** The outcome of asking for persistent storage, shown once next to the download that asked. */
export const persistNotice = signal<{ episodeId: string; outcome: Persistence } | null>(null);
export const estimate = signal<StorageEstimateInfo | null>(null);
/** Chromium's Background Fetch: downloads survive closing the app. Elsewhere the UI says to keep it open. */
export const backgroundDownloads = backgroundFetchSupported();
export const downloadsLoaded = signal(false);

function setIn<V>(sig: { value: Map<string, V> }, id: string, value: V | null): void {
  const next = new Map(sig.value);
  if (value === null) next.delete(id);
  else next.set(id, value);
  sig.value = next;
}

let started: Promise<void> | null = null;

/** Loads stored downloads and resumes unfinished ones; runs once, on first use. */
export function initDownloads(): Promise<void> {
  started ??= (async () => {
    // Before anything lists or plays a download: one the browser cleared must not look complete.
    await verifyDownloads().catch((err: unknown) => console.warn('Download check failed', err));
    watchForeground();
    const records = await startDownloadManager({
      record: (id, record) => {
        setIn(downloads, id, record);
        if (record?.status === 'complete' || record === null) void refreshEstimate();
      },
      progress: (id, progress) => setIn(downloadProgress, id, progress),
    });
    // Records the manager reported while starting are newer than the listing.
    const merged = new Map(records.map((r) => [r.episodeId, r]));
    for (const [id, r] of downloads.value) merged.set(id, r);
    downloads.value = merged;
    downloadsLoaded.value = true;
    persistence.value = await currentPersistence();
  })();
  return started;
}

let watching = false;

/** Back in the foreground after a while: the browser may have cleared storage meanwhile. */
function watchForeground(): void {
  if (watching || typeof document === 'undefined') return;
  watching = true;
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'visible') return;
    void verifyDownloads()
      .then((removed) => (removed.length ? loadDownloads() : undefined))
      .catch((err: unknown) => console.warn('Download check failed', err));
  });
}

/** Re-reads every record from storage (after other code deleted some, e.g. an unsubscribe cascade). */
export async function loadDownloads(): Promise<void> {
  await initDownloads();
  downloads.value = new Map((await listDownloads()).map((r) => [r.episodeId, r]));
  void refreshEstimate();
}

export async function refreshEstimate(): Promise<void> {
  estimate.value = await storageEstimate();
}

const ASKED_KEY = 'hopcast.persistAsked';

async function askPersistenceOnce(episodeId: string): Promise<void> {
  let asked = false;
  try {
    asked = localStorage.getItem(ASKED_KEY) === '1';
    localStorage.setItem(ASKED_KEY, '1');
  } catch {
    // Storage blocked: ask every session, harmless.
  }
  if (asked && persistence.value !== null) return;
  const outcome = await askPersistence();
  persistence.value = outcome;
  if (asked) return;
  persistNotice.value = { episodeId, outcome };
  setTimeout(dismissPersistNotice, NOTICE_MS);
}

/** How long the persistence notice stays up. */
const NOTICE_MS = 10_000;

export function dismissPersistNotice(): void {
  persistNotice.value = null;
}

function failedRecord(episodeId: string, message: string): DownloadRecord {
  return {
    episodeId,
    sourceUrl: '',
    finalUrl: null,
    status: 'failed',
    bytes: 0,
    total: null,
    type: null,
    etag: null,
    lastModified: null,
    error: message,
    updatedAt: Date.now(),
  };
}

export async function startDownload(episodeId: string): Promise<void> {
  await initDownloads();
  const episode = await getEpisode(episodeId);
  if (!episode) {
    setIn(downloads, episodeId, failedRecord(episodeId, 'This episode is no longer in your library.'));
    return;
  }
  void askPersistenceOnce(episodeId);
  try {
    await requestDownload(episode);
  } catch (err) {
    setIn(downloads, episodeId, failedRecord(episodeId, err instanceof Error ? err.message : String(err)));
  }
}

export async function cancelDownload(episodeId: string): Promise<void> {
  await initDownloads();
  await discardDownload(episodeId);
}

export async function removeDownload(episodeId: string): Promise<void> {
  await initDownloads();
  await discardDownload(episodeId);
}

/** Queue page's "Download all": every listed episode not already stored or on its way. */
export async function downloadAll(ids: readonly string[]): Promise<void> {
  await initDownloads();
  for (const id of ids) {
    const status = downloads.value.get(id)?.status;
    if (status === undefined || status === 'failed') await startDownload(id);
  }
}

export async function deleteAllDownloads(): Promise<void> {
  await initDownloads();
  for (const id of [...downloads.value.keys()]) await discardDownload(id);
}

/** Deletes stored episodes already played; returns how many went. */
export async function deletePlayedDownloads(): Promise<number> {
  await initDownloads();
  const complete = [...downloads.value.values()].filter((r) => r.status === 'complete').map((r) => r.episodeId);
  const played = (await getEpisodes(complete)).filter((e) => e.played === 1);
  for (const e of played) await discardDownload(e.id);
  return played.length;
}

export interface DownloadEntry {
  episodeId: string;
  episode: Episode | null;
  showTitle: string | null;
}

/** Episode and show titles for the Downloads screen (records hold ids only). */
export async function describeDownloads(ids: readonly string[]): Promise<DownloadEntry[]> {
  const episodes = new Map((await getEpisodes(ids)).map((e) => [e.id, e]));
  const shows = new Map<string, string | null>();
  for (const e of episodes.values()) {
    if (!shows.has(e.podcastId)) shows.set(e.podcastId, (await getPodcast(e.podcastId))?.title ?? null);
  }
  return ids.map((episodeId) => {
    const episode = episodes.get(episodeId) ?? null;
    return { episodeId, episode, showTitle: episode ? (shows.get(episode.podcastId) ?? null) : null };
  });
}

if (typeof window !== 'undefined' && typeof indexedDB !== 'undefined') void initDownloads().catch(() => undefined);

/** The listener asked to keep downloads: ask the browser again and show its answer. */
export async function requestPersistence(): Promise<Persistence> {
  const outcome = await askPersistence();
  persistence.value = outcome;
  return outcome;
}
