import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { startFixtureServer, type FixtureServer } from '../fixtures/fixture-server';
import { fetchFeed, ProxyError } from '../../server/proxy/fetch-feed';
import { getJson, startTestServer, appFetch } from './helpers';
import type { RunningServer } from '../../server/index';

let fixture: FixtureServer;
let server: RunningServer;
let closedPort: number;
/** A host whose answers lie about their encoding, which the fixture server never does. */
let liar: http.Server;
let liarOrigin: string;
let feedXml: string;

const api = (path: string, extra = '') => `${server.url}/api/feed?url=${encodeURIComponent(fixture.origin + path)}${extra}`;
const lastSeen = (fragment: string) => [...fixture.log].reverse().find((r) => r.url.includes(fragment));

beforeAll(async () => {
  fixture = await startFixtureServer();
  // A port on 127.0.0.1 that nothing listens on, listed so the refusal comes from the OS, not the guard.
  const probe = http.createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  closedPort = (probe.address() as AddressInfo).port;
  await new Promise<void>((r) => probe.close(() => r()));
  liar = http.createServer((req, res) => {
    const encoding = req.url === '/zstd' ? 'zstd' : req.url === '/br' ? 'br' : 'gzip';
    res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': encoding }).end('this is not compressed at all');
  });
  await new Promise<void>((r) => liar.listen(0, '127.0.0.1', r));
  const liarPort = (liar.address() as AddressInfo).port;
  liarOrigin = `http://127.0.0.1:${liarPort}`;
  server = await startTestServer({ HOPCAST_PROXY_ALLOW: `127.0.0.1:${fixture.port},127.0.0.1:${closedPort},127.0.0.1:${liarPort}` });
  feedXml = await (await appFetch(`${fixture.origin}/feeds/network-show.xml`)).text();
  fixture.setFeed('page.html', '<!DOCTYPE html>\n<html><head><link rel="alternate" type="application/rss+xml" href="/feeds/network-show.xml"></head><body>Show</body></html>');
  fixture.setFeed('bomb.xml', `<rss>${'<item>x</item>'.repeat(300_000)}</rss>`);
});
afterAll(async () => {
  await server.close();
  await fixture.close();
  liar.closeAllConnections();
  await new Promise((r) => liar.close(r));
});

describe('/api/feed', () => {
  it('returns the feed as the host sent it, with its validators and the final URL', async () => {
    const res = await appFetch(api('/r/3/feeds/network-show.xml'));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(feedXml);
    // Never the host's type: one the browser neither runs nor renders as HTML, the host's in its own header.
    expect(res.headers.get('content-type')).toBe('application/xml');
    expect(res.headers.get('x-upstream-content-type')).toMatch(/rss\+xml/);
    expect(res.headers.get('etag')).toMatch(/^"[0-9a-f]+"$/);
    expect(res.headers.get('last-modified')).toBe('Mon, 05 Jan 2026 10:00:00 GMT');
    expect(res.headers.get('x-final-url')).toBe(`${fixture.origin}/feeds/network-show.xml`);
    expect(res.headers.get('access-control-expose-headers')).toContain('X-Final-Url');
    expect(res.headers.get('content-disposition')).toBe('attachment');
    expect(lastSeen('/feeds/network-show.xml')?.headers['accept-encoding']).toMatch(/gzip.*br|br.*gzip/);
  });

  it('follows 5 redirects and refuses a sixth', async () => {
    expect((await appFetch(api('/r/5/feeds/network-show.xml'))).status).toBe(200);
    const { status, body } = await getJson(api('/r/6/feeds/network-show.xml'));
    expect(status).toBe(502);
    expect(body.error).toBe('too_many_redirects');
  });

  it('passes conditional GET both ways: If-None-Match and If-Modified-Since give 304', async () => {
    const first = await appFetch(api('/feeds/network-show.xml'));
    const etag = first.headers.get('etag')!;
    const byEtag = await appFetch(api('/feeds/network-show.xml'), { headers: { 'If-None-Match': etag } });
    expect(byEtag.status).toBe(304);
    expect(byEtag.headers.get('etag')).toBe(etag);
    expect(lastSeen('/feeds/network-show.xml')?.headers['if-none-match']).toBe(etag);
    const byDate = await appFetch(api('/feeds/network-show.xml'), { headers: { 'If-Modified-Since': first.headers.get('last-modified')! } });
    expect(byDate.status).toBe(304);
    const stale = await appFetch(api('/feeds/network-show.xml'), { headers: { 'If-None-Match': '"old"' } });
    expect(stale.status).toBe(200);
    expect(await stale.text()).toBe(feedXml);
  });

  it.each(['gzip', 'br'])('decodes a %s body', async (enc) => {
    const res = await appFetch(api(`/o/enc=${enc}/feeds/network-show.xml`));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(feedXml);
  });

  it('refuses a web page as not a feed, and returns it with allowHtml=1 for feed discovery', async () => {
    const refused = await getJson(api('/page/page.html'));
    expect(refused.status).toBe(502);
    expect(refused.body).toEqual({ error: 'not_a_feed', message: 'This address returned a web page, not a podcast feed' });
    const page = await appFetch(api('/page/page.html', '&allowHtml=1'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('application/octet-stream');
    expect(page.headers.get('x-upstream-content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('rel="alternate"');
  });

  it('maps upstream failures to 502 with the upstream status', async () => {
    const missing = await getJson(api('/o/status=404/feeds/x.xml'));
    expect(missing.status).toBe(502);
    expect(missing.body.error).toBe('upstream_status');
    expect(missing.body.message).toContain('404');
    expect(missing.headers.get('x-upstream-status')).toBe('404');
    const refused = await getJson(`${server.url}/api/feed?url=${encodeURIComponent(`http://127.0.0.1:${closedPort}/feed`)}`);
    expect(refused.status).toBe(502);
    expect(refused.body.error).toBe('connection_refused');
    // Cut mid-body: the body is streamed as it arrives, so the client sees its stream cut too.
    const dropped = await appFetch(api('/o/drop=70000/big/300000.mp3'));
    expect(dropped.status).toBe(200);
    await expect(dropped.arrayBuffer()).rejects.toThrow();
  });

  it.each([
    ['/gzip', 'bad_encoding', 'could not be decoded'],
    ['/br', 'bad_encoding', 'could not be decoded'],
    ['/zstd', 'bad_encoding', 'encoding the server cannot read (zstd)'],
  ])('answers 502 for a body that does not match its Content-Encoding (%s)', async (path, code, text) => {
    const { status, body } = await getJson(`${server.url}/api/feed?url=${encodeURIComponent(liarOrigin + path)}`);
    expect(status).toBe(502);
    expect(body.error).toBe(code);
    expect(body.message).toContain(text);
  });

  it.each([
    ['', 'missing_url'],
    ['not a url', 'bad_url'],
    ['/feeds/network-show.xml', 'bad_url'],
    ['http://', 'bad_url'],
    ['http://exa mple.com/feed', 'bad_url'],
    [`http://example.com/${'a'.repeat(5000)}`, 'bad_url'],
    ['ftp://example.com/feed.xml', 'unsupported_scheme'],
    ['javascript:alert(1)', 'unsupported_scheme'],
    ['http://user:secret@example.com/feed', 'credentials_in_url'],
  ])('answers 400 for the bad URL %j', async (raw, code) => {
    const { status, body } = await getJson(`${server.url}/api/feed?url=${encodeURIComponent(raw)}`);
    expect(status).toBe(400);
    expect(body.error).toBe(code);
    expect(body.message).toBeTruthy();
  });

  it('answers 400 when the url parameter is absent', async () => {
    const { status, body } = await getJson(`${server.url}/api/feed`);
    expect(status).toBe(400);
    expect(body.error).toBe('missing_url');
  });

  it('sealed by HOPCAST_PROXY_ALLOW, reaches nothing but the listed pairs', async () => {
    const port = fixture.port;
    for (const target of [`http://127.0.0.1:${port + 1}/`, `http://localhost:${port}/feeds/network-show.xml`, `http://[::1]:${port}/`, 'http://93.184.216.34/', 'https://example.com/feed.xml']) {
      const { status, body } = await getJson(`${server.url}/api/feed?url=${encodeURIComponent(target)}`);
      expect(status, target).toBe(403);
      expect(body.error).toBe('not_allowed');
    }
    const redirected = await getJson(api(`/redirect?to=${encodeURIComponent(`http://127.0.0.1:${port + 1}/feed`)}`));
    expect(redirected.status).toBe(403);
    expect(redirected.body.error).toBe('blocked_redirect');
    const toFile = await getJson(api(`/redirect?to=${encodeURIComponent('file:///etc/passwd')}`));
    expect(toFile.body.error).toBe('blocked_redirect');
  });
});

describe('/api/feed limits', () => {
  let small: RunningServer;
  beforeAll(async () => {
    small = await startTestServer({
      HOPCAST_PROXY_ALLOW: `127.0.0.1:${fixture.port}`,
      HOPCAST_FEED_MAX_BYTES: '100000',
      HOPCAST_FEED_TIMEOUT_MS: '700',
    });
  });
  afterAll(() => small.close());
  const at = (path: string) => `${small.url}/api/feed?url=${encodeURIComponent(fixture.origin + path)}`;

  it('accepts a body at the cap, answers 413 past a declared one, and cuts an undeclared or compressed one at the cap', async () => {
    expect((await appFetch(at('/big/100000.mp3'))).status).toBe(200);
    const { status, body } = await getJson(at('/big/100001.mp3'));
    expect(status).toBe(413);
    expect(body.error).toBe('too_large');
    expect(body.message).toContain('97.7 KB');
    // Streamed as decoded, the cap is counted on the way: the stream ends short of a whole body.
    for (const path of ['/o/nolength/big/400000.mp3', '/o/enc=gzip/feeds/bomb.xml']) {
      const res = await appFetch(at(path)).catch(() => null);
      // Cut before the response started, Node's adapter answers 500; after, the body is cut off.
      if (res === null || res.status !== 200) {
        expect(res?.status ?? 500, path).toBe(500);
        continue;
      }
      let got = 0;
      const reader = res.body!.getReader();
      await expect(
        (async () => {
          for (;;) {
            const { value, done } = await reader.read();
            if (done) return;
            got += value.byteLength;
          }
        })(),
        path,
      ).rejects.toThrow();
      expect(got, path).toBeLessThanOrEqual(100_000);
    }
  });

  it('answers 504 when the host is too slow to answer, and cuts a body it is too slow to finish', { timeout: 30_000 }, async () => {
    // The host would answer after 20 s and finish the body after 40 s, so with the 700 ms timeout
    // gone both would arrive whole: the 504 and the cut, not the clock, show the timeout acting.
    const { status, body } = await getJson(at('/o/delay=20000/feeds/network-show.xml'));
    expect(status).toBe(504);
    expect(body.error).toBe('timeout');
    // …and the proxy hung up on the host rather than leaving its request pending.
    await expect.poll(() => lastSeen('/o/delay=20000/')?.aborted, { timeout: 10_000 }).toBe(true);

    const slow = await appFetch(at('/o/nolength,slow=20000/big/99000.mp3'));
    expect(slow.status).toBe(200);
    await expect(slow.arrayBuffer()).rejects.toThrow();
    await expect.poll(() => lastSeen('/o/nolength,slow=20000/')?.aborted, { timeout: 10_000 }).toBe(true);
  });
});

describe('/api/feed and a client that stops reading', () => {
  let idle: RunningServer;
  beforeAll(async () => {
    idle = await startTestServer({ HOPCAST_PROXY_ALLOW: `127.0.0.1:${fixture.port}`, HOPCAST_CLIENT_IDLE_TIMEOUT_MS: '2000', HOPCAST_CLIENT_MIN_BYTES_PER_SECOND: '0' });
  });
  afterAll(() => idle.close());

  it('drops the connection once the client has taken nothing for the idle timeout, and not before', { timeout: 60_000 }, async () => {
    const SIZE = 24_000_000;
    const path = `/big/${SIZE}.mp3`;
    const seenBefore = fixture.log.length;
    const client = net.connect(idle.port, '127.0.0.1');
    client.write(`GET /api/feed?url=${encodeURIComponent(`${fixture.origin}${path}`)} HTTP/1.1\r\nHost: x\r\nSec-Fetch-Site: same-origin\r\n\r\n`);
    let received = 0;
    client.once('data', () => client.pause());
    client.on('data', (d: Buffer) => (received += d.length));
    client.on('error', () => undefined);
    const closed = new Promise<void>((r) => client.on('close', () => r()));

    // A paused socket reads nothing, not even the server hanging up; what shows the server gave up
    // on this client is the upstream request it made for it being dropped, with the body unsent.
    const upstream = () => fixture.log.slice(seenBefore).find((r) => r.url === path);
    await expect.poll(() => upstream()?.aborted, { timeout: 20_000 }).toBe(true);
    client.resume();
    await closed;
    expect(received).toBeLessThan(SIZE);

    // A client that keeps reading, however slowly, gets the whole body: still for 400 ms every
    // 4 MB, a fifth of the 2 s timeout, so a loaded machine has 1.6 s of slack per pause.
    const slow = net.connect(idle.port, '127.0.0.1');
    slow.write(`GET /api/feed?url=${encodeURIComponent(`${fixture.origin}${path}`)} HTTP/1.1\r\nHost: x\r\nSec-Fetch-Site: same-origin\r\nConnection: close\r\n\r\n`);
    let got = 0;
    let pauses = 0;
    let nextPause = 0;
    slow.on('data', (d: Buffer) => {
      got += d.length;
      if (got < nextPause) return;
      nextPause = got + 4_000_000;
      pauses++;
      slow.pause();
      setTimeout(() => slow.resume(), 400);
    });
    await new Promise<void>((r) => slow.on('close', () => r()));
    expect(pauses).toBeGreaterThanOrEqual(5);
    expect(got).toBeGreaterThan(SIZE);
  });
});

describe('fetchFeed (the export the feed CLI uses)', () => {
  it('fetches with the same guard, redirects and conditional GET', async () => {
    const config = { allow: new Set([`127.0.0.1:${fixture.port}`]) };
    const feed = await fetchFeed(`${fixture.origin}/o/enc=br/r/2/feeds/network-show.xml`, { config });
    expect(feed.status).toBe(200);
    expect(Buffer.from(feed.body).toString('utf8')).toBe(feedXml);
    expect(feed.finalUrl).toBe(`${fixture.origin}/o/enc=br/feeds/network-show.xml`);
    expect(feed.headers.get('content-encoding')).toBeNull();
    const again = await fetchFeed(feed.finalUrl, { config, headers: { 'If-None-Match': feed.headers.get('etag')! } });
    expect(again.status).toBe(304);
    expect(again.body.byteLength).toBe(0);
  });

  it('throws ProxyError with status and code', async () => {
    const config = { allow: new Set([`127.0.0.1:${fixture.port}`]) };
    await expect(fetchFeed('http://10.0.0.1/feed', { config })).rejects.toMatchObject({ status: 403, code: 'not_allowed' });
    await expect(fetchFeed('http://10.0.0.1/feed', { config: { allow: null } })).rejects.toMatchObject({ status: 403, code: 'blocked_address' });
    const err = await fetchFeed('nope', { config }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProxyError);
    expect(err).toMatchObject({ status: 400, code: 'bad_url' });
  });
});
