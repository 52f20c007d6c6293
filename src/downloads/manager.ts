import { DOWNLOADS_CHANNEL, isDownloadChangedMessage } from '../core/download-shared';
import type { DownloadRecord, Episode } from '../core/types';
import { deleteDownloadData, failDownload } from '../db/chunks';
import { getDownload, listDownloads, newDownloadRecord } from '../db/downloads';
import { getEpisode } from '../db/episodes';
import { abortBackgroundFetch, backgroundFetchManager, findBackgroundFetch, startBackgroundFetch, watchBackgroundFetch } from './background-fetch';
import { runDownload } from './downloader';
import { DownloadError, describeError, isQuotaError } from './errors';
import { SpeedMeter } from './speed';

export interface DownloadProgress {
  received: number;
  total: number | null;
  /** Smoothed bytes per second; null until measured. */
  bytesPerSecond: number | null;
}

export interface DownloadEvents {
  record(episodeId: string, record: DownloadRecord | null): void;
  progress(episodeId: string, progress: DownloadProgress | null): void;
}

/** In-page transfers at once; more wait their turn (Background Fetches are the browser's to schedule). */
const MAX_PARALLEL = 3;
const PROGRESS_EVERY_MS = 150;

let events: DownloadEvents = { record() {}, progress() {} };
const running = new Map<string, AbortController>();
const inBackground = new Map<string, () => void>();
let waiting: string[] = [];

function progressReporter(episodeId: string): (received: number, total: number | null) => void {
  const meter = new SpeedMeter();
  let lastAt = 0;
  return (received, total) => {
    const now = performance.now();
    const bytesPerSecond = meter.sample(received, now);
    // Always report the last byte, so 100 % is shown before the row turns into "Remove download".
    if (now - lastAt < PROGRESS_EVERY_MS && received !== total) return;
    lastAt = now;
    events.progress(episodeId, { received, total, bytesPerSecond });
  };
}

function pump(): void {
  while (running.size < MAX_PARALLEL && waiting.length > 0) {
    const id = waiting.shift()!;
    const controller = new AbortController();
    running.set(id, controller);
    void run(id, controller).finally(() => {
      if (running.get(id) === controller) running.delete(id);
      pump();
    });
  }
}

/** Web Locks keep two tabs from writing the same download; without them, run anyway. */
async function withLock(episodeId: string, work: () => Promise<void>): Promise<void> {
  if (typeof navigator === 'undefined' || !navigator.locks) return work();
  await navigator.locks.request(`hopcast-download:${episodeId}`, { ifAvailable: true }, async (lock) => {
    if (lock) await work();
  });
}

async function run(episodeId: string, controller: AbortController): Promise<void> {
  await withLock(episodeId, async () => {
    const record = await getDownload(episodeId);
    if (!record || record.status === 'complete' || controller.signal.aborted) return;
    try {
      // Only fresh downloads go to Background Fetch; one that was interrupted resumes here, with Range.
      if (record.status === 'queued' && record.bytes === 0 && (await tryBackground(record))) return;
      const done = await runDownload(episodeId, {
        signal: controller.signal,
        onRecord: (r) => events.record(episodeId, r),
        onBytes: progressReporter(episodeId),
      });
      events.progress(episodeId, null);
      events.record(episodeId, done);
    } catch (err) {
      events.progress(episodeId, null);
      if (controller.signal.aborted || (err instanceof DownloadError && err.kind === 'cancelled')) return;
      events.record(episodeId, await failDownload(episodeId, describeError(err)));
    }
  });
}

async function tryBackground(record: DownloadRecord): Promise<boolean> {
  const manager = await backgroundFetchManager().catch(() => null);
  if (!manager) return false;
  const episode = await getEpisode(record.episodeId);
  try {
    const registration = await startBackgroundFetch(manager, record, episode?.title ?? 'Podcast episode');
    // The probe stored the record as downloading (with its size): the page shows that, not "queued".
    events.record(record.episodeId, (await getDownload(record.episodeId)) ?? null);
    follow(record.episodeId, registration);
    return true;
  } catch (err) {
    if (isQuotaError(err) || (err instanceof DownloadError && err.kind === 'cancelled')) throw err;
    // The size probe failed (a HEAD carries no reason) or the browser refused the fetch:
    // the in-page downloader tries, and reports the host's or the proxy's own words if it fails.
    return false;
  }
}

function follow(episodeId: string, registration: Parameters<typeof watchBackgroundFetch>[0]): void {
  inBackground.get(episodeId)?.();
  const report = progressReporter(episodeId);
  inBackground.set(
    episodeId,
    watchBackgroundFetch(registration, (downloaded, total) => report(downloaded, total)),
  );
}

function stopFollowing(episodeId: string): void {
  inBackground.get(episodeId)?.();
  inBackground.delete(episodeId);
}

/** The service worker stored (or gave up on) a Background Fetch: show it, and resume if it fell short. */
async function onChanged(episodeId: string): Promise<void> {
  const record = (await getDownload(episodeId)) ?? null;
  events.record(episodeId, record);
  if (!record || record.status === 'complete' || record.status === 'failed') {
    stopFollowing(episodeId);
    events.progress(episodeId, null);
  } else if (record.status === 'paused') {
    // A Background Fetch fell short (or failed): the rest comes in-page, with Range from what was stored.
    stopFollowing(episodeId);
    enqueue(episodeId);
  }
}

function enqueue(episodeId: string): void {
  if (running.has(episodeId) || inBackground.has(episodeId) || waiting.includes(episodeId)) return;
  waiting.push(episodeId);
  pump();
}

/** Starts (or retries) downloading an episode. */
export async function requestDownload(episode: Episode): Promise<void> {
  if (!episode.enclosure) throw new DownloadError('integrity', 'This episode has no audio file.');
  const existing = await getDownload(episode.id);
  if (existing && existing.status !== 'failed') {
    if (existing.status !== 'complete') enqueue(episode.id);
    return;
  }
  const record: DownloadRecord = { ...newDownloadRecord(episode.id, episode.enclosure.url), status: 'queued' };
  await deleteDownloadData(episode.id, record);
  events.record(episode.id, record);
  enqueue(episode.id);
}

/** Stops a download and removes every stored byte of it (also the way to delete a finished one). */
export async function discardDownload(episodeId: string): Promise<void> {
  waiting = waiting.filter((id) => id !== episodeId);
  running.get(episodeId)?.abort();
  stopFollowing(episodeId);
  await abortBackgroundFetch(episodeId);
  await deleteDownloadData(episodeId);
  events.progress(episodeId, null);
  events.record(episodeId, null);
}

/**
 * Wires the manager to the app: listens for the service worker's news, picks up Background
 * Fetches still running and resumes downloads an earlier visit left unfinished.
 */
export async function startDownloadManager(listener: DownloadEvents): Promise<DownloadRecord[]> {
  events = listener;
  if (typeof BroadcastChannel !== 'undefined') {
    new BroadcastChannel(DOWNLOADS_CHANNEL).onmessage = (event: MessageEvent) => {
      if (isDownloadChangedMessage(event.data)) void onChanged(event.data.episodeId);
    };
  }
  const records = await listDownloads();
  for (const record of records) {
    if (record.status === 'complete' || record.status === 'failed') continue;
    const registration = await findBackgroundFetch(record.episodeId).catch(() => null);
    if (registration && registration.result === '') follow(record.episodeId, registration);
    else if (!registration) enqueue(record.episodeId);
  }
  return records;
}
