import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { DownloadRecord } from '../../../src/core/types';
import { FakeNet, feedXml, freshDb, parseInThread, type Item } from './helpers';

/**
 * Per-show auto-download: a refresh that brings new episodes to a show with it on downloads the
 * newest of them, capped per refresh. Real stores and refresh; the feed proxy is a fetch stub and
 * the download manager is pretend (it records what it was asked for).
 */
vi.mock('../../../src/workers/feed-bridge', () => ({ parseFeedOffThread: parseInThread }));

const FEED = 'https://feeds.example/show.xml';
const id = (guid: string) => `${FEED}\u0000${guid}`;
const days = (...ds: number[]): Item[] => ds.map((day) => ({ guid: `ep-${day}`, day }));

let net: FakeNet;
async function load() {
  vi.resetModules();
  // A fresh pretend manager per test: a mock factory's result would otherwise outlive resetModules.
  vi.doMock('../../../src/state/downloads', async () => {
    const { signal } = await import('@preact/signals');
    const started: string[] = [];
    return { started, downloads: signal(new Map<string, DownloadRecord>()), startDownload: async (episodeId: string) => void started.push(episodeId) };
  });
  await freshDb();
  const downloads = await import('../../../src/state/downloads');
  return {
    auto: await import('../../../src/state/show-auto-download'),
    settings: await import('../../../src/state/show-settings'),
    subscribe: await import('../../../src/state/subscribe'),
    refresh: await import('../../../src/state/refresh'),
    online: (await import('../../../src/state/online')).online,
    history: await import('../../../src/state/history'),
    downloads,
    started: (downloads as unknown as { started: string[] }).started,
  };
}
let s: Awaited<ReturnType<typeof load>>;

beforeEach(async () => {
  net = new FakeNet();
  vi.stubGlobal('fetch', net.fetch);
  s = await load();
  net.feeds.set(FEED, { feed: feedXml('Show', days(1, 2)) });
  await s.subscribe.subscribe(FEED);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('after a refresh', () => {
  test('with auto-download on, the new episodes are downloaded, newest first', async () => {
    await s.settings.updateShowSettings(FEED, { autoDownload: true });
    net.feeds.set(FEED, { feed: feedXml('Show', days(1, 2, 3, 4)) });
    expect(await s.refresh.refreshPodcast(FEED)).toMatchObject({ status: 'updated', added: 2 });
    await vi.waitFor(() => expect(s.started).toEqual([id('ep-4'), id('ep-3')]));
  });

  test('a feed that suddenly lists many episodes as new gets at most MAX_AUTO_PER_REFRESH of them', async () => {
    const { MAX_AUTO_PER_REFRESH } = await import('../../../src/core/show-settings');
    await s.settings.updateShowSettings(FEED, { autoDownload: true });
    net.feeds.set(FEED, { feed: feedXml('Show', days(1, 2, 3, 4, 5, 6, 7, 8)) });
    expect(await s.refresh.refreshPodcast(FEED)).toMatchObject({ added: 6 });
    await vi.waitFor(() => expect(s.started).toHaveLength(MAX_AUTO_PER_REFRESH));
    expect(s.started).toEqual([id('ep-8'), id('ep-7'), id('ep-6')]);
  });

  test('off (the default): nothing is downloaded', async () => {
    net.feeds.set(FEED, { feed: feedXml('Show', days(1, 2, 3)) });
    await s.refresh.refreshPodcast(FEED);
    expect(await s.auto.autoDownloadNew(FEED, 1)).toEqual([]);
    expect(s.started).toEqual([]);
  });
});

describe('autoDownloadNew', () => {
  beforeEach(async () => {
    await s.settings.updateShowSettings(FEED, { autoDownload: true });
  });

  test('nothing added, or offline: nothing asked for', async () => {
    expect(await s.auto.autoDownloadNew(FEED, 0)).toEqual([]);
    s.online.value = false;
    expect(await s.auto.autoDownloadNew(FEED, 2)).toEqual([]);
    expect(s.started).toEqual([]);
  });

  test('skips an episode already played or already known to the download manager', async () => {
    await s.history.markPlayed([id('ep-2')], true);
    expect(await s.auto.autoDownloadNew(FEED, 2)).toEqual([id('ep-1')]);
    s.downloads.downloads.value = new Map([[id('ep-1'), { episodeId: id('ep-1'), status: 'failed' } as DownloadRecord]]);
    expect(await s.auto.autoDownloadNew(FEED, 2)).toEqual([]);
    expect(s.started).toEqual([id('ep-1')]);
  });

  test('another show’s setting does not count', async () => {
    await s.settings.updateShowSettings(FEED, { autoDownload: false });
    await s.settings.updateShowSettings('https://feeds.example/other.xml', { autoDownload: true });
    expect(await s.auto.autoDownloadNew(FEED, 2)).toEqual([]);
  });
});
