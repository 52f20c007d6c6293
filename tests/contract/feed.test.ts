import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../fixtures/fixture-server';
import { json, SAME_ORIGIN, startTarget, TARGET, type Target } from './target';

let fixture: FixtureServer;
let server: Target;
let feedXml: string;
const api = (path: string, extra = '') => `${server.url}/api/feed?url=${encodeURIComponent(fixture.origin + path)}${extra}`;
const get = (url: string, headers: Record<string, string> = {}) => fetch(url, { headers: { ...SAME_ORIGIN, ...headers } });

beforeAll(async () => {
  fixture = await startFixtureServer();
  server = await startTarget({ HOPCAST_PROXY_ALLOW: `127.0.0.1:${fixture.port}`, HOPCAST_FEED_MAX_BYTES: '2000000' });
  feedXml = await (await fetch(`${fixture.origin}/feeds/network-show.xml`)).text();
});
afterAll(async () => {
  await server?.close();
  await fixture?.close();
});

describe(`feed proxy contract (${TARGET})`, () => {
  it('relays the feed after redirects, in application/xml, with the host type, validators and final URL', async () => {
    const res = await get(api('/r/2/feeds/network-show.xml'));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(feedXml);
    expect(res.headers.get('content-type')).toBe('application/xml');
    expect(res.headers.get('x-upstream-content-type')).toMatch(/rss\+xml/);
    expect(res.headers.get('x-final-url')).toBe(`${fixture.origin}/feeds/network-show.xml`);
    expect(res.headers.get('etag')).toMatch(/^"[0-9a-f]+"$/);
  });

  it('passes conditional GET through: If-None-Match gives 304', async () => {
    const etag = (await get(api('/feeds/network-show.xml'))).headers.get('etag')!;
    const again = await get(api('/feeds/network-show.xml'), { 'If-None-Match': etag });
    expect(again.status).toBe(304);
  });

  it.each(['gzip', 'br'])('decodes a %s body', async (enc) => {
    const res = await get(api(`/o/enc=${enc}/feeds/network-show.xml`));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(feedXml);
  });

  it('refuses a web page as not_a_feed, and with allowHtml=1 sends it as octet-stream', async () => {
    const refused = await get(api('/page/network-show.html'));
    expect(refused.status).toBe(502);
    expect((await json(refused)).error).toBe('not_a_feed');
    const page = await get(api('/page/network-show.html', '&allowHtml=1'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('application/octet-stream');
    expect(page.headers.get('x-upstream-content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('rel="alternate"');
  });

  it('never relays script as script: application/javascript goes out as octet-stream', async () => {
    const res = await get(api('/attack/payload.js'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(res.headers.get('x-upstream-content-type')).toBe('application/javascript');
  });

  it('cuts a gzip bomb at the decoded cap instead of relaying 30 MB', async () => {
    const res = await get(api('/attack/gzip-bomb')).catch(() => null);
    if (res && res.status === 200) {
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
      ).rejects.toThrow();
      expect(got).toBeLessThanOrEqual(2_000_000);
    } else {
      expect(res?.status ?? 500).toBeGreaterThanOrEqual(500);
    }
  });
});
