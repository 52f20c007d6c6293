/// <reference lib="webworker" />
import { parseContentLength } from '../src/core/byte-range';
import {
  DOWNLOADS_CHANNEL,
  INTERRUPTED_MESSAGE,
  QUOTA_MESSAGE,
  episodeIdOfBackgroundFetch,
  type DownloadChangedMessage,
} from '../src/core/download-shared';
import { ChunkCommitError, deleteDownloadData, failDownload, resetChunks } from '../src/db/chunks';
import { ChunkWriter, pumpToChunks } from '../src/db/chunk-writer';
import { getDownload, updateDownload } from '../src/db/downloads';

declare let self: ServiceWorkerGlobalScope;

/** The parts of the Background Fetch events this worker reads (not in TypeScript's lib). */
interface BgFetchRecord {
  readonly request: Request;
  readonly responseReady: Promise<Response>;
}
interface BgFetchRegistration {
  readonly id: string;
  readonly failureReason: string;
  matchAll(): Promise<BgFetchRecord[]>;
}
interface BgFetchEvent extends ExtendableEvent {
  readonly registration: BgFetchRegistration;
}
interface BgFetchUpdateUIEvent extends BgFetchEvent {
  updateUI(options: { title?: string }): Promise<void>;
}

function announce(episodeId: string): void {
  const message: DownloadChangedMessage = { type: 'download-changed', episodeId };
  const channel = new BroadcastChannel(DOWNLOADS_CHANNEL);
  channel.postMessage(message);
  channel.close();
}

/** Leaves the download for the page to finish with Range requests from what is stored. */
async function handBack(episodeId: string, reason: string): Promise<void> {
  await updateDownload(episodeId, { status: 'paused', error: reason });
}

/**
 * Copies the fetched response into chunks with the same writer the page uses, and accepts it
 * only when the byte count reaches the server's Content-Length: Chromium reports a transfer cut
 * mid-way as success with a short body.
 */
async function store(event: BgFetchUpdateUIEvent, episodeId: string): Promise<void> {
  const record = await getDownload(episodeId);
  if (!record || record.status === 'complete') return;
  const [fetched] = await event.registration.matchAll();
  const response = await fetched?.responseReady.catch(() => null);
  if (!response || response.status !== 200 || !response.body) {
    await handBack(episodeId, INTERRUPTED_MESSAGE);
    return;
  }
  const total = parseContentLength(response.headers.get('Content-Length')) ?? record.total;
  await resetChunks({
    ...record,
    status: 'downloading',
    total,
    etag: response.headers.get('ETag') ?? record.etag,
    lastModified: response.headers.get('Last-Modified') ?? record.lastModified,
    type: response.headers.get('Content-Type') ?? record.type,
    finalUrl: response.headers.get('X-Final-Url') ?? record.finalUrl,
  });
  try {
    await pumpToChunks(response.body, await ChunkWriter.resume(episodeId, 0));
  } catch (err) {
    if (err instanceof ChunkCommitError && err.kind === 'gone') return;
    if (err instanceof DOMException && err.name === 'QuotaExceededError') {
      await failDownload(episodeId, QUOTA_MESSAGE);
      return;
    }
    // A broken body still left its arrived bytes committed: the page resumes after them.
  }
  const after = await getDownload(episodeId);
  if (after?.status === 'complete') {
    await event.updateUI({ title: 'Downloaded' }).catch(() => undefined);
  } else if (after) {
    await handBack(episodeId, INTERRUPTED_MESSAGE);
  }
}

async function failed(event: BgFetchEvent, episodeId: string): Promise<void> {
  const reason = event.registration.failureReason;
  if (reason === 'quota-exceeded') await failDownload(episodeId, QUOTA_MESSAGE);
  else if (reason !== 'aborted') await handBack(episodeId, INTERRUPTED_MESSAGE);
}

function on(type: string, work: (event: BgFetchUpdateUIEvent, episodeId: string) => Promise<void>): void {
  self.addEventListener(type, (e) => {
    const event = e as BgFetchUpdateUIEvent;
    const episodeId = episodeIdOfBackgroundFetch(event.registration.id);
    if (episodeId === null) return;
    event.waitUntil(work(event, episodeId).finally(() => announce(episodeId)));
  });
}

/** Background Fetch results land in the same chunk store; the page hears of it on a BroadcastChannel. */
export function registerBackgroundFetchHandlers(): void {
  on('backgroundfetchsuccess', store);
  on('backgroundfetchfail', failed);
  // Cancelled from the browser's own download UI: nothing of it may stay behind.
  on('backgroundfetchabort', (_event, episodeId) => deleteDownloadData(episodeId));
  self.addEventListener('backgroundfetchclick', (e) => {
    (e as ExtendableEvent).waitUntil(self.clients.openWindow('/downloads'));
  });
}
