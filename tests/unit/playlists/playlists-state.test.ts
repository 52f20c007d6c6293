import { beforeEach, describe, expect, test, vi } from 'vitest';
import { episode, podcast } from '../library/fixtures';
import { DEFAULT_FILTER } from '../../../src/core/playlists/smart-filter';

/** Fresh state modules over an empty database (the modules cache their first load). */
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

/** The same database, new module instances: what a page reload sees. */
async function reload() {
  vi.resetModules();
  const open = await import('../../../src/db/open');
  open.resetDbConnection();
  return {
    open,
    playlists: await import('../../../src/state/playlists'),
    items: await import('../../../src/state/playlist-items'),
    session: await import('../../../src/state/playlist-session'),
    history: await import('../../../src/state/history'),
    subscribe: await import('../../../src/state/subscribe'),
  };
}

const HN = podcast('https://hn.example/feed', { title: 'Heavy Networking' });
const D2 = podcast('https://d2do.example/feed', { title: 'Day Two DevOps' });
const eps = [episode(HN.id, 1, { duration: 30 * 60 }), episode(HN.id, 2, { duration: 50 * 60 }), episode(D2.id, 3, { duration: 20 * 60 }), episode(D2.id, 4, { duration: 40 * 60 })];
const [e1, e2, e3, e4] = eps.map((e) => e.id) as [string, string, string, string];

async function seed(open: { db(): Promise<import('../../../src/db/open').HopcastDatabase> }) {
  const tx = (await open.db()).transaction(['podcasts', 'episodes'], 'readwrite');
  for (const p of [HN, D2]) await tx.objectStore('podcasts').put(p);
  for (const e of eps) await tx.objectStore('episodes').put(e);
  await tx.done;
}

describe('playlists state', () => {
  let s: Awaited<ReturnType<typeof fresh>>;
  beforeEach(async () => {
    s = await fresh();
    await seed(s.open);
  });

  test('create, add, reorder, rename, and it all survives a reload', async () => {
    const p = await s.playlists.createPlaylist('  Road trip ');
    for (const id of [e1, e3, e4, e3]) await s.playlists.addToPlaylist(p.id, id);
    await s.playlists.moveInPlaylist(p.id, e4, 0);
    await s.playlists.renamePlaylist(p.id, 'Commute');
    await expect(s.playlists.createPlaylist('commute')).rejects.toThrow(/already exists/);

    const after = await reload();
    await after.playlists.loadPlaylists();
    const [stored] = after.playlists.playlists.value;
    expect(stored).toMatchObject({ name: 'Commute', kind: 'manual', episodeIds: [e4, e1, e3] });
    expect((await after.items.playlistEpisodes(stored)).map((e) => e.id)).toEqual([e4, e1, e3]);
  });

  test('unsubscribing a show takes its episodes out of manual playlists, for good', async () => {
    const p = await s.playlists.createPlaylist('Mixed', [e1, e3, e2, e4]);
    const only = await s.playlists.createPlaylist('Only HN', [e2, e1]);
    await s.subscribe.unsubscribe(HN.id);
    expect(s.playlists.playlists.value.find((x) => x.id === p.id)).toMatchObject({ episodeIds: [e3, e4] });
    expect(s.playlists.playlists.value.find((x) => x.id === only.id)).toMatchObject({ episodeIds: [] });
    const after = await reload();
    await after.playlists.loadPlaylists();
    expect(after.playlists.playlists.value.map((x) => x.kind === 'manual' && x.episodeIds)).toEqual([[e3, e4], []]);
  });

  test('a playlist deleted while it plays: the episode playing ends the session and the queue takes over', async () => {
    const p = await s.playlists.createPlaylist('Trip', [e1, e2, e3]);
    await s.session.beginPlaylistSession({ playlistId: p.id, episodeId: e1, snapshot: [e1, e2, e3] });
    await s.playlists.deletePlaylist(p.id);
    expect(await s.session.nextFromPlaylist(e1)).toBeNull();
    expect(s.session.playlistSession.value).toBeNull();
    expect((await reload()).session.playlistSession.value).toBeNull();
  });

  test('two adds at once both land, in the signal and in storage; a manual playlist stops at the size a backup can restore', async () => {
    const p = await s.playlists.createPlaylist('Fast');
    await Promise.all([s.playlists.addToPlaylist(p.id, e1), s.playlists.addToPlaylist(p.id, e2), s.playlists.addToPlaylist(p.id, e1)]);
    expect(s.playlists.playlists.value[0]).toMatchObject({ episodeIds: [e1, e2] });
    const after = await reload();
    await after.playlists.loadPlaylists();
    expect(after.playlists.playlists.value[0]).toMatchObject({ episodeIds: [e1, e2] });

    const { EPISODES_MAX } = await import('../../../src/core/playlists/validate');
    const many = Array.from({ length: EPISODES_MAX }, (_, i) => `x\u0000${i}`);
    const full = await after.playlists.createPlaylist('Full', many);
    await expect(after.playlists.addToPlaylist(full.id, e3)).rejects.toThrow(/at most 5000 episodes/);
    await expect(after.playlists.createPlaylist('Too many', [...many, e3])).rejects.toThrow(/at most 5000 episodes/);
    // Re-adding one it already holds is not growth.
    await after.playlists.addToPlaylist(full.id, many[0]);
    const exported = await after.playlists.exportPlaylists();
    const restored = await (await fresh()).playlists.importPlaylists(exported);
    expect(restored.skipped).toEqual([]);
  });

  test('playlists reorder among themselves and delete', async () => {
    const a = await s.playlists.createPlaylist('A');
    const b = await s.playlists.createPlaylist('B');
    const c = await s.playlists.createSmartPlaylist('C', DEFAULT_FILTER);
    await s.playlists.movePlaylist(c.id, 0);
    expect(s.playlists.playlists.value.map((p) => p.name)).toEqual(['C', 'A', 'B']);
    await s.playlists.deletePlaylist(a.id);
    const after = await reload();
    await after.playlists.loadPlaylists();
    expect(after.playlists.playlists.value.map((p) => p.id)).toEqual([c.id, b.id]);
  });

  test('a smart playlist updates itself when an episode is marked played', async () => {
    const smart = await s.playlists.createSmartPlaylist('Short', { ...DEFAULT_FILTER, podcastIds: [HN.id, D2.id], maxMinutes: 45 });
    expect(await s.items.playlistEpisodeIds(smart)).toEqual([e4, e3, e1]);
    await s.history.markPlayed([e3], true);
    expect(await s.items.playlistEpisodeIds(smart)).toEqual([e4, e1]);
    await expect(s.playlists.addToPlaylist(smart.id, e2)).rejects.toThrow(/fills itself/);
  });

  test('playing through: the next comes from the playlist, then the session ends for the queue', async () => {
    const p = await s.playlists.createPlaylist('Trip', [e1, e2, e3]);
    await s.session.beginPlaylistSession({ playlistId: p.id, episodeId: e1, snapshot: [e1, e2, e3] });
    expect(await s.session.nextFromPlaylist(e1)).toBe(e2);
    // Survives a reload (the session is stored with the settings).
    const after = await reload();
    expect(await after.session.nextFromPlaylist(e2)).toBe(e3);
    expect(await after.session.nextFromPlaylist(e3)).toBeNull();
    expect(after.session.playlistSession.value).toBeNull();
  });

  test('an episode the playlist did not start ends the session (the listener moved on)', async () => {
    const p = await s.playlists.createPlaylist('Trip', [e1, e2]);
    await s.session.beginPlaylistSession({ playlistId: p.id, episodeId: e1, snapshot: [e1, e2] });
    expect(await s.session.nextFromPlaylist(e4)).toBeNull();
    expect(await s.session.nextFromPlaylist(e1)).toBeNull();
  });

  test('a smart unplayed playlist played through skips past the finished episode', async () => {
    const smart = await s.playlists.createSmartPlaylist('All', { ...DEFAULT_FILTER, sort: 'oldest' });
    const ids = await s.items.playlistEpisodeIds(smart);
    expect(ids).toEqual([e1, e2, e3, e4]);
    await s.session.beginPlaylistSession({ playlistId: smart.id, episodeId: e2, snapshot: ids });
    await s.history.markPlayed([e2], true);
    expect(await s.session.nextFromPlaylist(e2)).toBe(e3);
  });

  test('export and import: round trip, bad entries reported, a known id replaced', async () => {
    await s.playlists.createPlaylist('Keep', [e1]);
    const exported = await s.playlists.exportPlaylists();
    const other = await fresh();
    const report = await other.playlists.importPlaylists([...exported, { id: 'x', kind: 'manual', name: '' }, { ...exported[0], episodeIds: [e2] }]);
    expect(report.skipped).toEqual(['Entry 2: Give the playlist a name.']);
    await (await reload()).playlists.loadPlaylists();
    const again = await reload();
    await again.playlists.loadPlaylists();
    expect(again.playlists.playlists.value).toHaveLength(1);
    expect(again.playlists.playlists.value[0]).toMatchObject({ name: 'Keep', episodeIds: [e2] });
    await expect(again.playlists.importPlaylists('nope')).rejects.toThrow(/not a list/);
  });
});
