import type { StoredChapters } from './episode-extras';
import { db } from './open';

export async function getStoredChapters(episodeId: string): Promise<StoredChapters | undefined> {
  return (await db()).get('chapters', episodeId);
}

export async function getStoredChapterList(episodeIds: readonly string[]): Promise<Array<StoredChapters | undefined>> {
  const tx = (await db()).transaction('chapters');
  const rows = await Promise.all(episodeIds.map((id) => tx.store.get(id)));
  await tx.done;
  return rows;
}

export async function putStoredChapters(record: StoredChapters): Promise<void> {
  await (await db()).put('chapters', record);
}

export async function deleteStoredChapters(episodeId: string): Promise<void> {
  await (await db()).delete('chapters', episodeId);
}

export async function listChapterIds(): Promise<string[]> {
  return (await db()).getAllKeys('chapters');
}
