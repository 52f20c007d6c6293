import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../fixtures/fixture-server';
import { json, SAME_ORIGIN, startTarget, TARGET, type Target } from './target';

let fixture: FixtureServer;
let server: Target;
const get = (p: string, headers: Record<string, string> = SAME_ORIGIN) => fetch(`${server.url}${p}`, { headers });

beforeAll(async () => {
  fixture = await startFixtureServer();
  server = await startTarget({ HOPCAST_PROXY_ALLOW: `127.0.0.1:${fixture.port}`, HOPCAST_APPLE_SEARCH_URL: `${fixture.origin}/apple/search` });
});
afterAll(async () => {
  await server?.close();
  await fixture?.close();
});

describe(`search contract (${TARGET})`, () => {
  it('finds a show in the directory and answers a failed directory with 502 JSON', async () => {
    const found = await get('/api/search?q=fixture%20network');
    expect(found.status).toBe(200);
    expect(((await found.json()) as { results: unknown[] }).results).toEqual([
      expect.objectContaining({ title: 'Fixture Network Show', feedUrl: `${fixture.origin}/feeds/network-show.xml`, source: 'apple' }),
    ]);
    const failed = await get('/api/search?q=__fail');
    expect(failed.status).toBe(502);
    expect((await json(failed)).error).toBe('directory_unavailable');
  });
});

describe(`errors are JSON (${TARGET})`, () => {
  it.each([
    ['/api/feed', 400, 'missing_url'],
    ['/api/feed?url=not%20a%20url', 400, 'bad_url'],
    ['/api/feed?url=ftp%3A%2F%2Fx%2Fy', 400, 'unsupported_scheme'],
    ['/api/audio?url=http%3A%2F%2F10.0.0.1%2Fa.mp3', 403, 'not_allowed'],
    ['/api/search', 400, 'missing_query'],
    ['/api/nothing-here', 404, 'not_found'],
  ])('%s answers %i %s', async (p, status, error) => {
    const res = await get(p);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect((await json(res)).error).toBe(error);
  });
});
