import { parseContentLength } from '../core/byte-range';
import { backgroundFetchId, proxiedAudioUrl } from '../core/download-shared';
import { planSegments, rangeHeader } from '../core/download-segments';
import type { DownloadRecord } from '../core/types';
import { updateDownload } from '../db/downloads';
import type { BgFetchManager, BgFetchRegistration, RegistrationWithBgFetch } from './background-fetch-types';
import { DownloadError, quotaError } from './errors';

/**
 * Background Fetch (Chromium): the browser downloads with its own UI and keeps going after the
 * app is closed; the service worker then stores the response into chunks (sw/background-fetch.ts).
 * Measured in Chromium 156: a connection cut mid-way still ends as "success" with a short body,
 * so the service worker checks the byte count and the page resumes the rest itself with Range.
 */

export function backgroundFetchSupported(): boolean {
  return typeof window !== 'undefined' && 'BackgroundFetchManager' in window && 'serviceWorker' in navigator;
}

/** The Background Fetch manager when it can be used now (a service worker controls the page). */
export async function backgroundFetchManager(): Promise<BgFetchManager | null> {
  if (!backgroundFetchSupported() || !navigator.serviceWorker.controller) return null;
  const registration = (await navigator.serviceWorker.ready) as RegistrationWithBgFetch;
  return registration.backgroundFetch ?? null;
}

/**
 * Asks the proxy for the file's size and validators first: Background Fetch needs the size for
 * its progress, and the stored record must carry the server's total, never the feed's.
 */
async function probe(record: DownloadRecord): Promise<DownloadRecord> {
  let res: Response;
  try {
    res = await fetch(proxiedAudioUrl(record.sourceUrl), { method: 'HEAD', cache: 'no-store' });
  } catch {
    throw new DownloadError('network', 'Could not reach the Hopcast server.', true);
  }
  if (!res.ok) throw new DownloadError('http', `The audio host answered ${res.headers.get('X-Upstream-Status') ?? res.status}.`);
  const next = await updateDownload(record.episodeId, {
    status: 'downloading',
    total: parseContentLength(res.headers.get('Content-Length')),
    etag: res.headers.get('ETag'),
    lastModified: res.headers.get('Last-Modified'),
    type: res.headers.get('Content-Type'),
    finalUrl: res.headers.get('X-Final-Url'),
  });
  if (!next) throw new DownloadError('cancelled', 'The download was cancelled.');
  return next;
}

export type BgProgress = (downloaded: number, total: number | null) => void;

/** Reports a running Background Fetch's progress until it settles; returns an unsubscribe. */
export function watchBackgroundFetch(registration: BgFetchRegistration, onProgress: BgProgress): () => void {
  const listener = () => onProgress(registration.downloaded, registration.downloadTotal || null);
  registration.addEventListener('progress', listener);
  listener();
  return () => registration.removeEventListener('progress', listener);
}

/**
 * The requests of a Background Fetch: ranged segments from the stored bytes on, each with If-Range,
 * so a cut loses one segment at most and a file that changed cannot be stitched from two versions.
 * Without a known size (or a validator to pin it) the file is one plain request.
 */
function segmentRequests(record: DownloadRecord): Request[] {
  const url = proxiedAudioUrl(record.sourceUrl);
  // If-Range needs a strong validator: a weak ETag would make every segment a full 200.
  const strongEtag = record.etag && !record.etag.startsWith('W/') ? record.etag : null;
  const validator = strongEtag ?? record.lastModified;
  if (record.total === null || !validator) return [new Request(url)];
  return planSegments(record.bytes, record.total).map((span) => new Request(url, { headers: { Range: rangeHeader(span), 'If-Range': validator } }));
}

/** Starts a Background Fetch of a fresh download through the proxy (the only way it gets CORS). */
export async function startBackgroundFetch(manager: BgFetchManager, record: DownloadRecord, title: string): Promise<BgFetchRegistration> {
  const probed = await probe(record);
  const total = probed.total;
  // The browser keeps its copy until the service worker has stored ours: twice the size, briefly.
  if (total !== null && navigator.storage?.estimate) {
    const { quota, usage } = await navigator.storage.estimate();
    if (quota !== undefined && usage !== undefined && quota - usage < total * 2) throw quotaError();
  }
  try {
    return await manager.fetch(backgroundFetchId(record.episodeId), segmentRequests(probed), {
      title,
      icons: [{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' }],
      downloadTotal: total === null ? 0 : total - probed.bytes,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'QuotaExceededError') throw quotaError();
    throw err;
  }
}

export async function findBackgroundFetch(episodeId: string): Promise<BgFetchRegistration | null> {
  const manager = await backgroundFetchManager();
  return (await manager?.get(backgroundFetchId(episodeId))) ?? null;
}

/** Stops a Background Fetch of this episode, if one runs (from this tab or an earlier visit). */
export async function abortBackgroundFetch(episodeId: string): Promise<void> {
  const registration = await findBackgroundFetch(episodeId).catch(() => null);
  await registration?.abort().catch(() => false);
}
