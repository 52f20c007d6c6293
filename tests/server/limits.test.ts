import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../fixtures/fixture-server';
import { RateLimiter, clientKey } from '../../server/proxy/limits';
import { getJson, startTestServer, appFetch } from './helpers';
import type { RunningServer } from '../../server/index';

let fixture: FixtureServer;
beforeAll(async () => {
  fixture = await startFixtureServer();
});
afterAll(() => fixture.close());

describe('per-client rate limit', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer({
      HOPCAST_PROXY_ALLOW: `127.0.0.1:${fixture.port}`,
      HOPCAST_RATE_LIMIT: '3',
      HOPCAST_RATE_WINDOW_SECONDS: '60',
      HOPCAST_TRUST_PROXY: '1',
    });
  });
  afterAll(() => server.close());

  it('answers 429 with Retry-After once a client has used its requests, across proxy routes', async () => {
    const as = { 'X-Forwarded-For': '203.0.113.7' };
    const feed = `${server.url}/api/feed?url=${encodeURIComponent(`${fixture.origin}/feeds/network-show.xml`)}`;
    expect((await appFetch(feed, { headers: as })).status).toBe(200);
    expect((await appFetch(`${server.url}/api/audio?url=${encodeURIComponent(`${fixture.origin}/audio/episode-1.mp3`)}`, { headers: as, method: 'HEAD' })).status).toBe(200);
    expect((await appFetch(`${server.url}/api/feed?url=bad`, { headers: as })).status).toBe(400);
    const limited = await getJson(feed, { headers: as });
    expect(limited.status).toBe(429);
    expect(limited.body.error).toBe('rate_limited');
    // 3 per 60 s refills one every 20 s.
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(19);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(20);
    expect((await getJson(`${server.url}/api/search?q=x`, { headers: as })).status).toBe(429);
    // Another client, and routes that reach nothing upstream, are not held back.
    expect((await appFetch(feed, { headers: { 'X-Forwarded-For': '203.0.113.8' } })).status).toBe(200);
    expect((await appFetch(`${server.url}/api/health`, { headers: as })).status).toBe(200);
  });
});

describe('cap on concurrent upstream fetches', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer({ HOPCAST_PROXY_ALLOW: `127.0.0.1:${fixture.port}`, HOPCAST_MAX_UPSTREAM: '1' });
  });
  afterAll(() => server.close());

  it('answers 429 busy while the cap is used, and frees the slot when a stream is abandoned', { timeout: 30_000 }, async () => {
    const feed = `${server.url}/api/feed?url=${encodeURIComponent(`${fixture.origin}/feeds/network-show.xml`)}`;
    const controller = new AbortController();
    const stream = await appFetch(`${server.url}/api/audio?url=${encodeURIComponent(`${fixture.origin}/o/slow=100/big/50000000.mp3`)}`, {
      signal: controller.signal,
    });
    expect(stream.status).toBe(200);
    const busy = await getJson(feed);
    expect(busy.status).toBe(429);
    expect(busy.body.error).toBe('busy');
    expect(busy.headers.get('retry-after')).toBe('1');

    controller.abort();
    // The stream would go on for minutes (50 MB at 64 KiB per 100 ms): only the abandonment frees the slot.
    await expect.poll(async () => (await appFetch(feed)).status, { timeout: 20_000, interval: 100 }).toBe(200);
  });
});

describe('RateLimiter', () => {
  it('lets a burst of `limit` through, then refills evenly over the window', () => {
    let now = 0;
    const limiter = new RateLimiter(4, 4000, () => now);
    for (let i = 0; i < 4; i++) expect(limiter.take('a').ok).toBe(true);
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterS: 1 });
    now += 999;
    expect(limiter.take('a').ok).toBe(false);
    now += 2;
    expect(limiter.take('a').ok).toBe(true);
    expect(limiter.take('b').ok).toBe(true);
  });

  it('counts an IPv6 /64 as one client', () => {
    expect(clientKey('2001:db8:1:2:aaaa::1')).toBe(clientKey('2001:db8:1:2:bbbb::9'));
    expect(clientKey('2001:db8:1:3::1')).not.toBe(clientKey('2001:db8:1:2::1'));
    expect(clientKey('::ffff:192.0.2.1')).toBe('192.0.2.1');
  });
});
