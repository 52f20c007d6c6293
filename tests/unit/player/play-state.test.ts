import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { db, resetDbConnection } from '../../../src/db/open';
import { getPlayState, olderEpisodeIds, recentPlayStates, savePosition, setPlayed } from '../../../src/db/play-state';
import type { Episode } from '../../../src/core/types';
import { storedEpisode } from '../state/helpers';
import { currentEpisode, duration, position } from '../../../src/state/player';
import { persistNow } from '../../../src/state/player-persist';

const episode = (podcastId: string, guid: string, published: number): Episode => storedEpisode(podcastId, guid, published);

async function freshDb(): Promise<void> {
  const old = await db();
  old.close();
  resetDbConnection();
  await new Promise<void>((resolve, reject) => {
    const req = indexedDB.deleteDatabase('hopcast');
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

const show = 'https://feeds.example/show';
const eps = [episode(show, 'a', 1000), episode(show, 'b', 2000), episode(show, 'c', 3000), episode(show, 'undated', 0), episode('other', 'x', 500)];

beforeEach(async () => {
  await freshDb();
  const tx = (await db()).transaction('episodes', 'readwrite');
  for (const e of eps) await tx.store.put(e);
  await tx.done;
});
afterEach(() => {
  currentEpisode.value = null;
});

describe('play state', () => {
  test('positions are saved and read back; a bad position is refused', async () => {
    await savePosition(eps[0].id, 754.2, 2890, 100);
    expect(await getPlayState(eps[0].id)).toEqual({ episodeId: eps[0].id, position: 754.2, duration: 2890, played: false, updatedAt: 100 });
    // An unknown duration keeps the one already stored.
    await savePosition(eps[0].id, 800, null, 200);
    expect((await getPlayState(eps[0].id))?.duration).toBe(2890);
    await expect(savePosition(eps[0].id, Number.NaN, null)).rejects.toThrow(RangeError);
    await expect(savePosition(eps[0].id, -1, null)).rejects.toThrow(RangeError);
  });

  test('marking played updates the episode record in the same transaction; unplayed rewinds', async () => {
    await savePosition(eps[1].id, 590, 600);
    await setPlayed([eps[1].id], true);
    const database = await db();
    expect((await database.get('episodes', eps[1].id))?.played).toBe(1);
    expect(await getPlayState(eps[1].id)).toMatchObject({ played: true, position: 590 });
    // A later position save keeps the played flag.
    await savePosition(eps[1].id, 595, 600);
    expect((await getPlayState(eps[1].id))?.played).toBe(true);
    await setPlayed([eps[1].id], false);
    expect((await database.get('episodes', eps[1].id))?.played).toBe(0);
    expect(await getPlayState(eps[1].id)).toMatchObject({ played: false, position: 0 });
    // Unknown ids are skipped without a stray record.
    await setPlayed(['nope'], true);
    expect(await getPlayState('nope')).toBeUndefined();
  });

  test('"older" means the same show, published earlier, with a known date', async () => {
    expect((await olderEpisodeIds(eps[2].id)).sort()).toEqual([eps[0].id, eps[1].id].sort());
    expect(await olderEpisodeIds(eps[0].id)).toEqual([]);
    expect(await olderEpisodeIds('missing')).toEqual([]);
  });

  test('history lists the most recently touched first', async () => {
    await savePosition(eps[0].id, 1, null, 10);
    await savePosition(eps[1].id, 1, null, 30);
    await savePosition(eps[2].id, 1, null, 20);
    expect((await recentPlayStates(2)).map((s) => s.episodeId)).toEqual([eps[1].id, eps[2].id]);
  });

  test('the player saves the current position, and skips a save that would change nothing', async () => {
    currentEpisode.value = eps[2]!;
    position.value = 42.5;
    duration.value = 600;
    await persistNow();
    const first = await getPlayState(eps[2].id);
    expect(first).toMatchObject({ position: 42.5, duration: 600 });
    await persistNow();
    expect((await getPlayState(eps[2].id))?.updatedAt).toBe(first?.updatedAt);
    position.value = 50;
    await persistNow();
    expect((await getPlayState(eps[2].id))?.position).toBe(50);
  });
});
