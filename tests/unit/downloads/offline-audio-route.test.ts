import { beforeAll, describe, expect, test } from 'vitest';
import { CHUNK_SIZE } from '../../../src/core/byte-range';
import { db, resetDbConnection } from '../../../src/db/open';
import { newDownloadRecord, putDownload, updateDownload } from '../../../src/db/downloads';
import { ChunkWriter, pumpToChunks } from '../../../src/db/chunk-writer';
import { answerOfflineAudio, audioTypeOf } from '../../../sw/routes/offline-audio-response';

const ID = 'https://feeds.example/show\u0000ep/1?#';
const URL_OF = `https://app.example/offline-audio/${encodeURIComponent(ID)}`;
const SIZE = CHUNK_SIZE * 2 + 4321;
const src = new Uint8Array(SIZE).map((_, i) => (i * 31 + (i >> 11)) & 0xff);

const get = (range?: string, method = 'GET') => answerOfflineAudio(new Request(URL_OF, { method, headers: range ? { Range: range } : {} }));
const bytesOf = async (r: Response) => new Uint8Array(await r.arrayBuffer());
/** Byte-for-byte equality without a 2 MB element-wise diff (toEqual is slow on big arrays). */
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

beforeAll(async () => {
  (await db()).close();
  resetDbConnection();
  await new Promise((resolve) => (indexedDB.deleteDatabase('hopcast').onsuccess = resolve));
  await putDownload({ ...newDownloadRecord(ID, 'https://cdn.example/a.mp3?x=1'), status: 'downloading', total: SIZE, type: 'audio/mpeg' });
});

describe('/offline-audio/<id> before the download completes', () => {
  test('404 with a JSON reason', async () => {
    const r = await get();
    expect(r.status).toBe(404);
    expect(await r.json()).toMatchObject({ error: 'not_downloaded' });
  });
});

describe('/offline-audio/<id> once stored', () => {
  beforeAll(async () => {
    await pumpToChunks(new Blob([src]).stream(), await ChunkWriter.resume(ID, 0));
  });

  test('no Range: 200, whole body, Accept-Ranges and type', async () => {
    const r = await get();
    expect(r.status).toBe(200);
    expect(r.headers.get('Content-Length')).toBe(String(SIZE));
    expect(r.headers.get('Accept-Ranges')).toBe('bytes');
    expect(r.headers.get('Content-Type')).toBe('audio/mpeg');
    expect(r.headers.get('Content-Range')).toBeNull();
    expect(same(await bytesOf(r), src)).toBe(true);
  });

  test('Range across a chunk edge: 206 with the exact bytes', async () => {
    const start = CHUNK_SIZE - 10;
    const end = CHUNK_SIZE * 2 + 9;
    const r = await get(`bytes=${start}-${end}`);
    expect(r.status).toBe(206);
    expect(r.headers.get('Content-Range')).toBe(`bytes ${start}-${end}/${SIZE}`);
    expect(r.headers.get('Content-Length')).toBe(String(end - start + 1));
    expect(same(await bytesOf(r), src.subarray(start, end + 1))).toBe(true);
  });

  test("Safari's bytes=0-1 probe, an open range and a suffix", async () => {
    const probe = await get('bytes=0-1');
    expect([probe.status, probe.headers.get('Content-Range')]).toEqual([206, `bytes 0-1/${SIZE}`]);
    expect(same(await bytesOf(probe), src.subarray(0, 2))).toBe(true);
    const open = await get(`bytes=${SIZE - 5}-`);
    expect(same(await bytesOf(open), src.subarray(SIZE - 5))).toBe(true);
    const suffix = await get('bytes=-3');
    expect(suffix.headers.get('Content-Range')).toBe(`bytes ${SIZE - 3}-${SIZE - 1}/${SIZE}`);
    expect(same(await bytesOf(suffix), src.subarray(SIZE - 3))).toBe(true);
  });

  test('impossible range: 416 with Content-Range */TOTAL', async () => {
    const r = await get(`bytes=${SIZE}-`);
    expect(r.status).toBe(416);
    expect(r.headers.get('Content-Range')).toBe(`bytes */${SIZE}`);
  });

  test('HEAD: headers only', async () => {
    const r = await get('bytes=0-', 'HEAD');
    expect(r.status).toBe(206);
    expect(r.headers.get('Content-Length')).toBe(String(SIZE));
    expect((await r.arrayBuffer()).byteLength).toBe(0);
  });

  test('a damaged copy answers 500 rather than short audio', async () => {
    await updateDownload(ID, { type: null });
    await (await db()).delete('chunks', [ID, 1]);
    const r = await get('bytes=0-');
    expect(r.status).toBe(500);
    expect((await r.json()).message).toMatch(/damaged/);
    expect((await get(`bytes=0-99`)).status).toBe(206);
  });
});

test('audioTypeOf trusts a media type, else guesses from the file name', () => {
  expect(audioTypeOf('audio/x-m4a', 'https://x/a.mp3')).toBe('audio/x-m4a');
  expect(audioTypeOf('application/octet-stream', 'https://x/a.M4A?t=1')).toBe('audio/mp4');
  expect(audioTypeOf(null, 'https://x/a.opus')).toBe('audio/ogg');
  expect(audioTypeOf(null, 'https://x/download')).toBe('audio/mpeg');
});
