import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { FakeNet, feedXml, freshDb, parseInThread } from './helpers';

/**
 * Following a show end to end below the UI: the Add box (add-podcast), subscribe and ingest write
 * the real stores (fake-indexeddb); the server's feed proxy and directory search are a fetch stub.
 */
vi.mock('../../../src/workers/feed-bridge', () => ({ parseFeedOffThread: parseInThread }));

const FEED = 'https://feeds.example/show.xml';
const T0 = Date.UTC(2026, 5, 1, 12);

let net: FakeNet;
async function load() {
  vi.resetModules();
  await freshDb();
  return {
    add: await import('../../../src/state/add-podcast'),
    subscribe: await import('../../../src/state/subscribe'),
    ingest: await import('../../../src/state/ingest'),
    errors: await import('../../../src/state/errors'),
    library: await import('../../../src/state/library'),
    podcasts: await import('../../../src/db/podcasts'),
    episodes: await import('../../../src/db/episodes'),
  };
}
let s: Awaited<ReturnType<typeof load>>;

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
  net = new FakeNet();
  vi.stubGlobal('fetch', net.fetch);
  s = await load();
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

/** The failure a promise rejects with (its module instance is this test's, so compare by shape). */
async function failure(p: Promise<unknown>): Promise<Error & { code?: string; kind?: string; upstreamStatus?: number | null }> {
  try {
    await p;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a rejection');
}

describe('subscribe', () => {
  test('a feed becomes one show row and one episode row per item, at the end of the grid', async () => {
    net.feeds.set(FEED, {
      feed: feedXml('Show A', [
        { guid: 'a1', day: 1 },
        { guid: 'a2', day: 2 },
      ]),
      etag: '"a"',
    });
    const { podcast, existed } = await s.subscribe.subscribe(FEED);
    expect(existed).toBe(false);
    expect(podcast).toMatchObject({ id: FEED, feedUrl: FEED, title: 'Show A', author: 'Host of Show A', order: 0, newCount: 0, subscribedAt: T0, lastRefreshAt: T0, etag: '"a"', lastError: null });
    expect(await s.podcasts.getPodcast(FEED)).toEqual(podcast);
    const eps = await s.episodes.listEpisodesByPodcast(FEED, 'newest');
    expect(eps.map((e) => [e.id, e.guid, e.played, e.enclosure?.url])).toEqual([
      [`${FEED}\u0000a2`, 'a2', 0, 'https://cdn.example/a2.mp3'],
      [`${FEED}\u0000a1`, 'a1', 0, 'https://cdn.example/a1.mp3'],
    ]);
    // The Library sees it without a reload.
    expect(s.library.podcasts.value.map((p) => p.id)).toEqual([FEED]);

    const second = 'https://feeds.example/other.xml';
    net.feeds.set(second, { feed: feedXml('Show B', [{ guid: 'b1' }]) });
    expect((await s.subscribe.subscribe(second)).podcast.order).toBe(1);
  });

  test('subscribing again (the same address, typed with a feed: scheme, or twice at once) fetches once', async () => {
    net.feeds.set(FEED, { feed: feedXml('Show A', [{ guid: 'a1' }]) });
    const [a, b] = await Promise.all([s.subscribe.subscribe(FEED), s.subscribe.subscribe(` ${FEED} `)]);
    expect(a).toEqual(b);
    expect(net.calls).toEqual([FEED]);
    const again = await s.subscribe.subscribe('feed://feeds.example/show.xml');
    expect(again).toMatchObject({ existed: true, podcast: { id: FEED } });
    expect(net.calls).toEqual([FEED]);
    expect(await s.podcasts.listPodcasts()).toHaveLength(1);
    expect(await s.episodes.countEpisodesByPodcast(FEED)).toBe(1);
  });

  test('the same show under another address (same title and author) is not followed twice', async () => {
    net.feeds.set(FEED, { feed: feedXml('Show A', [{ guid: 'a1' }]) });
    await s.subscribe.subscribe(FEED);
    const alias = 'https://old-host.example/rss';
    net.feeds.set(alias, { feed: feedXml('Show A', [{ guid: 'a1' }, { guid: 'a0' }]) });
    expect(await s.subscribe.subscribe(alias)).toMatchObject({ existed: true, podcast: { id: FEED } });
    expect(await s.podcasts.getPodcast(alias)).toBeUndefined();
    expect(await s.episodes.countEpisodes()).toBe(1);
  });

  test('a web page address follows the feed the page links', async () => {
    const page = 'https://show.example/';
    net.feeds.set(page, { feed: '<!doctype html><html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body>Hi</body></html>', contentType: 'text/html' });
    // No author: only the address can tell it is the show already followed.
    net.feeds.set('https://show.example/feed.xml', { feed: feedXml('Show P', [{ guid: 'p1' }]).replace(/<itunes:author>.*?<\/itunes:author>/, '') });
    const { podcast } = await s.subscribe.subscribe(page);
    expect(podcast.feedUrl).toBe('https://show.example/feed.xml');
    expect(net.calls).toEqual([page, 'https://show.example/feed.xml']);
    // The page again: the feed it links is already followed, nothing new is stored.
    expect(await s.subscribe.subscribe(page)).toMatchObject({ existed: true, podcast: { id: 'https://show.example/feed.xml' } });
    expect(await s.podcasts.listPodcasts()).toHaveLength(1);
  });

  test('a feed that says it moved (itunes:new-feed-url) is stored under the new address once that answers', async () => {
    const moved = 'https://new-host.example/feed';
    net.feeds.set(FEED, { feed: feedXml('Show A', [{ guid: 'a1' }], `<itunes:new-feed-url>${moved}</itunes:new-feed-url>`) });
    net.feeds.set(moved, { feed: feedXml('Show A', [{ guid: 'a1' }, { guid: 'a2', day: 3 }]) });
    const { podcast } = await s.subscribe.subscribe(FEED);
    expect(podcast).toMatchObject({ id: FEED, feedUrl: moved });
    expect(await s.episodes.countEpisodesByPodcast(FEED)).toBe(2);
  });

  test('a move to an address that does not answer keeps the old address and its copy', async () => {
    net.feeds.set(FEED, { feed: feedXml('Show A', [{ guid: 'a1' }], '<itunes:new-feed-url>https://dead.example/feed</itunes:new-feed-url>') });
    const { podcast } = await s.subscribe.subscribe(FEED);
    expect(podcast.feedUrl).toBe(FEED);
    expect(net.calls).toEqual([FEED, 'https://dead.example/feed']);
    expect(await s.episodes.countEpisodesByPodcast(FEED)).toBe(1);
  });
});

describe('a feed that cannot be followed: the kind of failure, and nothing stored', () => {
  afterEach(async () => {
    expect(await s.podcasts.listPodcasts()).toEqual([]);
    expect(await s.episodes.countEpisodes()).toBe(0);
    expect(s.library.podcasts.value).toEqual([]);
  });

  test('an address that is not http(s) is refused before any fetch', async () => {
    const err = await failure(s.subscribe.subscribe('ftp://feeds.example/show.xml'));
    expect(err).toBeInstanceOf(s.subscribe.SubscribeError);
    expect(err.message).toBe('Only http and https addresses can be subscribed to');
    expect(net.calls).toEqual([]);
  });

  test('a feed whose host answers 404 is "gone"', async () => {
    const err = await failure(s.subscribe.subscribe(FEED));
    expect(err).toMatchObject({ name: 'HttpError', status: 502, code: 'upstream_status', upstreamStatus: 404 });
    expect(s.errors.isFeedGone(err)).toBe(true);
    expect(s.errors.describeFeedError(err)).toBe('The feed is gone: its host answered 404');
  });

  test('a web page that links no feed', async () => {
    net.feeds.set(FEED, { feed: '<!doctype html><html><body>No feed here</body></html>', contentType: 'text/html' });
    const err = await failure(s.subscribe.subscribe(FEED));
    expect(err).toMatchObject({ name: 'HttpError', code: 'no_feed_link' });
    expect(s.errors.humanizeError(err).sentence).toBe('That web page does not link a podcast feed. Paste the feed URL itself.');
  });

  test('an answer that is not a feed, and an empty one, are FeedErrors of their kind', async () => {
    net.feeds.set(FEED, { feed: '{"hello": "json"}', contentType: 'application/json' });
    expect(await failure(s.subscribe.subscribe(FEED))).toMatchObject({ name: 'FeedError', kind: 'json' });
    net.feeds.set(FEED, { feed: '' });
    const empty = await failure(s.subscribe.subscribe(FEED));
    expect(empty).toMatchObject({ name: 'FeedError', kind: 'empty' });
    expect(s.errors.humanizeError(empty).sentence).toBe('That address didn’t give a podcast feed Hopcast can read.');
  });

  test('the server cannot be reached', async () => {
    net.feeds.set(FEED, { throws: true });
    expect(await failure(s.subscribe.subscribe(FEED))).toMatchObject({ name: 'HttpError', status: 0, code: 'network' });
  });
});

describe('the Add box', () => {
  test('words are looked up in the directories, not fetched as an address', async () => {
    net.directory = [{ title: 'Show A', feedUrl: FEED, author: 'Host' }];
    const outcome = await s.add.addFromInput('  show   a ');
    expect(outcome).toMatchObject({ kind: 'found', query: 'show a', results: [{ title: 'Show A', feedUrl: FEED }] });
    expect(net.calls).toEqual(['search:show a']);
  });

  test('a directory that does not answer is a SubscribeError that suggests pasting the feed', async () => {
    net.directory = 'down';
    const err = await failure(s.add.addFromInput('show a'));
    expect(err).toBeInstanceOf(s.subscribe.SubscribeError);
    expect(err.message).toContain('The podcast directories did not answer');
    expect(err.message).toContain('paste the show’s feed address');
  });

  test('an address without a scheme tries https, then plain http when the secure connection failed', async () => {
    net.feeds.set('https://feeds.example/show.xml', { error: 'tls_error', status: 502, message: 'TLS handshake failed' });
    net.feeds.set('http://feeds.example/show.xml', { feed: feedXml('Show A', [{ guid: 'a1' }]) });
    const outcome = await s.add.addFromInput('feeds.example/show.xml');
    expect(outcome).toMatchObject({ kind: 'subscribed', result: { existed: false, podcast: { id: 'http://feeds.example/show.xml' } } });
    expect(net.calls).toEqual(['https://feeds.example/show.xml', 'http://feeds.example/show.xml']);
  });

  test('https answering with an error of its own (not a connection failure) is not retried over http', async () => {
    const err = await failure(s.add.addFromInput('feeds.example/show.xml'));
    expect(err).toMatchObject({ name: 'HttpError', upstreamStatus: 404 });
    expect(net.calls).toEqual(['https://feeds.example/show.xml']);
  });

  test('both failing: the https failure is the one reported', async () => {
    net.feeds.set('https://feeds.example/show.xml', { error: 'connection_refused', status: 502, message: 'Connection refused' });
    net.feeds.set('http://feeds.example/show.xml', { error: 'connection_refused', status: 502, message: 'Refused over http too' });
    expect((await failure(s.add.addFromInput('feeds.example/show.xml'))).message).toBe('Connection refused');
    // A typed scheme is taken at its word: one try.
    net.calls.length = 0;
    await failure(s.add.addFromInput('https://feeds.example/show.xml'));
    expect(net.calls).toEqual(['https://feeds.example/show.xml']);
  });

  test('nothing typed is refused with a hint', async () => {
    const err = await failure(s.add.addFromInput('   '));
    expect(err).toBeInstanceOf(s.subscribe.SubscribeError);
    expect(net.calls).toEqual([]);
  });
});

describe('ingest on refresh', () => {
  test('only new items are added; an edited one is updated and keeps its played mark', async () => {
    net.feeds.set(FEED, {
      feed: feedXml('Show A', [
        { guid: 'a1', day: 1 },
        { guid: 'a2', day: 2 },
      ]),
    });
    const { podcast } = await s.subscribe.subscribe(FEED);
    const { setPlayed } = await import('../../../src/db/play-state');
    await setPlayed([`${FEED}\u0000a1`], true);

    const { fetchFeed } = await import('../../../src/api/feed-client');
    net.feeds.set(FEED, {
      feed: feedXml('Show A', [
        { guid: 'a1', title: 'a1 (edited)', day: 1 },
        { guid: 'a2', day: 2 },
        { guid: 'a3', day: 3 },
      ]),
    });
    const fetched = await fetchFeed(FEED);
    if (fetched.status !== 200) throw new Error('expected a 200');
    const result = await s.ingest.ingestFeed(FEED, FEED, podcast, fetched);
    expect(result).toMatchObject({ added: 1, changed: 1 });
    expect(result.podcast.newCount).toBe(1);
    const a1 = await s.episodes.getEpisode(`${FEED}\u0000a1`);
    expect(a1).toMatchObject({ title: 'a1 (edited)', played: 1 });
    expect(await s.episodes.countEpisodesByPodcast(FEED)).toBe(3);
  });

  test('a feed the caller refuses (a default show’s identity check) stores nothing', async () => {
    net.feeds.set(FEED, { feed: feedXml('Impostor', [{ guid: 'x' }]) });
    const { fetchFeed } = await import('../../../src/api/feed-client');
    const fetched = await fetchFeed(FEED);
    if (fetched.status !== 200) throw new Error('expected a 200');
    const accept = (feed: { title: string }) => (feed.title === 'Show A' ? null : `This is “${feed.title}”, not Show A`);
    const err = await failure(s.ingest.ingestFeed(FEED, FEED, undefined, fetched, { accept }));
    expect(err).toBeInstanceOf(s.ingest.FeedRefused);
    expect(err.message).toBe('This is “Impostor”, not Show A');
    expect(await s.podcasts.listPodcasts()).toEqual([]);
  });
});
