import { beforeEach, describe, expect, test, vi } from 'vitest';
import { freshDb, storedEpisode, storedPodcast, storeShow } from './helpers';

/** What the Queue screen and the Latest timeline read from the real stores (fake-indexeddb). */
const A = 'https://feeds.example/a.xml';
const B = 'https://feeds.example/b.xml';
const id = (show: string, guid: string) => `${show}\u0000${guid}`;

async function load() {
  vi.resetModules();
  await freshDb();
  await storeShow(storedPodcast(A, 'Show A', 0), [storedEpisode(A, 'a1', 1000, 600), storedEpisode(A, 'a2', 3000, null), { ...storedEpisode(A, 'a3', 5000), block: true }]);
  await storeShow(storedPodcast(B, 'Show B', 1), [storedEpisode(B, 'b1', 2000, 1200), { ...storedEpisode(B, 'b2', 4000, 300), episode: 8 }, { ...storedEpisode(B, 'b3', 4000, 300), episode: 7 }]);
  return {
    view: await import('../../../src/state/queue-view'),
    queue: await import('../../../src/state/queue'),
    player: await import('../../../src/state/player-signals'),
    latest: await import('../../../src/state/latest'),
    playState: await import('../../../src/db/play-state'),
  };
}
let s: Awaited<ReturnType<typeof load>>;
beforeEach(async () => {
  s = await load();
});

describe('queue view', () => {
  test('each queued episode with its show and time left; the total counts unknown lengths apart', async () => {
    await s.playState.savePosition(id(B, 'b1'), 200, 1200);
    s.view.startQueueView();
    for (const e of [id(A, 'a1'), id(B, 'b1'), id(A, 'a2')]) await s.queue.addToQueue(e, 'last');
    await vi.waitFor(() => expect(s.view.queueItems.value).toHaveLength(3));
    expect(s.view.queueItems.value.map((i) => [i.episode.id, i.podcast?.title, i.remaining])).toEqual([
      [id(A, 'a1'), 'Show A', 600],
      [id(B, 'b1'), 'Show B', 1000],
      [id(A, 'a2'), 'Show A', null],
    ]);
    expect(s.view.queueTimeLeft.value).toEqual({ seconds: 1600, unknown: 1 });

    // Reordered: same items, new order, nothing re-read needed.
    await s.queue.moveInQueue(id(A, 'a2'), 0);
    expect(s.view.queueItems.value.map((i) => i.episode.id)).toEqual([id(A, 'a2'), id(A, 'a1'), id(B, 'b1')]);
  });

  test('a played episode counts in full; one queued again is read afresh', async () => {
    await s.playState.savePosition(id(A, 'a1'), 500, 600);
    await s.playState.setPlayed([id(A, 'a1')], true);
    s.view.startQueueView();
    await s.queue.addToQueue(id(A, 'a1'), 'last');
    await vi.waitFor(() => expect(s.view.queueItems.value.map((i) => i.remaining)).toEqual([600]));

    await s.queue.removeFromQueue(id(A, 'a1'));
    expect(s.view.queueItems.value).toEqual([]);
    await s.playState.setPlayed([id(A, 'a1')], false);
    await s.playState.savePosition(id(A, 'a1'), 450, 600);
    await s.queue.addToQueue(id(A, 'a1'), 'last');
    await vi.waitFor(() => expect(s.view.queueItems.value.map((i) => i.remaining)).toEqual([150]));
  });

  test('time left in the episode playing now', () => {
    expect(s.view.currentTimeLeft.value).toBeNull();
    s.player.currentEpisode.value = storedEpisode(A, 'a1', 1000);
    s.player.duration.value = 600;
    s.player.position.value = 450;
    expect(s.view.currentTimeLeft.value).toBe(150);
    s.player.position.value = 700;
    expect(s.view.currentTimeLeft.value).toBe(0);
  });
});

describe('latest', () => {
  test('newest first across shows, blocked episodes left out, a tie broken by episode number', async () => {
    const all = await s.latest.loadLatest(10, null);
    // b2 and b3 came out the same day: the store lists b3 first (its key sorts last), number 8 wins.
    expect(all.episodes.map((e) => e.guid)).toEqual(['b2', 'b3', 'a2', 'b1', 'a1']);
    expect(all.complete).toBe(true);
  });

  test('a page says whether there is more; one show’s timeline is its own', async () => {
    const page = await s.latest.loadLatest(2, null);
    expect(page.episodes).toHaveLength(2);
    expect(page.complete).toBe(false);
    const a = await s.latest.loadLatest(10, A);
    expect(a.episodes.map((e) => e.guid)).toEqual(['a2', 'a1']);
    // The view names its list from what was read, not from the filter chip just pressed.
    expect([page.podcastId, a.podcastId]).toEqual([null, A]);
    expect(a.complete).toBe(true);
  });
});
