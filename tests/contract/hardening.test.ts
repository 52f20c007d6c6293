import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../fixtures/fixture-server';
import { json, SAME_ORIGIN, startTarget, TARGET, type Target } from './target';

let fixture: FixtureServer;
let server: Target;
const feed = () => `${server.url}/api/feed?url=${encodeURIComponent(`${fixture.origin}/feeds/network-show.xml`)}`;

beforeAll(async () => {
  fixture = await startFixtureServer();
  server = await startTarget({
    HOPCAST_PROXY_ALLOW: `127.0.0.1:${fixture.port}`,
    HOPCAST_ALLOW_ORIGINS: 'https://friend.example',
    HOPCAST_CLIENT_MAX_STREAMS: '2',
  });
});
afterAll(async () => {
  await server?.close();
  await fixture?.close();
});

describe(`hardening contract (${TARGET})`, () => {
  it('puts a sandbox CSP and nosniff on every /api response, success or error, gated or not', async () => {
    for (const [p, headers] of [
      [`/api/feed?url=${encodeURIComponent(`${fixture.origin}/feeds/network-show.xml`)}`, SAME_ORIGIN],
      ['/api/feed?url=x', SAME_ORIGIN],
      ['/api/feed?url=x', {}],
      ['/api/health', {}],
      ['/api/2/devices/alice.json', {}],
    ] as const) {
      const res = await fetch(`${server.url}${p}`, { headers });
      expect(res.headers.get('content-security-policy'), p).toMatch(/(^|; )sandbox(;|$)/);
      expect(res.headers.get('content-security-policy'), p).toContain("default-src 'none'");
      expect(res.headers.get('x-content-type-options'), p).toBe('nosniff');
      await res.arrayBuffer();
    }
  });

  it('is not an open relay: only the app itself, its own Origin or a listed one get through', async () => {
    const asked = () => fixture.log.filter((r) => r.url.includes('network-show.xml')).length;
    const before = asked();
    const status = async (headers: Record<string, string>) => {
      const res = await fetch(feed(), { headers });
      await res.arrayBuffer();
      return res.status;
    };
    expect(await status({})).toBe(403);
    expect(await status({ 'Sec-Fetch-Site': 'cross-site' })).toBe(403);
    expect(await status({ 'Sec-Fetch-Site': 'same-site' })).toBe(403);
    expect(await status({ 'Sec-Fetch-Site': 'cross-site', Origin: 'https://evil.example' })).toBe(403);
    expect(await status({ 'Sec-Fetch-Site': 'same-origin' })).toBe(200);
    expect(await status({ 'Sec-Fetch-Site': 'none' })).toBe(200);
    expect(await status({ Origin: server.url })).toBe(200);
    expect(await status({ 'Sec-Fetch-Site': 'cross-site', Origin: 'https://friend.example' })).toBe(200);
    // Every upstream-reaching route has the gate, the directory ones included.
    for (const p of ['/api/audio?url=x', '/api/search?q=x', '/api/lookup?id=370842767']) {
      const res = await fetch(`${server.url}${p}`, { headers: { 'Sec-Fetch-Site': 'cross-site' } });
      expect(res.status, p).toBe(403);
      expect((await json(res)).error, p).toBe('cross_origin');
    }
    const refused = await fetch(feed(), { headers: { 'Sec-Fetch-Site': 'cross-site' } });
    expect(await json(refused)).toEqual({ error: 'cross_origin', message: expect.stringContaining('not open to other sites') });
    // The upstream never heard of the refused ones.
    expect(asked() - before).toBe(4);
  });

  it('answers a listed origin with CORS, preflight included', async () => {
    const pre = await fetch(feed(), { method: 'OPTIONS', headers: { Origin: 'https://friend.example', 'Access-Control-Request-Method': 'GET' } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('https://friend.example');
    expect(pre.headers.get('access-control-allow-headers')).toMatch(/If-None-Match/);
  });

  it('leaves routes outside the gated list (the sync API under /api/2/) to their own auth', async () => {
    // No Origin, no Fetch Metadata, as AntennaPod sends it: the sync API's own answer (sync is off
    // here; on workerd it is not available), never the gate's 403.
    const res = await fetch(`${server.url}/api/2/devices/alice.json`);
    expect(res.status).toBe(404);
    expect((await json(res)).error).toBe(TARGET === 'node' ? 'sync_disabled' : 'sync_unavailable');
  });

  it('caps one client at HOPCAST_CLIENT_MAX_STREAMS upstream streams, and frees the slot when one ends', { timeout: 30_000 }, async () => {
    const trickle = `${server.url}/api/audio?url=${encodeURIComponent(`${fixture.origin}/attack/trickle?ms=200`)}`;
    const open = [new AbortController(), new AbortController()];
    const streams = await Promise.all(open.map((c) => fetch(trickle, { headers: SAME_ORIGIN, signal: c.signal })));
    expect(streams.map((s) => s.status)).toEqual([200, 200]);
    const third = await fetch(trickle, { headers: SAME_ORIGIN });
    expect(third.status).toBe(429);
    expect((await json(third)).error).toBe('too_many_streams');
    open[0].abort();
    await expect
      .poll(
        async () => {
          const res = await fetch(feed(), { headers: SAME_ORIGIN });
          await res.arrayBuffer();
          return res.status;
        },
        { timeout: 10_000 },
      )
      .toBe(200);
    open[1].abort();
  });
});
