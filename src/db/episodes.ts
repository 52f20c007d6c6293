import type { Episode } from '../core/types';
import { db } from './open';

export type EpisodeOrder = 'newest' | 'oldest';

export async function getEpisode(id: string): Promise<Episode | undefined> {
  return (await db()).get('episodes', id);
}

/** Episodes for the given ids, in the same order; ids with no stored episode are dropped. */
export async function getEpisodes(ids: readonly string[]): Promise<Episode[]> {
  const tx = (await db()).transaction('episodes');
  const found = await Promise.all(ids.map((id) => tx.store.get(id)));
  await tx.done;
  return found.filter((e): e is Episode => e !== undefined);
}

/** A show's episodes sorted by publication date, read straight off the compound index. */
export async function listEpisodesByPodcast(podcastId: string, order: EpisodeOrder = 'newest'): Promise<Episode[]> {
  const range = IDBKeyRange.bound([podcastId, -Infinity], [podcastId, Infinity]);
  const episodes = await (await db()).getAllFromIndex('episodes', 'by-podcast-published', range);
  return order === 'newest' ? episodes.reverse() : episodes;
}

export async function listAllEpisodes(): Promise<Episode[]> {
  return (await db()).getAll('episodes');
}

export async function countEpisodes(): Promise<number> {
  return (await db()).count('episodes');
}

export async function countEpisodesByPodcast(podcastId: string): Promise<number> {
  const range = IDBKeyRange.bound([podcastId, -Infinity], [podcastId, Infinity]);
  return (await db()).countFromIndex('episodes', 'by-podcast-published', range);
}

export async function countUnplayedByPodcast(podcastId: string): Promise<number> {
  return (await db()).countFromIndex('episodes', 'by-podcast-played', [podcastId, 0]);
}

/** The newest `limit` episodes of a show, for a first paint before the whole list is read. */
export async function listLatestEpisodesByPodcast(podcastId: string, limit: number): Promise<Episode[]> {
  const range = IDBKeyRange.bound([podcastId, -Infinity], [podcastId, Infinity]);
  const out: Episode[] = [];
  let cursor = await (await db()).transaction('episodes').store.index('by-podcast-published').openCursor(range, 'prev');
  while (cursor && out.length < limit) {
    out.push(cursor.value);
    cursor = await cursor.continue();
  }
  return out;
}

/** Publication time (epoch ms) of a show's newest episode; 0 when it has none with a date. */
export async function latestPublished(podcastId: string): Promise<number> {
  const range = IDBKeyRange.bound([podcastId, -Infinity], [podcastId, Infinity]);
  const cursor = await (await db()).transaction('episodes').store.index('by-podcast-published').openKeyCursor(range, 'prev');
  return cursor ? cursor.key[1] : 0;
}

/** The newest `limit` episodes of all shows together (the Latest view), read off the date index. */
export async function listNewestEpisodes(limit: number): Promise<Episode[]> {
  const out: Episode[] = [];
  let cursor = await (await db()).transaction('episodes').store.index('by-published').openCursor(null, 'prev');
  while (cursor && out.length < limit) {
    out.push(cursor.value);
    cursor = await cursor.continue();
  }
  return out;
}
