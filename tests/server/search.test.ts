import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { getJson, startTestServer, appFetch } from './helpers';
import { startFixtureServer } from '../fixtures/fixture-server';
import type { RunningServer } from '../../server/index';

/** Podcast Index is reached only through nock's in-process interceptor; everything else only on 127.0.0.1. */
nock.disableNetConnect();
nock.enableNetConnect((url: string) => {
  try {
    return new URL(url).hostname === '127.0.0.1';
  } catch {
    return /^127\.0\.0\.1(:\d+)?$/.test(url);
  }
});

const PI = 'https://api.podcastindex.org';
const KEY = 'TESTKEY123';
const SECRET = 'test$secret^456';

const APPLE_RESULTS = [
  {
    collectionName: 'The Daily &amp; More',
    artistName: 'The New York Times',
    feedUrl: 'https://feeds.simplecast.com/54nAGcIl',
    artworkUrl600: 'https://is1-ssl.mzstatic.com/image/600x600bb.jpg',
    artworkUrl100: 'https://is1-ssl.mzstatic.com/image/100x100bb.jpg',
    trackCount: 2000,
  },
  { collectionName: 'Only on Apple', artistName: 'Someone', feedUrl: 'http://only.example/feed', artworkUrl100: 'https://img.example/a.jpg', trackCount: 3 },
  { collectionName: 'No feed URL', artistName: 'Hidden' },
  { collectionName: 'Script feed', feedUrl: 'javascript:alert(1)' },
  'not an object',
];

const PI_FEEDS = [
  {
    id: 1,
    title: 'The Daily',
    author: '',
    ownerName: 'NYT',
    url: 'http://FEEDS.simplecast.com/54nAGcIl/',
    image: 'https://pi.example/daily.jpg',
    artwork: '',
    description: '<p>This is what the news should sound like.</p>',
    episodeCount: 1999,
  },
  { id: 2, title: 'Index Only', author: 'Indie', url: 'https://indie.example/rss', artwork: 'https://pi.example/indie.png', description: 'Indie show', episodeCount: '12' },
];

let apple: http.Server;
let appleUrl: string;
const appleSeen: URL[] = [];

beforeAll(async () => {
  apple = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    appleSeen.push(url);
    const term = url.searchParams.get('term');
    if (term === 'fail') return void res.writeHead(500).end('oops');
    if (term === 'junk') return void res.writeHead(200, { 'content-type': 'text/javascript' }).end('<html>');
    // Never answers: only the server's own timeout can end this search.
    if (term === 'slow') return;
    res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(JSON.stringify({ resultCount: APPLE_RESULTS.length, results: APPLE_RESULTS }));
  });
  await new Promise<void>((r) => apple.listen(0, '127.0.0.1', r));
  appleUrl = `http://127.0.0.1:${(apple.address() as AddressInfo).port}/search`;
});
afterAll(async () => {
  apple.closeAllConnections();
  await new Promise((r) => apple.close(r));
  nock.cleanAll();
  nock.enableNetConnect();
});
afterEach(() => nock.cleanAll());

describe('/api/search without Podcast Index keys (Apple only)', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer({ HOPCAST_APPLE_SEARCH_URL: appleUrl, HOPCAST_SEARCH_TIMEOUT_MS: '500' });
  });
  afterAll(() => server.close());

  it('maps Apple results, dropping ones without a usable feed URL, and never asks Podcast Index', async () => {
    const pi = nock(PI).get(/.*/).reply(200, { feeds: [] });
    const { status, body } = await getJson(`${server.url}/api/search?q=${encodeURIComponent('the daily')}`);
    expect(status).toBe(200);
    expect(body).toEqual({
      results: [
        {
          title: 'The Daily & More',
          author: 'The New York Times',
          feedUrl: 'https://feeds.simplecast.com/54nAGcIl',
          image: 'https://is1-ssl.mzstatic.com/image/600x600bb.jpg',
          description: '',
          episodeCount: 2000,
          source: 'apple',
        },
        { title: 'Only on Apple', author: 'Someone', feedUrl: 'http://only.example/feed', image: 'https://img.example/a.jpg', description: '', episodeCount: 3, source: 'apple' },
      ],
    });
    const asked = appleSeen.at(-1)!;
    expect(asked.searchParams.get('media')).toBe('podcast');
    expect(asked.searchParams.get('term')).toBe('the daily');
    expect(pi.isDone()).toBe(false);
  });

  it.each([
    ['fail', 'Apple Podcasts answered 500'],
    ['junk', 'Apple Podcasts sent a reply that is not JSON'],
    ['slow', 'Apple Podcasts did not answer in time'],
  ])('answers 502 with a message when Apple fails (%s)', async (term, message) => {
    const { status, body } = await getJson(`${server.url}/api/search?q=${term}`);
    expect(status).toBe(502);
    expect(body.error).toBe('directory_unavailable');
    expect(body.message).toBe(`Directory search is unavailable right now: ${message}`);
  });

  it('answers 400 for a missing or oversized query', async () => {
    expect((await getJson(`${server.url}/api/search?q=%20`)).body.error).toBe('missing_query');
    expect((await getJson(`${server.url}/api/search?q=${'x'.repeat(201)}`)).status).toBe(400);
  });
});

describe('/api/search with Podcast Index keys', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer({
      HOPCAST_APPLE_SEARCH_URL: appleUrl,
      HOPCAST_SEARCH_TIMEOUT_MS: '500',
      PODCASTINDEX_API_KEY: KEY,
      PODCASTINDEX_API_SECRET: SECRET,
    });
  });
  afterAll(() => server.close());

  it('signs the Podcast Index request the way the real API requires', async () => {
    let headers: Record<string, string | string[] | undefined> = {};
    let query: Record<string, string> = {};
    nock(PI)
      .get('/api/1.0/search/byterm')
      .query((q) => ((query = q as Record<string, string>), true))
      .reply(function () {
        headers = this.req.headers;
        return [200, { status: 'true', feeds: PI_FEEDS, count: 2 }];
      });
    const res = await appFetch(`${server.url}/api/search?q=daily`);
    expect(res.status).toBe(200);
    expect(await res.text()).not.toContain(SECRET);
    expect(query.q).toBe('daily');
    expect(headers['x-auth-key']).toBe(KEY);
    const date = String(headers['x-auth-date']);
    expect(Math.abs(Number(date) - Date.now() / 1000)).toBeLessThan(60);
    expect(headers.authorization).toBe(
      createHash('sha1')
        .update(KEY + SECRET + date)
        .digest('hex'),
    );
    expect(headers['user-agent']).toMatch(/^Hopcast\//);
  });

  it('merges both directories, Podcast Index first, one entry per feed URL', async () => {
    nock(PI).get('/api/1.0/search/byterm').query(true).reply(200, { status: 'true', feeds: PI_FEEDS });
    const { status, body } = await getJson(`${server.url}/api/search?q=daily`);
    expect(status).toBe(200);
    const results = body.results as Array<Record<string, unknown>>;
    expect(results.map((r) => [r.title, r.source])).toEqual([
      ['The Daily', 'podcastindex'],
      ['Index Only', 'podcastindex'],
      ['Only on Apple', 'apple'],
    ]);
    expect(results[0]).toEqual({
      title: 'The Daily',
      author: 'NYT',
      feedUrl: 'http://feeds.simplecast.com/54nAGcIl/',
      image: 'https://pi.example/daily.jpg',
      description: 'This is what the news should sound like.',
      episodeCount: 1999,
      source: 'podcastindex',
    });
    expect(results[1].episodeCount).toBe(12);
    expect(body.unavailable).toBeUndefined();
  });

  it('still answers with Apple results when Podcast Index fails, naming it unavailable', async () => {
    nock(PI).get('/api/1.0/search/byterm').query(true).reply(500, { status: 'false', description: 'boom' });
    const { status, body } = await getJson(`${server.url}/api/search?q=daily`);
    expect(status).toBe(200);
    expect((body.results as unknown[]).length).toBe(2);
    expect(body.unavailable).toEqual(['podcastindex']);
  });

  it('answers 502 naming both when neither directory answers', async () => {
    nock(PI).get('/api/1.0/search/byterm').query(true).reply(401, { status: 'false', description: 'bad key' });
    const { status, body } = await getJson(`${server.url}/api/search?q=fail`);
    expect(status).toBe(502);
    expect(body.message).toBe("Directory search is unavailable right now: Podcast Index refused the server's API key (401); Apple Podcasts answered 500");
  });

  it('gives up on a Podcast Index that does not answer in time', { timeout: 30_000 }, async () => {
    // It would answer after a minute: an answer within the test's time is the 500 ms timeout acting.
    nock(PI).get('/api/1.0/search/byterm').query(true).delay(60_000).reply(200, { feeds: PI_FEEDS });
    const { body } = await getJson(`${server.url}/api/search?q=daily`);
    expect(body.unavailable).toEqual(['podcastindex']);
  });
});

describe('the fixture server as Apple stand-in (what the e2e stack points HOPCAST_APPLE_SEARCH_URL at)', () => {
  it('finds the served feeds by title and fails on demand', async () => {
    const fixture = await startFixtureServer();
    const server = await startTestServer({ HOPCAST_APPLE_SEARCH_URL: `${fixture.origin}/apple/search` });
    try {
      const found = await getJson(`${server.url}/api/search?q=fixture%20network`);
      expect(found.body.results).toEqual([expect.objectContaining({ title: 'Fixture Network Show', feedUrl: `${fixture.origin}/feeds/network-show.xml`, source: 'apple' })]);
      expect((await getJson(`${server.url}/api/search?q=__fail`)).status).toBe(502);
    } finally {
      await server.close();
      await fixture.close();
    }
  });
});
