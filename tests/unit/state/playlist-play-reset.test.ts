import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { freshDb, storedEpisode, storedPodcast, storeShow } from './helpers';

/**
 * "Play" on a playlist, and "Reset app data", over the real stores; the player, the downloads
 * and the page's location are pretend (they record what they were asked).
 */
const page = vi.hoisted(() => ({ played: [] as string[], pauses: 0, cancelled: [] as string[], downloads: new Map<string, { status: string }>() }));
vi.mock('../../../src/state/player', () => ({
  playEpisode: async (id: string) => void page.played.push(id),
  pause: () => void page.pauses++,
}));
vi.mock('../../../src/state/downloads', () => ({
  downloads: {
    get value() {
      return page.downloads;
    },
  },
  cancelDownload: async (id: string) => void page.cancelled.push(id),
}));

const SHOW = 'https://feeds.example/show.xml';
const id = (guid: string) => `${SHOW}\u0000${guid}`;

async function load() {
  vi.resetModules();
  await freshDb();
  await storeShow(storedPodcast(SHOW), [storedEpisode(SHOW, 'e1', 1), storedEpisode(SHOW, 'e2', 2), storedEpisode(SHOW, 'e3', 3)]);
  return {
    play: await import('../../../src/state/playlist-play'),
    playlists: await import('../../../src/state/playlists'),
    session: await import('../../../src/state/playlist-session'),
    reset: await import('../../../src/state/reset'),
    settings: await import('../../../src/db/settings'),
    podcasts: await import('../../../src/db/podcasts'),
  };
}
let s: Awaited<ReturnType<typeof load>>;
beforeEach(async () => {
  Object.assign(page, { played: [], pauses: 0, cancelled: [], downloads: new Map() });
  s = await load();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('playing a playlist', () => {
  test('from the top, or from a chosen episode; the session remembers the playlist as it was', async () => {
    const list = await s.playlists.createPlaylist('Commute', [id('e2'), id('e1'), id('e3')]);
    await s.play.playPlaylist(list.id);
    expect(page.played).toEqual([id('e2')]);
    expect(s.session.playlistSession.value).toEqual({ playlistId: list.id, episodeId: id('e2'), snapshot: [id('e2'), id('e1'), id('e3')] });
    expect(s.play.playingPlaylistId(id('e2'))).toBe(list.id);
    // Something else in the player: not the playlist's doing.
    expect(s.play.playingPlaylistId(id('e1'))).toBeNull();

    await s.play.playPlaylist(list.id, id('e3'));
    expect(page.played).toEqual([id('e2'), id('e3')]);
    // An episode not in it starts from the top.
    await s.play.playPlaylist(list.id, 'https://feeds.example/other\u0000x');
    expect(page.played.at(-1)).toBe(id('e2'));
  });

  test('an empty or deleted playlist says why, and nothing plays', async () => {
    const empty = await s.playlists.createPlaylist('Empty');
    await expect(s.play.playPlaylist(empty.id)).rejects.toThrow('This playlist is empty.');
    await expect(s.play.playPlaylist('no-such-id')).rejects.toThrow('That playlist no longer exists.');
    expect(page.played).toEqual([]);
    expect(s.session.playlistSession.value).toBeNull();
  });
});

describe('reset app data', () => {
  test('pauses, stops running transfers, deletes the database and the app’s local keys, keeps the precache, goes home', async () => {
    page.downloads = new Map([
      ['a', { status: 'downloading' }],
      ['b', { status: 'complete' }],
      ['c', { status: 'queued' }],
      ['d', { status: 'failed' }],
    ]);
    // Like the real Storage: keys are own properties (what Object.keys lists), methods are not.
    class KeyStorage {
      [key: string]: unknown;
      removeItem(key: string): void {
        Reflect.deleteProperty(this, key);
      }
    }
    const local = Object.assign(new KeyStorage(), { 'hopcast.view.theme': 'dark', 'hopcast.player.snapshot': '{}', 'other-app': 'keep' });
    vi.stubGlobal('localStorage', local);
    const deletedCaches: string[] = [];
    vi.stubGlobal('caches', { keys: async () => ['workbox-precache-v2', 'artwork', 'feeds'], delete: async (name: string) => void deletedCaches.push(name) });
    vi.stubGlobal('window', { caches: true });
    const assigned: string[] = [];
    vi.stubGlobal('location', { assign: (url: string) => void assigned.push(url) });

    await s.reset.resetAppData();
    expect(page.pauses).toBe(1);
    expect(page.cancelled).toEqual(['a', 'c']);
    expect(Object.keys(local)).toEqual(['other-app']);
    expect(deletedCaches).toEqual(['artwork', 'feeds']);
    expect(assigned).toEqual(['/']);
    // The database is gone: a new connection starts empty.
    expect(await s.podcasts.listPodcasts()).toEqual([]);
  });
});
