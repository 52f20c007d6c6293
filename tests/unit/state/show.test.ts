import { beforeEach, describe, expect, test, vi } from 'vitest';
import { freshDb, storedEpisode, storedPodcast, storeShow } from './helpers';

/** What the Show page reads, and "seen" clearing the grid's badge, over the real stores. */
const SHOW = 'https://feeds.example/show.xml';
const T_SUB = 10_000;

async function load() {
  vi.resetModules();
  await freshDb();
  await storeShow({ ...storedPodcast(SHOW, 'The Show'), subscribedAt: T_SUB }, [
    // Same day; their keys sort the other way round from their numbers.
    { ...storedEpisode(SHOW, 'e806', 5000), episode: 806 },
    { ...storedEpisode(SHOW, 'e9', 5000), episode: 805 },
    storedEpisode(SHOW, 'old', 1000),
    storedEpisode(SHOW, 'newest', 9000),
  ]);
  // A refresh brought two new episodes: the grid's badge.
  await (await import('../../../src/db/podcasts')).updatePodcast(SHOW, { newCount: 2 });
  return {
    show: await import('../../../src/state/show'),
    library: await import('../../../src/state/library'),
  };
}
let s: Awaited<ReturnType<typeof load>>;
beforeEach(async () => {
  s = await load();
});

describe('show page', () => {
  test('episodes newest first (a batch upload by number), or oldest first', async () => {
    const newest = await s.show.loadShow(SHOW, 'newest');
    expect(newest?.episodes.map((e) => e.guid)).toEqual(['newest', 'e806', 'e9', 'old']);
    expect(newest).toMatchObject({ total: 4, complete: true, seenAt: 0, podcast: { title: 'The Show' } });
    expect((await s.show.loadShow(SHOW, 'oldest'))?.episodes.map((e) => e.guid)).toEqual(['old', 'e9', 'e806', 'newest']);
    expect(await s.show.loadShow('https://feeds.example/none.xml', 'newest')).toBeNull();
  });

  test('the first screen reads only the newest few and says there is more', async () => {
    const head = await s.show.loadShowHead(SHOW, 3);
    expect(head?.episodes.map((e) => e.guid)).toEqual(['newest', 'e806', 'e9']);
    expect(head).toMatchObject({ total: 4, complete: false });
    expect((await s.show.loadShowHead(SHOW, 10))?.complete).toBe(true);
  });

  test('"new" means added since the page was last opened and since subscribing, and not played', () => {
    const data = { podcast: { ...storedPodcast(SHOW), subscribedAt: T_SUB }, seenAt: 20_000 };
    const ep = (addedAt: number, played: 0 | 1 = 0) => ({ ...storedEpisode(SHOW, 'x', 0), addedAt, played });
    expect(s.show.isNewEpisode(ep(30_000), data)).toBe(true);
    expect(s.show.isNewEpisode(ep(30_000, 1), data)).toBe(false);
    expect(s.show.isNewEpisode(ep(15_000), data)).toBe(false);
    expect(s.show.isNewEpisode(ep(5_000), { ...data, seenAt: 0 })).toBe(false);
  });

  test('opening the show clears its badge in the grid and records when', async () => {
    await s.library.loadLibrary();
    expect(s.library.podcasts.value[0]?.newCount).toBe(2);
    await s.show.markShowSeen(SHOW);
    expect(s.library.podcasts.value[0]?.newCount).toBe(0);
    expect((await s.show.loadShow(SHOW, 'newest'))?.seenAt).toBeGreaterThan(0);
  });
});
