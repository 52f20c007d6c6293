import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { getJson, startTestServer } from './helpers';
import type { RunningServer } from '../../server/index';

/** An Apple lookup API stand-in on 127.0.0.1: answers by id the way itunes.apple.com/lookup does. */
const SHOWS: Record<string, unknown> = {
  '370842767': {
    wrapperType: 'track',
    kind: 'podcast',
    collectionId: 370842767,
    collectionName: 'Heavy Networking',
    artistName: 'Packet Pushers',
    feedUrl: 'https://feeds.packetpushers.net/PacketPushersWeeklyPodcast/',
    artworkUrl600: 'https://is1-ssl.mzstatic.com/hn/600x600bb.jpg',
    trackCount: 300,
  },
  '999': { collectionName: 'No feed', artistName: 'x' },
};
const impostor = { wrapperType: 'track', kind: 'podcast', collectionId: 1, collectionName: 'Heavy Networking', artistName: 'Packet Pushers', feedUrl: 'https://impostor.example/hn.xml' };
/** Answers that list a show under another id: first alone, then ahead of the one asked for. */
const LISTS: Record<string, unknown[]> = {
  '777': [impostor],
  '778': [impostor, { ...(SHOWS['370842767'] as object), collectionId: 778 }],
};

let apple: http.Server;
let lookupUrl: string;
const seen: URL[] = [];

beforeAll(async () => {
  apple = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    seen.push(url);
    const id = url.searchParams.get('id') ?? '';
    if (id === '500') return void res.writeHead(500).end('oops');
    if (id === '501') return void res.writeHead(200, { 'content-type': 'text/javascript' }).end('<html>');
    // Never answers: only the server's own timeout can end this lookup.
    if (id === '502') return;
    const show = SHOWS[id];
    const results = LISTS[id] ?? (show ? [show] : []);
    res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(JSON.stringify({ resultCount: results.length, results }));
  });
  await new Promise<void>((r) => apple.listen(0, '127.0.0.1', r));
  lookupUrl = `http://127.0.0.1:${(apple.address() as AddressInfo).port}/lookup`;
});
afterAll(async () => {
  apple.closeAllConnections();
  await new Promise((r) => apple.close(r));
});

describe('/api/lookup?id=', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer({ HOPCAST_APPLE_LOOKUP_URL: lookupUrl, HOPCAST_SEARCH_TIMEOUT_MS: '500' });
  });
  afterAll(() => server.close());

  it('answers the show behind an Apple id in the /api/search shape', async () => {
    const { status, body, headers } = await getJson(`${server.url}/api/lookup?id=370842767`);
    expect(status).toBe(200);
    expect(body).toEqual({
      results: [
        {
          title: 'Heavy Networking',
          author: 'Packet Pushers',
          feedUrl: 'https://feeds.packetpushers.net/PacketPushersWeeklyPodcast/',
          image: 'https://is1-ssl.mzstatic.com/hn/600x600bb.jpg',
          description: '',
          episodeCount: 300,
          source: 'apple',
        },
      ],
    });
    expect(headers.get('cache-control')).toContain('max-age=300');
    const asked = seen.at(-1)!;
    expect(asked.pathname).toBe('/lookup');
    expect(asked.searchParams.get('id')).toBe('370842767');
    expect(asked.searchParams.get('entity')).toBe('podcast');
  });

  it('answers 404 not_found for an id Apple does not know, or one without a usable feed', async () => {
    for (const id of ['123', '999']) {
      const { status, body } = await getJson(`${server.url}/api/lookup?id=${id}`);
      expect(status).toBe(404);
      expect(body).toEqual({ error: 'not_found', message: `Apple Podcasts lists no show with the id ${id}` });
    }
  });

  it.each([
    ['500', 'Apple Podcasts answered 500'],
    ['501', 'Apple Podcasts sent a reply that is not JSON'],
    ['502', 'Apple Podcasts did not answer in time'],
  ])('answers 502 with a message when Apple fails (id %s)', async (id, message) => {
    const { status, body } = await getJson(`${server.url}/api/lookup?id=${id}`);
    expect(status).toBe(502);
    expect(body).toEqual({ error: 'directory_unavailable', message: `Directory lookup is unavailable right now: ${message}` });
  });

  it('takes only the show listed under the id asked for, never another the answer carries', async () => {
    const alone = await getJson(`${server.url}/api/lookup?id=777`);
    expect(alone.status).toBe(404);
    expect(alone.body.error).toBe('not_found');
    const second = await getJson(`${server.url}/api/lookup?id=778`);
    expect(second.status).toBe(200);
    expect((second.body.results as Array<{ feedUrl: string }>).map((r) => r.feedUrl)).toEqual(['https://feeds.packetpushers.net/PacketPushersWeeklyPodcast/']);
  });

  it('reads an id written with leading zeros as the same id', async () => {
    const { status, body } = await getJson(`${server.url}/api/lookup?id=000370842767`);
    expect(status).toBe(200);
    expect((body.results as Array<{ title: string }>)[0]?.title).toBe('Heavy Networking');
  });

  it('refuses a missing or malformed id before asking Apple', async () => {
    const before = seen.length;
    expect((await getJson(`${server.url}/api/lookup`)).body.error).toBe('missing_id');
    expect((await getJson(`${server.url}/api/lookup?id=%20`)).body.error).toBe('missing_id');
    for (const id of ['abc', '12a', '1'.repeat(16), '../search?term=x', '-5']) {
      const { status, body } = await getJson(`${server.url}/api/lookup?id=${encodeURIComponent(id)}`);
      expect(status).toBe(400);
      expect(body.error).toBe('bad_id');
    }
    expect(seen.length).toBe(before);
  });
});

describe('/api/lookup shares the directory limits', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer({ HOPCAST_APPLE_LOOKUP_URL: lookupUrl, HOPCAST_RATE_LIMIT: '2', HOPCAST_TRUST_PROXY: '1' });
  });
  afterAll(() => server.close());

  it('answers 429 rate_limited once a client has used its requests, counted with /api/search', async () => {
    const as = { 'X-Forwarded-For': '203.0.113.9' };
    expect((await getJson(`${server.url}/api/lookup?id=370842767`, { headers: as })).status).toBe(200);
    expect((await getJson(`${server.url}/api/lookup?id=370842767`, { headers: as })).status).toBe(200);
    const limited = await getJson(`${server.url}/api/lookup?id=370842767`, { headers: as });
    expect(limited.status).toBe(429);
    expect(limited.body.error).toBe('rate_limited');
    expect((await getJson(`${server.url}/api/search?q=x`, { headers: as })).status).toBe(429);
  });
});
