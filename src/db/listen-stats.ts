/** The listenStats store (v9): running listening totals, one row per show and one per episode. */
import { db } from './open';
import type { ListenStatsRow } from './schema';
import type { ListenTotals } from '../core/time-saved';

const showKey = (podcastId: string) => `show:${podcastId}`;
const episodeKey = (episodeId: string) => `episode:${episodeId}`;

function add(row: ListenStatsRow | undefined, base: Omit<ListenStatsRow, 'listened' | 'savedBySpeed' | 'savedBySilence' | 'updatedAt'>, d: ListenTotals, now: number): ListenStatsRow {
  return {
    ...base,
    listened: (row?.listened ?? 0) + d.listened,
    savedBySpeed: (row?.savedBySpeed ?? 0) + d.savedBySpeed,
    savedBySilence: (row?.savedBySilence ?? 0) + d.savedBySilence,
    updatedAt: now,
  };
}

/** Adds a delta to the episode's row and its show's row together, so the two never disagree. */
export async function addListenStats(podcastId: string, episodeId: string, delta: ListenTotals, now = Date.now()): Promise<void> {
  const tx = (await db()).transaction('listenStats', 'readwrite');
  const [show, episode] = await Promise.all([tx.store.get(showKey(podcastId)), tx.store.get(episodeKey(episodeId))]);
  await Promise.all([
    tx.store.put(add(show, { id: showKey(podcastId), kind: 'show', podcastId }, delta, now)),
    tx.store.put(add(episode, { id: episodeKey(episodeId), kind: 'episode', podcastId, episodeId }, delta, now)),
    tx.done,
  ]);
}

export async function listShowStats(): Promise<ListenStatsRow[]> {
  return (await db()).getAllFromIndex('listenStats', 'by-kind', 'show');
}

export async function getEpisodeStats(episodeId: string): Promise<ListenStatsRow | undefined> {
  return (await db()).get('listenStats', episodeKey(episodeId));
}
