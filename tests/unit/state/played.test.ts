import { beforeEach, describe, expect, test, vi } from 'vitest';
import { freshDb, storedEpisode, storedPodcast, storeShow } from './helpers';

/**
 * Marking played from anywhere, each change undoable from its toast: the real stores
 * (fake-indexeddb), the real history, library and toast signals, the player's signals.
 */
const SHOW = 'https://feeds.example/show.xml';
const id = (guid: string) => `${SHOW}\u0000${guid}`;

async function load() {
  vi.resetModules();
  await freshDb();
  await storeShow(storedPodcast(SHOW), [storedEpisode(SHOW, 'a', 1000), storedEpisode(SHOW, 'b', 2000), storedEpisode(SHOW, 'c', 3000)]);
  return {
    played: await import('../../../src/state/played'),
    toast: (await import('../../../src/state/toast')).toast,
    player: await import('../../../src/state/player-signals'),
    library: await import('../../../src/state/library'),
    history: (await import('../../../src/state/history')).history,
    playState: await import('../../../src/db/play-state'),
    episodes: await import('../../../src/db/episodes'),
  };
}
let s: Awaited<ReturnType<typeof load>>;
beforeEach(async () => {
  s = await load();
});

const playedFlags = async () => (await s.episodes.listEpisodesByPodcast(SHOW, 'oldest')).map((e) => e.played);
async function undo(): Promise<void> {
  const action = s.toast.value?.action;
  if (!action) throw new Error('no Undo on the toast');
  await action.run();
}

describe('mark played', () => {
  test('one episode: marked on the record and in history, the unplayed count drops, the toast says so', async () => {
    await s.library.loadLibrary();
    expect(s.library.unplayedCounts.value.get(SHOW)).toBe(3);
    await s.played.markEpisodePlayed(id('b'), 'Episode B', true);
    expect(await playedFlags()).toEqual([0, 1, 0]);
    expect(s.library.unplayedCounts.value.get(SHOW)).toBe(2);
    expect(s.history.value.map((h) => h.episode.id)).toEqual([id('b')]);
    expect(s.toast.value).toMatchObject({ message: 'Episode B marked played.', action: { label: 'Undo' } });
  });

  test('Undo puts back exactly what was there, listening position included', async () => {
    await s.playState.savePosition(id('a'), 754, 600);
    await s.played.markShowPlayed(SHOW, true);
    expect(s.toast.value?.message).toBe('3 episodes marked played.');
    expect(await playedFlags()).toEqual([1, 1, 1]);

    await undo();
    expect(await playedFlags()).toEqual([0, 0, 0]);
    expect(await s.playState.getPlayState(id('a'))).toMatchObject({ position: 754, played: false });
    // An episode never touched gets no play state out of it.
    expect(await s.playState.getPlayState(id('c'))).toBeUndefined();
    expect(s.toast.value?.message).toBe('Undone.');
    expect(s.toast.value?.action).toBeNull();
  });

  test('marking unplayed rewinds, and Undo brings the played mark and position back', async () => {
    await s.playState.savePosition(id('b'), 590, 600);
    await s.played.markEpisodePlayed(id('b'), 'B', true);
    await s.played.markEpisodePlayed(id('b'), 'B', false);
    expect(await s.playState.getPlayState(id('b'))).toMatchObject({ played: false, position: 0 });
    expect(s.toast.value?.message).toBe('B marked unplayed.');
    await undo();
    expect(await s.playState.getPlayState(id('b'))).toMatchObject({ played: true, position: 590 });
  });

  test('"older" marks only the show’s earlier episodes, and says when there are none', async () => {
    await s.played.markOlderPlayed(id('c'), true);
    expect(await playedFlags()).toEqual([1, 1, 0]);
    expect(s.toast.value?.message).toBe('2 older episodes marked played.');
    await s.played.markOlderPlayed(id('b'), false);
    expect(s.toast.value?.message).toBe('1 older episode marked unplayed.');
    expect(await playedFlags()).toEqual([0, 1, 0]);
    await s.played.markOlderPlayed(id('a'), true);
    expect(s.toast.value).toMatchObject({ message: 'No older episodes in this show.', action: null });
  });

  test('the player’s copy of its episode follows, for the change and for its Undo', async () => {
    s.player.currentEpisode.value = (await s.episodes.getEpisode(id('a'))) ?? null;
    await s.played.markEpisodePlayed(id('a'), 'A', true);
    expect(s.player.currentEpisode.value?.played).toBe(1);
    await undo();
    expect(s.player.currentEpisode.value?.played).toBe(0);
    // Another episode's change leaves the player's copy alone (same object).
    const before = s.player.currentEpisode.value;
    await s.played.markEpisodePlayed(id('b'), 'B', true);
    expect(s.player.currentEpisode.value).toBe(before);
  });
});
