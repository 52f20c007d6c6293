/**
 * Writes that touch several stores at once, each in one transaction: a whole feed (show and
 * episodes) lands together or not at all, and unsubscribing leaves nothing of the show behind.
 */
import type { Episode, Podcast } from '../core/types';
import { db } from './open';

export const seenKey = (podcastId: string) => `seen:${podcastId}`;

export interface FeedWrite {
  podcast: Podcast;
  added: readonly Episode[];
  changed: readonly Episode[];
  /** Count the added episodes into the show's new-episode badge (not on first subscribe). */
  countNew: boolean;
}

/**
 * Stores a fetched feed. The show's bookkeeping (order, subscribedAt, badge) and each changed
 * episode's `played` / `addedAt` are re-read inside the transaction, so a play-state change made
 * while the feed was being fetched and parsed is never overwritten.
 */
export async function writeFeed({ podcast, added, changed, countNew }: FeedWrite): Promise<Podcast> {
  const tx = (await db()).transaction(['podcasts', 'episodes', 'playState'], 'readwrite');
  const podcasts = tx.objectStore('podcasts');
  const episodes = tx.objectStore('episodes');
  const states = tx.objectStore('playState');
  const current = await podcasts.get(podcast.id);
  const next: Podcast = {
    ...podcast,
    subscribedAt: current?.subscribedAt ?? podcast.subscribedAt,
    order: current?.order ?? podcast.order,
    newCount: (current?.newCount ?? 0) + (countNew ? added.length : 0),
  };
  const writes: Promise<unknown>[] = [podcasts.put(next)];
  // A play state can arrive before its episode (a restored backup, a sync): the new episode starts played then.
  for (const e of added) writes.push(states.get(e.id).then((state) => episodes.put(state?.played ? { ...e, played: 1 } : e)));
  for (const e of changed) {
    writes.push(episodes.get(e.id).then((stored) => episodes.put(stored ? { ...e, played: stored.played, addedAt: stored.addedAt } : e)));
  }
  await Promise.all([...writes, tx.done]);
  return next;
}

/**
 * Removes a show with everything hanging off its episodes: play state, queue entries, download
 * records and stored audio chunks. Returns the removed episode ids.
 */
export async function deletePodcastCascade(podcastId: string): Promise<string[]> {
  const tx = (await db()).transaction(['podcasts', 'episodes', 'playState', 'queue', 'downloads', 'chunks', 'settings'], 'readwrite');
  const range = IDBKeyRange.bound([podcastId, -Infinity], [podcastId, Infinity]);
  const ids = await tx.objectStore('episodes').index('by-podcast-published').getAllKeys(range);
  const deletes: Promise<unknown>[] = [tx.objectStore('podcasts').delete(podcastId), tx.objectStore('settings').delete(seenKey(podcastId))];
  for (const id of ids) {
    deletes.push(
      tx.objectStore('episodes').delete(id),
      tx.objectStore('playState').delete(id),
      tx.objectStore('queue').delete(id),
      tx.objectStore('downloads').delete(id),
      tx.objectStore('chunks').delete(IDBKeyRange.bound([id, -Infinity], [id, Infinity])),
    );
  }
  await Promise.all([...deletes, tx.done]);
  return ids;
}

/** Clears a show's new-episode badge and remembers when it was last looked at. */
export async function markPodcastSeen(podcastId: string, now = Date.now()): Promise<void> {
  const tx = (await db()).transaction(['podcasts', 'settings'], 'readwrite');
  const podcast = await tx.objectStore('podcasts').get(podcastId);
  if (podcast) {
    if (podcast.newCount !== 0) await tx.objectStore('podcasts').put({ ...podcast, newCount: 0 });
    await tx.objectStore('settings').put(now, seenKey(podcastId));
  }
  await tx.done;
}
