import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { DownloadRecord, Episode, PlayState } from '../../../src/core/types';
import { freshDb } from './helpers';

/**
 * Automatic downloads (Settings): keep the first N queue items downloaded, delete played ones.
 * The queue and the settings are the real stores (fake-indexeddb); the download manager is
 * pretend (it records what it was asked to do), and so is the player's current episode.
 */
type Asked = { started: string[]; removed: string[]; deletePlayed: number };

/**
 * A fresh page: new module instances, new pretend manager and player. A mock factory's result
 * outlives vi.resetModules(), and the effects of an earlier test's instance would otherwise
 * still react to the shared pretend signals.
 */
function mockPage(): void {
  vi.doMock('../../../src/state/downloads', async () => {
    const { signal } = await import('@preact/signals');
    const asked: Asked = { started: [], removed: [], deletePlayed: 0 };
    return {
      asked,
      downloads: signal(new Map<string, DownloadRecord>()),
      downloadsLoaded: signal(false),
      startDownload: async (id: string) => void asked.started.push(id),
      removeDownload: async (id: string) => void asked.removed.push(id),
      deletePlayedDownloads: async () => {
        asked.deletePlayed++;
        return 0;
      },
    };
  });
  vi.doMock('../../../src/state/player', async () => {
    const { signal } = await import('@preact/signals');
    return { currentEpisode: signal<{ id: string } | null>(null) };
  });
}

async function load(stored: Record<string, unknown> = {}) {
  vi.resetModules();
  mockPage();
  await freshDb();
  const settings = await import('../../../src/db/settings');
  for (const [key, value] of Object.entries(stored)) await settings.setSetting(key, value);
  // The module starts itself on import in a page (window and IndexedDB present).
  vi.stubGlobal('window', new EventTarget());
  const downloads = await import('../../../src/state/downloads');
  const auto = await import('../../../src/state/downloads-auto');
  await vi.waitFor(() => expect(auto.autoSettingsLoaded.value).toBe(true));
  return {
    auto,
    settings,
    downloads,
    asked: (downloads as unknown as { asked: Asked }).asked,
    queue: await import('../../../src/state/queue'),
    history: await import('../../../src/state/history'),
    online: (await import('../../../src/state/online')).online,
    player: await import('../../../src/state/player'),
  };
}

const record = (episodeId: string, status: DownloadRecord['status']) => ({ episodeId, status }) as DownloadRecord;
const played = (id: string, isPlayed: boolean) => ({
  state: { episodeId: id, position: 10, duration: 600, played: isPlayed, updatedAt: 1 } as PlayState,
  episode: { id } as Episode,
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('settings', () => {
  test('stored choices are read at start', async () => {
    const s = await load({ 'downloads.keepNext': 3, 'downloads.deleteAfterPlayed': true });
    expect(s.auto.keepNext.value).toBe(3);
    expect(s.auto.deleteAfterPlayed.value).toBe(true);
  });

  test('"keep next" is a whole number from 0 to MAX_KEEP_NEXT, and is stored', async () => {
    const s = await load();
    const cases: Array<[number, number]> = [
      [-3, 0],
      [2.7, 2],
      [Number.NaN, 0],
      [Number.POSITIVE_INFINITY, 0],
      [s.auto.MAX_KEEP_NEXT + 5, s.auto.MAX_KEEP_NEXT],
      [5, 5],
    ];
    for (const [given, kept] of cases) {
      await s.auto.setKeepNext(given);
      expect(s.auto.keepNext.value).toBe(kept);
      expect(await s.settings.getSetting('downloads.keepNext', -1)).toBe(kept);
    }
  });

  test('turning "delete played" on clears the played downloads already stored; off does not', async () => {
    const s = await load();
    await s.auto.setDeleteAfterPlayed(true);
    expect(s.asked.deletePlayed).toBe(1);
    expect(await s.settings.getSetting('downloads.deleteAfterPlayed', false)).toBe(true);
    await s.auto.setDeleteAfterPlayed(false);
    expect(s.asked.deletePlayed).toBe(1);
    expect(s.auto.deleteAfterPlayed.value).toBe(false);
  });
});

describe('keep the next N queue items downloaded', () => {
  let s: Awaited<ReturnType<typeof load>>;
  beforeEach(async () => {
    s = await load();
    for (const id of ['a', 'b', 'c', 'd']) await s.queue.addToQueue(id, 'last');
    s.downloads.downloadsLoaded.value = true;
  });

  test('the first N are downloaded, those already known are left alone', async () => {
    s.downloads.downloads.value = new Map([['a', record('a', 'complete')]]);
    await s.auto.setKeepNext(3);
    expect(s.asked.started).toEqual(['b', 'c']);
    // A bigger N asks only for the ones newly in range (b and c are known to the manager by now).
    s.downloads.downloads.value = new Map(['a', 'b', 'c'].map((id) => [id, record(id, 'downloading')]));
    await s.auto.setKeepNext(4);
    expect(s.asked.started).toEqual(['b', 'c', 'd']);
  });

  test('a queue change brings a new episode into range', async () => {
    await s.auto.setKeepNext(1);
    expect(s.asked.started).toEqual(['a']);
    s.downloads.downloads.value = new Map([['a', record('a', 'complete')]]);
    await s.queue.addToQueue('z', 'next');
    // The queue signal changes twice per edit (shown at once, then as stored) and the manager's
    // record arrives later, so the same episode may be asked for twice; the manager ignores repeats.
    expect([...new Set(s.asked.started)]).toEqual(['a', 'z']);
  });

  test('a failed download is not retried on every queue change (it waits for Retry)', async () => {
    await s.auto.setKeepNext(1);
    s.downloads.downloads.value = new Map([['a', record('a', 'failed')]]);
    await s.queue.addToQueue('x', 'last');
    await s.queue.moveInQueue('x', 1);
    expect(s.asked.started).toEqual(['a']);
  });

  test('nothing while offline; the queue is caught up when back online', async () => {
    // The browser's own events, as online.ts hears them.
    window.dispatchEvent(new Event('offline'));
    expect(s.online.value).toBe(false);
    await s.auto.setKeepNext(2);
    expect(s.asked.started).toEqual([]);
    window.dispatchEvent(new Event('online'));
    expect(s.asked.started).toEqual(['a', 'b']);
  });

  test('nothing until the stored downloads are known (else a complete one would be fetched again)', async () => {
    s.downloads.downloadsLoaded.value = false;
    await s.auto.setKeepNext(2);
    expect(s.asked.started).toEqual([]);
    s.downloads.downloads.value = new Map([['a', record('a', 'complete')]]);
    s.downloads.downloadsLoaded.value = true;
    expect(s.asked.started).toEqual(['b']);
  });

  test('off (0) downloads nothing', async () => {
    await s.auto.setKeepNext(0);
    await s.queue.addToQueue('y', 'next');
    expect(s.asked.started).toEqual([]);
  });
});

describe('delete played downloads', () => {
  test('a complete download of a played episode goes, unless it is the one in the player', async () => {
    const s = await load({ 'downloads.deleteAfterPlayed': true });
    s.downloads.downloads.value = new Map([
      ['done', record('done', 'complete')],
      ['unplayed', record('unplayed', 'complete')],
      ['running', record('running', 'downloading')],
      ['playing', record('playing', 'complete')],
    ]);
    s.player.currentEpisode.value = { id: 'playing' } as Episode;
    s.downloads.downloadsLoaded.value = true;
    s.history.history.value = [played('done', true), played('unplayed', false), played('running', true), played('playing', true)];
    expect(s.asked.removed).toEqual(['done']);

    // The player moves on: the episode it held is removed too.
    s.player.currentEpisode.value = null;
    expect(s.asked.removed).toEqual(['done', 'done', 'playing']);
  });

  test('off: played downloads stay', async () => {
    const s = await load();
    s.downloads.downloads.value = new Map([['done', record('done', 'complete')]]);
    s.downloads.downloadsLoaded.value = true;
    s.history.history.value = [played('done', true)];
    expect(s.asked.removed).toEqual([]);
  });
});
