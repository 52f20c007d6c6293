import { beforeEach, describe, expect, test, vi } from 'vitest';
import { episode, podcast } from '../library/fixtures';

async function reload() {
  vi.resetModules();
  const open = await import('../../../src/db/open');
  open.resetDbConnection();
  return { open, bookmarks: await import('../../../src/state/bookmarks'), player: await import('../../../src/state/player'), history: await import('../../../src/state/history') };
}

async function fresh() {
  vi.resetModules();
  const open = await import('../../../src/db/open');
  (await open.db()).close();
  open.resetDbConnection();
  await new Promise<void>((resolve, reject) => {
    const req = indexedDB.deleteDatabase('hopcast');
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
  return reload();
}

const show = podcast('https://hn.example/feed', { title: 'Heavy Networking' });
const ep = episode(show.id, 1);

/** Node has no <audio>: a stand-in with the fields the player reads for the current time. */
function fakeAudio(currentTime: number) {
  const el = { currentTime, readyState: 4, addEventListener() {}, setAttribute() {} };
  vi.stubGlobal('document', { createElement: () => el, body: { append() {} } });
  return el;
}

describe('bookmarks state', () => {
  let s: Awaited<ReturnType<typeof fresh>>;
  beforeEach(async () => {
    vi.unstubAllGlobals();
    s = await fresh();
    const tx = (await s.open.db()).transaction(['podcasts', 'episodes'], 'readwrite');
    await tx.objectStore('podcasts').put(show);
    await tx.objectStore('episodes').put(ep);
    await tx.done;
  });

  test('adds at the exact current time, opens the editor, note saved; survives reload and marking played', async () => {
    fakeAudio(754.25);
    s.player.currentEpisode.value = ep;
    s.player.currentPodcast.value = show;
    const b = await s.bookmarks.addBookmarkNow();
    expect(b).toMatchObject({ episodeId: ep.id, time: 754.25, note: '', episodeTitle: ep.title, podcastTitle: 'Heavy Networking' });
    expect(s.bookmarks.editingBookmark.value).toBe(b.id);
    await s.bookmarks.updateBookmarkNote(b.id, '  the BGP bit ');
    await expect(s.bookmarks.updateBookmarkNote(b.id, 'x'.repeat(3000))).rejects.toThrow(/at most/);
    await s.history.markPlayed([ep.id], true);

    const after = await reload();
    await after.bookmarks.loadBookmarks();
    expect(after.bookmarks.bookmarksFor(ep.id)).toEqual([expect.objectContaining({ id: b.id, time: 754.25, note: 'the BGP bit' })]);
    await after.bookmarks.deleteBookmark(b.id);
    expect(after.bookmarks.bookmarks.value).toEqual([]);
  });

  test('nothing playing: a clear error, nothing stored', async () => {
    await expect(s.bookmarks.addBookmarkNow()).rejects.toThrow(/Nothing is playing/);
    await s.bookmarks.loadBookmarks();
    expect(s.bookmarks.bookmarks.value).toEqual([]);
  });

  test('a bookmark of an episode gone from the library says so instead of playing', async () => {
    const report = await s.bookmarks.importBookmarks([
      { id: 'g', episodeId: 'gone\u0000x', time: 5, episodeTitle: 'Old one' },
      { id: 'bad', episodeId: 'e', time: -3 },
    ]);
    expect(report.items).toHaveLength(1);
    expect(report.skipped).toEqual(['Entry 2: A bookmark’s time is not a valid time.']);
    await expect(s.bookmarks.playBookmark(report.items[0])).rejects.toThrow(/“Old one” is no longer in your library/);
    expect(await s.bookmarks.exportBookmarks()).toEqual([expect.objectContaining({ id: 'g', time: 5 })]);
  });
});
