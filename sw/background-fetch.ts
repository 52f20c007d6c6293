/// <reference lib="webworker" />
import { parseContentLength, type ByteSpan } from '../src/core/byte-range';
import { judgeSegment, spanOfRange } from '../src/core/download-segments';
import type { DownloadRecord } from '../src/core/types';
import { DOWNLOADS_CHANNEL, INTERRUPTED_MESSAGE, QUOTA_MESSAGE, episodeIdOfBackgroundFetch, type DownloadChangedMessage } from '../src/core/download-shared';
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

type Outcome = 'stored' | 'stop' | 'restart' | 'gone' | 'quota';

/** Pumps one body into the chunk store after `from` stored bytes; `expected` bytes must arrive. */
async function pump(episodeId: string, from: number, body: ReadableStream<Uint8Array>, expected: number | null): Promise<Outcome> {
  try {
    await pumpToChunks(body, await ChunkWriter.resume(episodeId, from));
  } catch (err) {
    if (err instanceof ChunkCommitError && err.kind === 'gone') return 'gone';
    if (err instanceof DOMException && err.name === 'QuotaExceededError') return 'quota';
    // A broken body still left its arrived bytes committed: the page resumes after them.
    return 'stop';
  }
  // Chromium reports a transfer cut mid-way as success with a short body: count for ourselves.
  const after = await getDownload(episodeId);
  return after && expected !== null && after.bytes === from + expected ? 'stored' : 'stop';
}

/** The whole file as one plain request (its size or validators were unknown when it started). */
async function storeWhole(record: DownloadRecord, fetched: BgFetchRecord | undefined): Promise<Outcome> {
  const response = await fetched?.responseReady.catch(() => null);
  if (!response || response.status !== 200 || !response.body) return 'stop';
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
  return pump(record.episodeId, 0, response.body, total);
}

/**
 * Stores the segments that arrived whole, in order from the stored byte count, and stops at the
 * first one that did not (a failed record has no body at all; a cut one can be short): the page
 * then fetches only what is missing. Used for `backgroundfetchfail` as for success.
 */
async function storeSegments(episodeId: string, records: BgFetchRecord[]): Promise<Outcome> {
  const record = await getDownload(episodeId);
  if (!record || record.status === 'complete' || record.status === 'failed') return 'gone';
  const segments = records
    .map((r) => ({ r, span: spanOfRange(r.request.headers.get('Range')) }))
    .filter((s): s is { r: BgFetchRecord; span: ByteSpan } => s.span !== null)
    .sort((a, b) => a.span.start - b.span.start);
  if (segments.length === 0 || record.total === null) return storeWhole(record, records[0]);
  let stored = record.bytes;
  for (const { r, span } of segments) {
    if (span.end < stored) continue;
    // A gap (an earlier segment missing) cannot be bridged: chunks are contiguous.
    if (span.start !== stored) return 'stop';
    const response = await r.responseReady.catch(() => null);
    if (!response?.body) return 'stop';
    const verdict = judgeSegment(span, record.total, response.status, response.headers.get('Content-Range'));
    if (verdict !== 'store') {
      void response.body.cancel().catch(() => undefined);
      return verdict;
    }
    const outcome = await pump(episodeId, stored, response.body, span.end - span.start + 1);
    if (outcome !== 'stored') return outcome;
    stored = span.end + 1;
  }
  return 'stored';
}

/** Acts on what the segments came to; the page hears of it on the downloads channel. */
async function settle(event: BgFetchUpdateUIEvent, episodeId: string, outcome: Outcome): Promise<void> {
  if (outcome === 'gone') return;
  if (outcome === 'quota') {
    await failDownload(episodeId, QUOTA_MESSAGE);
    return;
  }
  const after = await getDownload(episodeId);
  if (!after) return;
  if (outcome === 'restart') {
    // The file changed on the server (or Range is ignored): nothing stored can be continued.
    await resetChunks({ ...after, status: 'paused', total: null, etag: null, lastModified: null, error: INTERRUPTED_MESSAGE });
    return;
  }
  if (after.status === 'complete') await event.updateUI({ title: 'Downloaded' }).catch(() => undefined);
  else await handBack(episodeId, INTERRUPTED_MESSAGE);
}

async function landed(event: BgFetchUpdateUIEvent, episodeId: string): Promise<void> {
  await settle(event, episodeId, await storeSegments(episodeId, await event.registration.matchAll()));
}

async function failed(event: BgFetchUpdateUIEvent, episodeId: string): Promise<void> {
  const reason = event.registration.failureReason;
  if (reason === 'aborted') return;
  if (reason === 'quota-exceeded') {
    await failDownload(episodeId, QUOTA_MESSAGE);
    return;
  }
  // The segments that completed before the failure are still readable: keep them.
  const records = await event.registration.matchAll().catch(() => []);
  await settle(event, episodeId, await storeSegments(episodeId, records));
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
  on('backgroundfetchsuccess', landed);
  on('backgroundfetchfail', failed);
  // Cancelled from the browser's own download UI: nothing of it may stay behind.
  on('backgroundfetchabort', (_event, episodeId) => deleteDownloadData(episodeId));
  self.addEventListener('backgroundfetchclick', (e) => {
    (e as ExtendableEvent).waitUntil(self.clients.openWindow('/downloads'));
  });
}
