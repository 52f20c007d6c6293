import { INTERRUPTED_MESSAGE } from '../core/download-shared';
import type { DownloadRecord } from '../core/types';
import { ChunkCommitError, resetChunks } from '../db/chunks';
import { ChunkWriter, pumpToChunks } from '../db/chunk-writer';
import { getDownload, updateDownload } from '../db/downloads';
import { DownloadError, isAbortError, isQuotaError, quotaError } from './errors';
import { openAudio, type OpenedAudio } from './fetch-audio';

export interface RunHooks {
  signal: AbortSignal;
  /** The stored record changed (status, total, committed bytes). */
  onRecord(record: DownloadRecord): void;
  /** Bytes received so far (stored or buffered), for progress and speed. */
  onBytes(received: number, total: number | null): void;
  /** Origin of the Hopcast server for /api/audio; '' (same origin) in the app. */
  apiBase?: string;
}

/** Consecutive failed attempts (without a byte of progress) before giving up. */
const MAX_FAILURES = 5;
/** A changed file restarts the download; more changes than this mean the host is unstable. */
const MAX_RESTARTS = 2;
const BACKOFF_MS = [500, 1000, 2000, 4000, 8000];

function cancelled(): DownloadError {
  return new DownloadError('cancelled', 'The download was cancelled.');
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(done, ms);
    function done() {
      signal.removeEventListener('abort', aborted);
      resolve();
    }
    function aborted() {
      clearTimeout(timer);
      reject(cancelled());
    }
    signal.addEventListener('abort', aborted, { once: true });
  });
}

/** Resolves when the browser says it is back online (at once when it already is). */
function online(signal: AbortSignal): Promise<void> {
  if (typeof navigator === 'undefined' || navigator.onLine) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const back = () => {
      signal.removeEventListener('abort', aborted);
      resolve();
    };
    const aborted = () => {
      window.removeEventListener('online', back);
      reject(cancelled());
    };
    window.addEventListener('online', back, { once: true });
    signal.addEventListener('abort', aborted, { once: true });
  });
}

/** Refuses early when the origin's quota clearly cannot hold the rest of the file. */
async function ensureSpace(needed: number): Promise<void> {
  if (typeof navigator === 'undefined' || !navigator.storage?.estimate) return;
  const estimate = await navigator.storage.estimate().catch(() => null);
  if (!estimate?.quota || estimate.usage === undefined) return;
  if (estimate.quota - estimate.usage < needed) throw quotaError();
}

type Verdict = 'write' | 'restart' | 'restart-here' | 'complete';

/** Decides whether `opened` continues the stored bytes exactly, or the file changed under us. */
function judge(record: DownloadRecord, opened: OpenedAudio): Verdict {
  const from = record.bytes;
  if (opened.status === 416) {
    // Everything was already stored but the size was unknown until now.
    return from > 0 && opened.total === from ? 'complete' : 'restart';
  }
  if (opened.status === 200) return from === 0 ? 'write' : 'restart-here';
  if (opened.start !== from) return 'restart';
  if (from === 0) return 'write';
  if (record.total !== null && opened.total !== record.total) return 'restart';
  if (record.etag && opened.etag && record.etag !== opened.etag) return 'restart';
  if (!opened.etag && record.lastModified && opened.lastModified && record.lastModified !== opened.lastModified) return 'restart';
  return 'write';
}

function checkType(opened: OpenedAudio): void {
  if (opened.type && /^\s*text\/html/i.test(opened.type)) {
    throw new DownloadError('integrity', 'The host sent a web page instead of the audio file.');
  }
}

/**
 * Downloads one episode into chunks, resuming with Range (+ If-Range through the proxy) after
 * any interruption, until the stored byte count equals the server's total. Resolves with the
 * complete record; rejects with a DownloadError (the caller removes partial data on failure).
 */
export async function runDownload(episodeId: string, hooks: RunHooks): Promise<DownloadRecord> {
  const { signal } = hooks;
  let failures = 0;
  let restarts = 0;
  for (;;) {
    if (signal.aborted) throw cancelled();
    let record = await updateDownload(episodeId, { status: 'downloading', error: null });
    if (!record) throw cancelled();
    hooks.onRecord(record);
    const before = record.bytes;
    try {
      const opened = await openAudio({ apiBase: hooks.apiBase, url: record.sourceUrl, from: record.bytes, etag: record.etag, lastModified: record.lastModified, signal });
      const verdict = judge(record, opened);
      if (verdict === 'complete') {
        record = await updateDownload(episodeId, { total: record.bytes, status: 'complete' });
        if (!record) throw cancelled();
        hooks.onRecord(record);
        return record;
      }
      if (verdict === 'restart' || verdict === 'restart-here') {
        if (++restarts > MAX_RESTARTS) throw new DownloadError('integrity', 'The file kept changing on the server while downloading.');
        await resetChunks({ ...record, total: null, etag: null, lastModified: null });
        if (verdict === 'restart') {
          void opened.response.body?.cancel().catch(() => undefined);
          continue;
        }
      }
      checkType(opened);
      const from = record.bytes;
      // Independent reads and writes, side by side: the response is waiting to be read meanwhile.
      const [updated, writer] = await Promise.all([
        updateDownload(episodeId, {
          total: opened.total,
          etag: opened.etag,
          lastModified: opened.lastModified,
          type: opened.type,
          finalUrl: opened.finalUrl ?? record.finalUrl,
        }),
        ChunkWriter.resume(episodeId, from),
        opened.total !== null ? ensureSpace(opened.total - from) : undefined,
      ]);
      if (!updated) throw cancelled();
      record = updated;
      hooks.onRecord(record);
      if (!opened.response.body) throw new DownloadError('integrity', 'The server sent no audio.');
      let reported = writer.record;
      await pumpToChunks(opened.response.body, writer, (n) => {
        hooks.onBytes(n, opened.total);
        // Each committed chunk moves the stored count the Downloads screen adds up.
        if (writer.record && writer.record !== reported) hooks.onRecord((reported = writer.record));
      });
    } catch (err) {
      if (signal.aborted || isAbortError(err)) throw cancelled();
      if (err instanceof ChunkCommitError) {
        if (err.kind === 'gone') throw cancelled();
        if (err.kind === 'overflow') throw new DownloadError('integrity', err.message);
      }
      if (isQuotaError(err)) throw quotaError();
      // `order`: another writer moved the stored bytes; the next attempt starts from what is stored.
      const retry = err instanceof TypeError || (err instanceof ChunkCommitError && err.kind === 'order') || (err instanceof DownloadError && err.retry);
      if (!retry) throw err;
      const now = await getDownload(episodeId);
      if (!now) throw cancelled();
      failures = now.bytes > before ? 1 : failures + 1;
      if (failures > MAX_FAILURES) {
        throw err instanceof DownloadError ? err : new DownloadError('network', 'The network kept failing; the download stopped.');
      }
      await pause(episodeId, hooks, failures, signal);
      continue;
    }
    const after = await getDownload(episodeId);
    if (!after) throw cancelled();
    hooks.onRecord(after);
    if (after.status === 'complete') return after;
    if (after.total === null) {
      throw new DownloadError('integrity', "The host didn't say how large the file is, so Hopcast can't tell whether it arrived whole.");
    }
    // The body ended cleanly but short of the total: a host that hung up early. Ask for the rest.
    failures = after.bytes > before ? 1 : failures + 1;
    if (failures > MAX_FAILURES) throw new DownloadError('network', 'The host kept ending the transfer early; the download stopped.');
    await pause(episodeId, hooks, failures, signal);
  }
}

async function pause(episodeId: string, hooks: RunHooks, failures: number, signal: AbortSignal): Promise<void> {
  const offline = typeof navigator !== 'undefined' && !navigator.onLine;
  const record = await updateDownload(episodeId, { status: 'paused', error: offline ? 'Waiting for the network…' : INTERRUPTED_MESSAGE });
  if (!record) throw cancelled();
  hooks.onRecord(record);
  await online(signal);
  await sleep(BACKOFF_MS[Math.min(failures, BACKOFF_MS.length) - 1], signal);
}
