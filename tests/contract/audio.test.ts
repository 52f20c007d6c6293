import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AUDIO_DIR, startFixtureServer, type FixtureServer } from '../fixtures/fixture-server';
import { json, SAME_ORIGIN, startTarget, TARGET, type Target } from './target';

let fixture: FixtureServer;
let server: Target;
let file: Buffer;
const api = (p: string) => `${server.url}/api/audio?url=${encodeURIComponent(fixture.origin + p)}`;
const get = (url: string, init: RequestInit = {}) => fetch(url, { ...init, headers: { ...SAME_ORIGIN, ...(init.headers as Record<string, string>) } });

beforeAll(async () => {
  fixture = await startFixtureServer();
  server = await startTarget({ HOPCAST_PROXY_ALLOW: `127.0.0.1:${fixture.port}` });
  file = readFileSync(path.join(AUDIO_DIR, 'episode-1.mp3'));
});
afterAll(async () => {
  await server?.close();
  await fixture?.close();
});

describe(`audio proxy contract (${TARGET})`, () => {
  it('streams the whole file with its length and the bare audio type', async () => {
    const res = await get(api('/audio/episode-1.mp3'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('audio/mpeg');
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(Buffer.from(await res.arrayBuffer()).equals(file)).toBe(true);
  });

  it('passes Range through: 206 with Content-Range, and 416 past the end', async () => {
    const part = await get(api('/audio/episode-1.mp3'), { headers: { Range: 'bytes=100-199' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-199/${file.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(file.subarray(100, 200))).toBe(true);
    const past = await get(api('/audio/episode-1.mp3'), { headers: { Range: `bytes=${file.length + 10}-` } });
    expect(past.status).toBe(416);
  });

  it('answers HEAD with the headers and no body', async () => {
    const res = await get(api('/audio/episode-1.mp3'), { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe(String(file.length));
  });

  it.each([
    ['/attack/audio-html', 'application/octet-stream'],
    ['/attack/svg', 'application/octet-stream'],
  ])('sends %s as %s, never as a type a browser renders', async (p, type) => {
    const res = await get(api(p));
    expect(res.headers.get('content-type')).toBe(type);
    await res.arrayBuffer();
  });

  it('maps an upstream 404 to 502 JSON naming the status', async () => {
    const res = await get(api('/o/status=404/audio/episode-1.mp3'));
    expect(res.status).toBe(502);
    const body = await json(res);
    expect(body.error).toBe('upstream_status');
    expect(res.headers.get('x-upstream-status')).toBe('404');
  });
});
