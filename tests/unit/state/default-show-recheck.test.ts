import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { FakeNet, feedXml, freshDb, parseInThread, type Item } from './helpers';

/**
 * A refresh that finds a default show's feed gone (404) looks for the show again and moves it to
 * the feed it finds, keeping its episodes; any other show keeps the failure on its card. Real
 * stores and refresh, the proxy and directory behind a fetch stub.
 */
vi.mock('../../../src/workers/feed-bridge', () => ({ parseFeedOffThread: parseInThread }));

const OLD = 'https://feeds.packetpushers.net/PacketPushersWeeklyPodcast/';
const ORIGIN = 'https://packetpushers.net/podcast/heavy-networking/feed/';
const heavyNetworking = (items: Item[]) => feedXml('Heavy Networking', items).replace('Host of Heavy Networking', 'Packet Pushers');

let net: FakeNet;
async function load() {
  vi.resetModules();
  await freshDb();
  return {
    subscribe: await import('../../../src/state/subscribe'),
    refresh: await import('../../../src/state/refresh'),
    firstRun: await import('../../../src/state/first-run'),
    podcasts: await import('../../../src/db/podcasts'),
    episodes: await import('../../../src/db/episodes'),
    playState: await import('../../../src/db/play-state'),
  };
}
let s: Awaited<ReturnType<typeof load>>;

beforeEach(async () => {
  net = new FakeNet();
  vi.stubGlobal('fetch', net.fetch);
  s = await load();
  net.feeds.set(OLD, {
    feed: heavyNetworking([
      { guid: 'hn1', day: 1 },
      { guid: 'hn2', day: 2 },
    ]),
  });
  await s.subscribe.subscribe(OLD);
  await s.playState.savePosition(`${OLD}\u0000hn1`, 300, 3600);
  net.feeds.delete(OLD); // gone: the pretend proxy answers upstream 404
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('a default show whose feed is gone', () => {
  test('is found again at the network’s own address and moved there, episodes and positions kept', async () => {
    net.feeds.set(ORIGIN, {
      feed: heavyNetworking([
        { guid: 'hn1', day: 1 },
        { guid: 'hn2', day: 2 },
        { guid: 'hn3', day: 3 },
      ]),
    });
    expect(await s.refresh.refreshPodcast(OLD)).toEqual({ id: OLD, status: 'updated', added: 1 });
    expect(await s.podcasts.getPodcast(OLD)).toMatchObject({ id: OLD, feedUrl: ORIGIN, lastError: null });
    expect(await s.episodes.countEpisodesByPodcast(OLD)).toBe(3);
    expect((await s.playState.getPlayState(`${OLD}\u0000hn1`))?.position).toBe(300);
    // The gone address was not asked again; the one that worked is remembered for next time.
    expect(net.calls.filter((u) => u === OLD)).toHaveLength(2);
    expect((await s.firstRun.rememberedFeeds())['heavy-networking']).toMatchObject({ url: ORIGIN, via: 'origin' });
  });

  test('a feed found that is not the show is refused, and the gone failure stays on the card', async () => {
    // The network's own address now serves another show (a slug reused): its title gives it away.
    net.feeds.set(ORIGIN, { feed: feedXml('Heavy Networking Clips', [{ guid: 'x' }]).replace('Host of Heavy Networking Clips', 'Packet Pushers') });
    expect(await s.refresh.refreshPodcast(OLD)).toEqual({ id: OLD, status: 'failed', error: 'The feed is gone: its host answered 404' });
    expect(await s.podcasts.getPodcast(OLD)).toMatchObject({ feedUrl: OLD, lastError: 'The feed is gone: its host answered 404' });
    expect(await s.episodes.countEpisodesByPodcast(OLD)).toBe(2);
    // Every way of finding it was tried: the directory too.
    expect(net.calls).toContain('lookup:370842767');
    expect(net.calls).toContain('search:Heavy Networking');
  });

  test('a show that is not a default show is not looked for', async () => {
    const other = 'https://feeds.example/other.xml';
    net.feeds.set(other, { feed: feedXml('Other', [{ guid: 'o1' }]) });
    await s.subscribe.subscribe(other);
    net.feeds.delete(other);
    const before = net.calls.length;
    expect(await s.refresh.refreshPodcast(other)).toMatchObject({ status: 'failed', error: 'The feed is gone: its host answered 404' });
    expect(net.calls.slice(before)).toEqual([other]);
  });

  test('a failure other than "gone" (the host is down) is not a reason to look elsewhere', async () => {
    net.feeds.set(OLD, { error: 'upstream_status', status: 502, upstream: 503, message: 'The feed host answered 503' });
    const before = net.calls.length;
    expect(await s.refresh.refreshPodcast(OLD)).toMatchObject({ status: 'failed', error: 'The feed host answered 503' });
    expect(net.calls.slice(before)).toEqual([OLD]);
  });
});

describe('a default show whose feed moved by itunes:new-feed-url', () => {
  test('the new address is remembered for the show', async () => {
    await s.firstRun.rememberFeed('heavy-networking', OLD, 'known');
    const moved = 'https://feeds.example/hn-new.xml';
    net.feeds.set(OLD, { feed: heavyNetworking([{ guid: 'hn1', day: 1 }]).replace('<link>', `<itunes:new-feed-url>${moved}</itunes:new-feed-url><link>`) });
    net.feeds.set(moved, { feed: heavyNetworking([{ guid: 'hn1', day: 1 }]) });
    expect((await s.refresh.refreshPodcast(OLD)).status).toBe('updated');
    expect((await s.firstRun.rememberedFeeds())['heavy-networking']).toMatchObject({ url: moved, via: 'known' });
  });
});
