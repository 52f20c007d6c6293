import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { FakeNet, feedXml, freshDb, parseInThread, type Item } from './helpers';

/**
 * Refreshing shows against the real stores (fake-indexeddb), a pretend proxy (a fetch stub) and a
 * fake wall clock (Date only: fake-indexeddb schedules on the real timers).
 */
vi.mock('../../../src/workers/feed-bridge', () => ({ parseFeedOffThread: parseInThread }));

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 5, 1, 12);
const url = (n: number) => `https://feeds.example/show-${n}.xml`;
const items = (...days: number[]): Item[] => days.map((day) => ({ guid: `ep-${day}`, day }));

let net: FakeNet;
async function load() {
  vi.resetModules();
  await freshDb();
  return {
    subscribe: await import('../../../src/state/subscribe'),
    refresh: await import('../../../src/state/refresh'),
    library: await import('../../../src/state/library'),
    prefs: await import('../../../src/state/view-prefs'),
    podcasts: await import('../../../src/db/podcasts'),
    episodes: await import('../../../src/db/episodes'),
    settings: await import('../../../src/db/settings'),
  };
}
let s: Awaited<ReturnType<typeof load>>;

/** Subscribes to show n (feed with the given items) at the current fake time. */
async function follow(n: number, its: Item[], etag?: string) {
  net.feeds.set(url(n), { feed: feedXml(`Show ${n}`, its), ...(etag ? { etag } : {}) });
  return (await s.subscribe.subscribe(url(n))).podcast;
}

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

describe('one show', () => {
  test('new items are stored and counted as new; the show records when it was refreshed', async () => {
    const show = await follow(1, items(1, 2));
    expect(show.lastRefreshAt).toBe(T0);
    vi.setSystemTime(T0 + 2 * HOUR);
    net.feeds.set(url(1), { feed: feedXml('Show 1', items(1, 2, 3)) });
    const version = s.library.libraryVersion.value;

    expect(await s.refresh.refreshPodcast(show.id)).toEqual({ id: show.id, status: 'updated', added: 1 });
    const stored = await s.podcasts.getPodcast(show.id);
    expect(stored).toMatchObject({ lastRefreshAt: T0 + 2 * HOUR, lastError: null, newCount: 1 });
    expect((await s.episodes.listEpisodesByPodcast(show.id, 'newest')).map((e) => e.guid)).toEqual(['ep-3', 'ep-2', 'ep-1']);
    expect(s.library.libraryVersion.value).toBeGreaterThan(version);
    expect(s.library.refreshing.value.size).toBe(0);
  });

  test('an unchanged feed costs a conditional GET answered 304: nothing is re-read', async () => {
    const show = await follow(1, items(1), '"v1"');
    expect(show.etag).toBe('"v1"');
    vi.setSystemTime(T0 + HOUR);
    expect(await s.refresh.refreshPodcast(show.id)).toEqual({ id: show.id, status: 'unchanged' });
    const sent = net.fetch.mock.calls.at(-1)?.[1]?.headers as Record<string, string>;
    expect(sent['If-None-Match']).toBe('"v1"');
    expect(await s.podcasts.getPodcast(show.id)).toMatchObject({ lastRefreshAt: T0 + HOUR, etag: '"v1"', newCount: 0 });
  });

  test('a failure is kept on the show’s card, and the next good refresh clears it', async () => {
    const show = await follow(1, items(1));
    net.feeds.set(url(1), { error: 'upstream_status', status: 502, upstream: 500, message: 'The feed host answered 500' });
    expect(await s.refresh.refreshPodcast(show.id)).toEqual({ id: show.id, status: 'failed', error: 'The feed host answered 500' });
    expect((await s.podcasts.getPodcast(show.id))?.lastError).toBe('The feed host answered 500');
    // The episodes already stored stay.
    expect(await s.episodes.countEpisodesByPodcast(show.id)).toBe(1);

    net.feeds.set(url(1), { feed: feedXml('Show 1', items(1)) });
    expect((await s.refresh.refreshPodcast(show.id)).status).toBe('updated');
    expect((await s.podcasts.getPodcast(show.id))?.lastError).toBeNull();
  });

  test('a feed that is gone (404) says so in words; a broken feed says what is wrong', async () => {
    const show = await follow(1, items(1));
    net.feeds.delete(url(1)); // the pretend proxy's default: upstream 404
    expect(await s.refresh.refreshPodcast(show.id)).toMatchObject({ status: 'failed', error: 'The feed is gone: its host answered 404' });
    net.feeds.set(url(1), { feed: 'this is not xml at all' });
    const broken = await s.refresh.refreshPodcast(show.id);
    expect(broken.status).toBe('failed');
    expect((await s.podcasts.getPodcast(show.id))?.lastError).toBe(broken.status === 'failed' ? broken.error : '');
  });

  test('a second refresh of the same show while one runs shares it: one fetch', async () => {
    const show = await follow(1, items(1));
    const before = net.calls.length;
    const open = net.hold(url(1));
    const a = s.refresh.refreshPodcast(show.id);
    const b = s.refresh.refreshPodcast(show.id);
    expect(b).toBe(a);
    await vi.waitFor(() => expect(s.library.refreshing.value.has(show.id)).toBe(true));
    open();
    await a;
    expect(net.calls.length - before).toBe(1);
  });

  test('a show removed meanwhile fails without fetching', async () => {
    expect(await s.refresh.refreshPodcast('https://feeds.example/gone.xml')).toEqual({
      id: 'https://feeds.example/gone.xml',
      status: 'failed',
      error: 'This show is no longer in your library',
    });
    expect(net.calls).toEqual([]);
  });
});

describe('refreshing the library', () => {
  test('only shows due by the chosen interval are fetched automatically; the button does them all', async () => {
    await follow(1, items(1)); // refreshed at T0
    vi.setSystemTime(T0 + 5 * HOUR);
    await follow(2, items(1)); // refreshed at T0 + 5 h
    vi.setSystemTime(T0 + 5 * HOUR + 30 * 60_000);
    const fetched = () => net.calls.slice(2);

    // Default interval: 1 h. Show 1 is 5.5 h old, show 2 half an hour.
    const due = await s.refresh.refreshAll({ staleOnly: true });
    expect(due.map((o) => o.id)).toEqual([url(1)]);
    expect(fetched()).toEqual([url(1)]);

    s.prefs.setRefreshInterval('24h');
    vi.setSystemTime(T0 + 20 * HOUR);
    expect(await s.refresh.refreshAll({ staleOnly: true })).toEqual([]);
    vi.setSystemTime(T0 + 30 * HOUR);
    // Show 1 was refreshed at 5.5 h, show 2 at 5 h: both are now over 24 h old.
    expect((await s.refresh.refreshAll({ staleOnly: true })).map((o) => o.id).sort()).toEqual([url(1), url(2)]);

    s.prefs.setRefreshInterval('manual');
    vi.setSystemTime(T0 + 100 * HOUR);
    const before = net.calls.length;
    expect(await s.refresh.refreshAll({ staleOnly: true })).toEqual([]);
    expect(net.calls.length).toBe(before);
    expect(await s.refresh.refreshAll()).toHaveLength(2);
    expect(await s.settings.getSetting<number | null>('library.lastRefreshAllAt', null)).toBe(T0 + 100 * HOUR);
  });

  test('one show failing does not stop the others; each outcome is reported', async () => {
    for (const n of [1, 2, 3]) await follow(n, items(1));
    net.feeds.set(url(2), { throws: true });
    net.feeds.set(url(3), { feed: feedXml('Show 3', items(1, 2)) });
    const outcomes = await s.refresh.refreshAll();
    expect(outcomes).toEqual([
      { id: url(1), status: 'updated', added: 0 },
      { id: url(2), status: 'failed', error: 'Could not reach the Hopcast server' },
      { id: url(3), status: 'updated', added: 1 },
    ]);
    expect((await s.podcasts.getPodcast(url(2)))?.lastError).toBe('Could not reach the Hopcast server');
    expect((await s.podcasts.getPodcast(url(1)))?.lastError).toBeNull();
  });

  test('at most REFRESH_CONCURRENCY feeds at once, with progress while it runs and one run at a time', async () => {
    const n = s.refresh.REFRESH_CONCURRENCY + 3;
    for (let i = 1; i <= n; i++) await follow(i, items(1));
    net.maxInFlight = 0;
    const gates = Array.from({ length: n }, (_, i) => net.hold(url(i + 1)));
    const run = s.refresh.refreshAll();
    expect(s.refresh.refreshAll()).toBe(run);
    expect(s.library.refreshProgress.value).toEqual({ done: 0, total: n });
    await vi.waitFor(() => expect(net.inFlight).toBe(s.refresh.REFRESH_CONCURRENCY));
    gates[0]();
    await vi.waitFor(() => expect(s.library.refreshProgress.value).toEqual({ done: 1, total: n }));
    for (const open of gates) open();
    expect(await run).toHaveLength(n);
    expect(net.maxInFlight).toBe(s.refresh.REFRESH_CONCURRENCY);
    expect(s.library.refreshProgress.value).toBeNull();
    // Finished: the next call is a new run.
    expect(s.refresh.refreshAll()).not.toBe(run);
  });
});
