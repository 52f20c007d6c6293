/** The `bookmarks` store: a time in an episode with an optional note. Kept when the episode is played. */
import type { Bookmark } from '../core/playlists/types';
import { db } from './open';

export async function listBookmarks(): Promise<Bookmark[]> {
  return (await db()).getAll('bookmarks');
}

export async function putBookmarks(list: readonly Bookmark[]): Promise<void> {
  const tx = (await db()).transaction('bookmarks', 'readwrite');
  for (const b of list) void tx.store.put(b);
  await tx.done;
}

export async function deleteBookmarkRecord(id: string): Promise<void> {
  await (await db()).delete('bookmarks', id);
}
