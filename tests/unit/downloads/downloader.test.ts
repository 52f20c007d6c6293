/**
 * The downloader against the real fixture host and the real /api/audio proxy, with IndexedDB from
 * fake-indexeddb. Node's fetch does not enforce CORS, so enclosures are fetched "directly" here;
 * the proxy is reached when the host answers with an error.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DownloadRecord } from '../../../src/core/types';
import { db, resetDbConnection } from '../../../src/db/open';
import { getDownload, newDownloadRecord, putDownload } from '../../../src/db/downloads';
import { readSpan, storedBytes } from '../../../src/db/chunks';
import { runDownload } from '../../../src/downloads/downloader';
import { DownloadError } from '../../../src/downloads/errors';
import { AUDIO_DIR, startFixtureServer, type FixtureServer } from '../../fixtures/fixture-server';
import { startTestServer } from '../../server/helpers';
import type { RunningServer } from '../../../server/index';

const ID = 'feed\u0000ep';
const LONG = readFileSync(path.join(AUDIO_DIR, 'long-episode.mp3'));
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

let fixtures: FixtureServer;
let app: RunningServer;

beforeAll(async () => {
  fixtures = await startFixtureServer();
  app = await startTestServer({ HOPCAST_PROXY_ALLOW: `127.0.0.1:${fixtures.port}` });
  // The app runs on the server's own origin, where the browser marks every request to it
  // `Sec-Fetch-Site: same-origin` (the proxy's origin gate wants that); Node's fetch adds no Fetch Metadata.
  const appOrigin = `http://127.0.0.1:${app.port}`;
  const nodeFetch = globalThis.fetch;
  vi.stubGlobal('fetch', (input: string | URL | Request, init: RequestInit = {}) => {
    if (!String(input instanceof Request ? input.url : input).startsWith(appOrigin)) return nodeFetch(input, init);
    const headers = new Headers(init.headers);
    headers.set('Sec-Fetch-Site', 'same-origin');
    return nodeFetch(input, { ...init, headers });
  });
});
afterAll(async () => {
  vi.unstubAllGlobals();
  await app?.close();
  await fixtures?.close();
});
beforeEach(async () => {
  (await db()).close();
  resetDbConnection();
  await new Promise((resolve) => (indexedDB.deleteDatabase('hopcast').onsuccess = resolve));
});

async function run(url: string, onRecord: (r: DownloadRecord) => void = () => {}, signal = new AbortController().signal, onBytes: (n: number) => void = () => {}) {
  await putDownload({ ...newDownloadRecord(ID, url), status: 'queued' });
  const records: DownloadRecord[] = [];
  const progress: number[] = [];
  const done = await runDownload(ID, {
    signal,
    apiBase: `http://127.0.0.1:${app.port}`,
    onRecord: (r) => {
      records.push(r);
      onRecord(r);
    },
    onBytes: (n) => {
      progress.push(n);
      onBytes(n);
    },
  });
  return { done, records, progress };
}

async function storedHash(): Promise<string> {
  const rec = (await getDownload(ID))!;
  const blob = await readSpan(ID, { start: 0, end: rec.total! - 1 });
  return sha(new Uint8Array(await blob!.arrayBuffer()));
}

describe('runDownload', () => {
  test('completes at the server total (the feed length plays no part), with progress', async () => {
    const { done, progress } = await run(`${fixtures.origin}/audio/long-episode.mp3`);
    expect(done).toMatchObject({ status: 'complete', bytes: LONG.length, total: LONG.length, type: 'audio/mpeg' });
    expect(done.etag).toMatch(/^"/);
    expect(progress.at(-1)).toBe(LONG.length);
    expect(await storedHash()).toBe(sha(LONG));
  });

  test('a dropped connection resumes from the exact byte, keeping what arrived', async () => {
    const url = `${fixtures.origin}/o/drop=200000/audio/long-episode.mp3`;
    const { done, records } = await run(url);
    expect(done.status).toBe('complete');
    expect(records.some((r) => r.status === 'paused' && r.bytes === 200000)).toBe(true);
    const hits = fixtures.log.filter((r) => r.url === '/o/drop=200000/audio/long-episode.mp3');
    expect(hits.map((h) => h.headers.range)).toEqual(['bytes=0-', 'bytes=200000-']);
    expect(await storedHash()).toBe(sha(LONG));
  });

  test('a file that changed between attempts is detected (ETag) and downloaded again from byte 0', async () => {
    const before = 'A'.repeat(1_500_000);
    // Same length: only the ETag tells the two apart.
    const after = 'B'.repeat(1_500_000);
    fixtures.setFeed('changing.mp3', before);
    const url = `${fixtures.origin}/o/drop=1200000/files/changing.mp3`;
    const { done } = await run(url, (r) => {
      if (r.status === 'paused') fixtures.setFeed('changing.mp3', after);
    });
    expect(done).toMatchObject({ status: 'complete', total: after.length, bytes: after.length });
    expect(await storedHash()).toBe(sha(Buffer.from(after)));
  });

  test('a host error is final, with the proxy explaining it; nothing is stored', async () => {
    const err = await run(`${fixtures.origin}/o/status=404/audio/missing.mp3`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DownloadError);
    expect((err as DownloadError).retry).toBe(false);
    expect((err as Error).message).toMatch(/404/);
    expect(await storedBytes(ID)).toBe(0);
  });

  test('a server that does not send Content-Length still gives its total in Content-Range', async () => {
    const { done } = await run(`${fixtures.origin}/o/nolength/audio/episode-1.mp3`);
    expect(done).toMatchObject({ status: 'complete', total: 48274 });
  });

  test('cancel (abort) stops with a cancelled error', async () => {
    const controller = new AbortController();
    const pending = run(
      `${fixtures.origin}/o/slow=30/big/3000000.mp3`,
      () => {},
      controller.signal,
      (n) => {
        if (n > 300_000) controller.abort();
      },
    );
    await expect(pending).rejects.toMatchObject({ kind: 'cancelled' });
    expect((await getDownload(ID))!.status).not.toBe('complete');
  });
});
