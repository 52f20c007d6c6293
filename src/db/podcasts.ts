import type { Podcast } from '../core/types';
import { db } from './open';

export async function getPodcast(id: string): Promise<Podcast | undefined> {
  return (await db()).get('podcasts', id);
}

/** Every followed show in library order. */
export async function listPodcasts(): Promise<Podcast[]> {
  return (await db()).getAllFromIndex('podcasts', 'by-order');
}

/** Writes show metadata only; a whole-feed write with episodes goes through `library-writes.ts`. */
export async function putPodcast(podcast: Podcast): Promise<void> {
  await (await db()).put('podcasts', podcast);
}

/** Patch a stored show (error text, badges) without racing a whole-feed write: read and write in one transaction. */
export async function updatePodcast(id: string, patch: Partial<Omit<Podcast, 'id'>>): Promise<Podcast | undefined> {
  const tx = (await db()).transaction('podcasts', 'readwrite');
  const current = await tx.store.get(id);
  if (!current) {
    await tx.done;
    return undefined;
  }
  const next = { ...current, ...patch, id };
  await tx.store.put(next);
  await tx.done;
  return next;
}

/** The order value that puts a new show at the end of the grid. */
export async function nextPodcastOrder(): Promise<number> {
  const cursor = await (await db()).transaction('podcasts').store.index('by-order').openCursor(null, 'prev');
  return cursor ? cursor.value.order + 1 : 0;
}
