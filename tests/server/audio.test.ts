import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { startFixtureServer, type FixtureServer } from '../fixtures/fixture-server';
import { bigBytes } from '../fixtures/serve-file';
import { getJson, startTestServer, appFetch } from './helpers';
import type { RunningServer } from '../../server/index';

const SIZE = 300_000;
const data = bigBytes(SIZE);
let fixture: FixtureServer;
let server: RunningServer;

const api = (path: string) => `${server.url}/api/audio?url=${encodeURIComponent(fixture.origin + path)}`;
const seen = (fragment: string) => fixture.log.filter((r) => r.url.includes(fragment));
const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());

/** Whether the host saw its request for `path` end before the body was sent (the proxy hung up). */
const abortedAt = (path: string) => seen(path).at(-1)?.aborted;

beforeAll(async () => {
  fixture = await startFixtureServer();
  fixture.setFeed('page.html', '<!doctype html><html><script>alert(1)</script></html>');
  server = await startTestServer({
    HOPCAST_PROXY_ALLOW: `127.0.0.1:${fixture.port}`,
    HOPCAST_AUDIO_HEADERS_TIMEOUT_MS: '600',
    HOPCAST_AUDIO_IDLE_TIMEOUT_MS: '600',
  });
});
afterAll(async () => {
  await server.close();
  await fixture.close();
});

describe('/api/audio Range pass-through', () => {
  it('streams the whole file with its headers', async () => {
    const res = await appFetch(api(`/big/${SIZE}.mp3`));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe(String(SIZE));
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.headers.get('content-type')).toBe('audio/mpeg');
    expect((await bytes(res)).equals(data)).toBe(true);
    expect(seen(`/big/${SIZE}.mp3`).at(-1)?.headers['accept-encoding']).toBe('identity');
  });

  it.each([
    ['the first bytes', 'bytes=0-1023', 0, 1023],
    ['a middle range', 'bytes=100000-149999', 100000, 149999],
    ['an open-ended range', 'bytes=250000-', 250000, SIZE - 1],
    ['a suffix range', 'bytes=-500', SIZE - 500, SIZE - 1],
  ])('answers 206 for %s', async (_label, range, start, end) => {
    const res = await appFetch(api(`/big/${SIZE}.mp3`), { headers: { Range: range } });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`bytes ${start}-${end}/${SIZE}`);
    expect(res.headers.get('content-length')).toBe(String(end - start + 1));
    expect((await bytes(res)).equals(data.subarray(start, end + 1))).toBe(true);
  });

  it('honours If-Range: a stale ETag gets the whole file, the current one gets the range', async () => {
    const etag = (await appFetch(api(`/big/${SIZE}.mp3`), { method: 'HEAD' })).headers.get('etag')!;
    const stale = await appFetch(api(`/big/${SIZE}.mp3`), { headers: { Range: 'bytes=1000-1999', 'If-Range': '"stale"' } });
    expect(stale.status).toBe(200);
    expect((await bytes(stale)).length).toBe(SIZE);
    const fresh = await appFetch(api(`/big/${SIZE}.mp3`), { headers: { Range: 'bytes=1000-1999', 'If-Range': etag } });
    expect(fresh.status).toBe(206);
    expect((await bytes(fresh)).equals(data.subarray(1000, 2000))).toBe(true);
    expect(seen(`/big/${SIZE}.mp3`).at(-1)?.headers['if-range']).toBe(etag);
  });

  it('mirrors 416 for a range past the end', async () => {
    const res = await appFetch(api(`/big/${SIZE}.mp3`), { headers: { Range: `bytes=${SIZE + 10}-` } });
    expect(res.status).toBe(416);
    expect(res.headers.get('content-range')).toBe(`bytes */${SIZE}`);
  });

  it('answers HEAD with the headers and no body, sending HEAD upstream', async () => {
    const before = seen('/audio/episode-2.mp3').length;
    const res = await appFetch(api('/audio/episode-2.mp3'), { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(Number(res.headers.get('content-length'))).toBeGreaterThan(1000);
    expect((await res.arrayBuffer()).byteLength).toBe(0);
    expect(
      seen('/audio/episode-2.mp3')
        .slice(before)
        .map((r) => r.method),
    ).toEqual(['HEAD']);
    const ranged = await appFetch(api('/audio/episode-2.mp3'), { method: 'HEAD', headers: { Range: 'bytes=0-99' } });
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get('content-length')).toBe('100');
  });

  it('follows a tracking-redirect chain, passing Range on every hop', async () => {
    const res = await appFetch(api(`/r/4/big/${SIZE}.mp3`), { headers: { Range: 'bytes=10-19' } });
    expect(res.status).toBe(206);
    expect(res.headers.get('x-final-url')).toBe(`${fixture.origin}/big/${SIZE}.mp3`);
    expect((await bytes(res)).equals(data.subarray(10, 20))).toBe(true);
    const hops = fixture.log.slice(-5);
    expect(hops.map((r) => r.headers.range)).toEqual(Array(5).fill('bytes=10-19'));
  });

  it('carries an 8 MB file through byte for byte', async () => {
    const res = await appFetch(api('/big/8000000.mp3'));
    const got = createHash('sha256')
      .update(await bytes(res))
      .digest('hex');
    expect(got).toBe(createHash('sha256').update(bigBytes(8_000_000)).digest('hex'));
  });
});

describe('/api/audio safety and failures', () => {
  it('never labels an upstream body as a type that could render as this origin', async () => {
    const res = await appFetch(api('/page/page.html'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
  });

  it('answers 502 JSON when the host answers an error', async () => {
    const { status, body, headers } = await getJson(api('/o/status=403/audio/episode-1.mp3'));
    expect(status).toBe(502);
    expect(body.error).toBe('upstream_status');
    expect(headers.get('x-upstream-status')).toBe('403');
  });

  // The host's delays (20 s) dwarf the 600 ms timeouts: without them the file would arrive whole.
  it('answers 504 when the host is slow to answer', { timeout: 30_000 }, async () => {
    const { status, body } = await getJson(api('/o/delay=20000/audio/episode-1.mp3'));
    expect(status).toBe(504);
    expect(body.error).toBe('timeout');
    await expect.poll(() => abortedAt('/o/delay=20000/'), { timeout: 10_000 }).toBe(true);
  });

  it('cuts the stream when the host falls silent mid-file', { timeout: 30_000 }, async () => {
    const res = await appFetch(api('/o/slow=20000/big/1000000.mp3'));
    expect(res.status).toBe(200);
    await expect(res.arrayBuffer()).rejects.toThrow();
    await expect.poll(() => abortedAt('/o/slow=20000/'), { timeout: 10_000 }).toBe(true);
  });

  it('aborts the upstream request when the client goes away', { timeout: 30_000 }, async () => {
    const path = '/o/slow=100/big/50000000.mp3';
    const controller = new AbortController();
    const res = await appFetch(api(path), { signal: controller.signal });
    const reader = res.body!.getReader();
    const first = await reader.read();
    expect(first.value!.byteLength).toBeGreaterThan(0);
    controller.abort();
    await expect.poll(() => abortedAt(path), { timeout: 10_000 }).toBe(true);
  });
});

/** Resolves when the response may be written again, or is gone. */
function drained(res: http.ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const go = () => {
      res.off('drain', go).off('close', go);
      resolve();
    };
    res.on('drain', go).on('close', go);
  });
}

describe('/api/audio and a client that stops reading', () => {
  const FILE = 512 * 1024 * 1024;
  const zeros = Buffer.alloc(64 * 1024);
  let upstream: http.Server;
  let proxy: RunningServer;
  /** Bytes the upstream handed to its socket, and whether its response was cut before the end. */
  const sent = { bytes: 0, cut: null as boolean | null };

  beforeAll(async () => {
    // Writes only as fast as its reader takes bytes, so `sent.bytes` is what the proxy pulled.
    upstream = http.createServer(async (_req, res) => {
      res.on('close', () => (sent.cut = !res.writableFinished));
      res.writeHead(200, { 'content-type': 'audio/mpeg', 'content-length': String(FILE) });
      while (sent.bytes < FILE && !res.destroyed) {
        sent.bytes += zeros.length;
        if (!res.write(zeros)) await drained(res);
      }
      res.end();
    });
    await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
    const port = (upstream.address() as AddressInfo).port;
    proxy = await startTestServer({
      HOPCAST_PROXY_ALLOW: `127.0.0.1:${port},127.0.0.1:${fixture.port}`,
      HOPCAST_CLIENT_IDLE_TIMEOUT_MS: '4000',
      // No read-rate floor: the idle timeout alone must end the stream here.
      HOPCAST_CLIENT_MIN_BYTES_PER_SECOND: '0',
      HOPCAST_MAX_UPSTREAM: '1',
    });
  });
  afterAll(async () => {
    await proxy.close();
    upstream.closeAllConnections();
    await new Promise((r) => upstream.close(r));
  });

  it('aborts the upstream request when the client leaves before the host has answered', { timeout: 30_000 }, async () => {
    const path = '/o/delay=15000/audio/episode-1.mp3';
    const controller = new AbortController();
    const pending = appFetch(`${proxy.url}/api/audio?url=${encodeURIComponent(fixture.origin + path)}`, { signal: controller.signal }).catch(() => null);
    await expect.poll(() => seen(path).length, { timeout: 10_000 }).toBe(1);
    controller.abort();
    await pending;
    // The host's headers timeout here is the default 20 s and it answers after 15 s: only the client
    // leaving can end the request before either.
    await expect.poll(() => abortedAt(path), { timeout: 10_000 }).toBe(true);
    const feed = await appFetch(`${proxy.url}/api/feed?url=${encodeURIComponent(`${fixture.origin}/feeds/network-show.xml`)}`);
    expect(feed.status).toBe(200);
  });

  it('pulls no further ahead than the socket buffers, then drops the host, the client and the slot', { timeout: 60_000 }, async () => {
    const port = (upstream.address() as AddressInfo).port;
    const client = net.connect(proxy.port, '127.0.0.1');
    client.write(`GET /api/audio?url=${encodeURIComponent(`http://127.0.0.1:${port}/big.mp3`)} HTTP/1.1\r\nHost: x\r\nSec-Fetch-Site: same-origin\r\n\r\n`);
    let received = 0;
    client.once('data', () => client.pause());
    client.on('data', (d: Buffer) => (received += d.length));
    client.on('error', () => undefined);
    const closed = new Promise<void>((r) => client.on('close', () => r()));

    // While the client sits still, the proxy is busy: its one upstream slot is taken. The first
    // bytes having reached the client show the upstream request is under way; the idle timeout
    // (4 s) leaves ample time to ask while the slot is still held.
    await expect.poll(() => received, { timeout: 10_000 }).toBeGreaterThan(0);
    const feed = () => appFetch(`${proxy.url}/api/feed?url=${encodeURIComponent(`${fixture.origin}/feeds/network-show.xml`)}`);
    expect((await feed()).status).toBe(429);

    await expect.poll(() => sent.cut, { timeout: 20_000 }).not.toBeNull();
    expect(sent.cut).toBe(true);
    // Kernel buffers on two loopback sockets hold some MB; a copy of the file would be all 512.
    expect(sent.bytes).toBeLessThan(64 * 1024 * 1024);
    client.resume();
    await closed;
    expect(received).toBeLessThan(sent.bytes);
    expect((await feed()).status).toBe(200);
  });
});
