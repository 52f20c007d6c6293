import { beforeEach, describe, expect, test } from 'vitest';
import { db } from '../../../src/db/open';
import { getPodcast, listPodcasts, nextPodcastOrder, updatePodcast } from '../../../src/db/podcasts';
import { countEpisodes, countEpisodesByPodcast, countUnplayedByPodcast, getEpisode, getEpisodes, listAllEpisodes, listEpisodesByPodcast, listLatestEpisodesByPodcast } from '../../../src/db/episodes';
import { deletePodcastCascade, markPodcastSeen, seenKey, writeFeed } from '../../../src/db/library-writes';
import { getSetting, setSetting } from '../../../src/db/settings';
import { setPlayed } from '../../../src/db/play-state';
import { episode, podcast } from '../library/fixtures';

const A = 'https://a.example/feed';
const B = 'https://b.example/feed';

beforeEach(async () => {
  const database = await db();
  const names = [...database.objectStoreNames];
  const tx = database.transaction(names, 'readwrite');
  await Promise.all([...names.map((n) => tx.objectStore(n).clear()), tx.done]);
});

describe('library store', () => {
  test('writes a whole feed and reads episodes back by show, date order, id and count', async () => {
    const eps = [episode(A, 2), episode(A, 1), episode(A, 3, { published: 0 })];
    await writeFeed({ podcast: podcast(A, { order: 1 }), added: eps, changed: [], countNew: false });
    await writeFeed({ podcast: podcast(B, { order: 0 }), added: [episode(B, 7)], changed: [], countNew: false });

    expect((await listPodcasts()).map((p) => p.id)).toEqual([B, A]);
    expect(await nextPodcastOrder()).toBe(2);
    expect((await listEpisodesByPodcast(A, 'newest')).map((e) => e.guid)).toEqual(['guid-2', 'guid-1', 'guid-3']);
    expect((await listEpisodesByPodcast(A, 'oldest')).map((e) => e.guid)).toEqual(['guid-3', 'guid-1', 'guid-2']);
    expect((await listLatestEpisodesByPodcast(A, 2)).map((e) => e.guid)).toEqual(['guid-2', 'guid-1']);
    expect(await listLatestEpisodesByPodcast('https://none.example/', 5)).toEqual([]);
    expect((await getEpisodes([eps[1].id, 'missing', eps[0].id])).map((e) => e.guid)).toEqual(['guid-1', 'guid-2']);
    expect(await getEpisode(eps[0].id)).toEqual(eps[0]);
    expect(await countEpisodes()).toBe(4);
    expect(await countEpisodesByPodcast(A)).toBe(3);
    expect((await listAllEpisodes()).length).toBe(4);
    expect(await countUnplayedByPodcast(A)).toBe(3);
  });

  test('a refresh never overwrites play state changed while the feed was being fetched', async () => {
    const ep = episode(A, 1);
    await writeFeed({ podcast: podcast(A), added: [ep], changed: [], countNew: false });
    // Stale copy in hand (played 0), then the player marks it played.
    await setPlayed([ep.id], true);
    await writeFeed({ podcast: podcast(A), added: [], changed: [{ ...ep, title: 'Renamed', addedAt: 999 }], countNew: true });
    const stored = await getEpisode(ep.id);
    expect(stored).toMatchObject({ title: 'Renamed', played: 1, addedAt: 1 });
    expect(await countUnplayedByPodcast(A)).toBe(0);
  });

  test('new episodes add to the badge, seeing the show clears it, and bookkeeping survives refreshes', async () => {
    await writeFeed({ podcast: podcast(A, { subscribedAt: 10, order: 4 }), added: [episode(A, 1)], changed: [], countNew: false });
    await writeFeed({ podcast: podcast(A, { subscribedAt: 99, order: 0 }), added: [episode(A, 2), episode(A, 3)], changed: [], countNew: true });
    expect(await getPodcast(A)).toMatchObject({ newCount: 2, subscribedAt: 10, order: 4 });
    await markPodcastSeen(A, 1234);
    expect(await getPodcast(A)).toMatchObject({ newCount: 0 });
    expect(await getSetting(seenKey(A), 0)).toBe(1234);
    expect(await updatePodcast(A, { lastError: 'boom' })).toMatchObject({ lastError: 'boom', newCount: 0 });
    expect(await updatePodcast('nope', { lastError: 'x' })).toBeUndefined();
  });

  test('unsubscribing removes the show, its episodes, play state, queue, downloads and chunks, and nothing else', async () => {
    const a = [episode(A, 1), episode(A, 2)];
    const b = episode(B, 1);
    await writeFeed({ podcast: podcast(A), added: a, changed: [], countNew: false });
    await writeFeed({ podcast: podcast(B), added: [b], changed: [], countNew: false });
    const database = await db();
    for (const e of [...a, b]) {
      await database.put('playState', { episodeId: e.id, position: 5, duration: 10, played: false, updatedAt: 1 });
      await database.put('queue', { episodeId: e.id, order: 1 });
      await database.put('downloads', {
        episodeId: e.id,
        sourceUrl: 'x',
        finalUrl: null,
        status: 'complete',
        bytes: 1,
        total: 1,
        type: null,
        etag: null,
        lastModified: null,
        error: null,
        updatedAt: 1,
      });
      for (const index of [0, 1]) await database.put('chunks', { episodeId: e.id, index, data: new Blob(['x']) });
    }
    await markPodcastSeen(A);

    const removed = await deletePodcastCascade(A);
    expect(removed.sort()).toEqual(a.map((e) => e.id).sort());
    expect(await getPodcast(A)).toBeUndefined();
    expect(await countEpisodes()).toBe(1);
    for (const store of ['playState', 'queue', 'downloads'] as const) expect(await database.getAllKeys(store)).toEqual([b.id]);
    expect(await database.getAllKeys('chunks')).toEqual([
      [b.id, 0],
      [b.id, 1],
    ]);
    expect(await getSetting(seenKey(A), null)).toBeNull();
    expect(await getPodcast(B)).toBeDefined();
  });

  test('settings fall back when unset and keep structured values', async () => {
    expect(await getSetting('nope', 42)).toBe(42);
    await setSetting('obj', { a: [1, 2] });
    expect(await getSetting('obj', null)).toEqual({ a: [1, 2] });
    await setSetting('zero', 0);
    expect(await getSetting('zero', 5)).toBe(0);
  });
});
