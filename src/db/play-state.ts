/**
 * The `playState` store: where each episode was left, whether it was finished, and when it was last
 * touched (the history list). Marking played also flips `played` on the episode record in the same
 * transaction so the library's unplayed counts never disagree with the player.
 */
import type { PlayState } from '../core/types';
import { db } from './open';

export async function getPlayState(episodeId: string): Promise<PlayState | undefined> {
  return (await db()).get('playState', episodeId);
}

/** Saves a position (seconds). Keeps `played` as it was; a non-finite position is refused. */
export async function savePosition(episodeId: string, position: number, duration: number | null, now = Date.now()): Promise<PlayState> {
  if (!Number.isFinite(position) || position < 0) throw new RangeError(`Invalid position ${position} for ${episodeId}`);
  const tx = (await db()).transaction('playState', 'readwrite');
  const old = await tx.store.get(episodeId);
  const state: PlayState = {
    episodeId,
    position,
    duration: duration !== null && Number.isFinite(duration) && duration > 0 ? duration : (old?.duration ?? null),
    played: old?.played ?? false,
    updatedAt: now,
  };
  await tx.store.put(state);
  await tx.done;
  return state;
}

/**
 * Marks episodes played (position kept, so history still shows where they ended) or unplayed
 * (position back to 0). Updates `playState` and `episodes` together; unknown ids are skipped.
 */
export async function setPlayed(episodeIds: readonly string[], played: boolean, now = Date.now()): Promise<void> {
  const tx = (await db()).transaction(['playState', 'episodes'], 'readwrite');
  const states = tx.objectStore('playState');
  const episodes = tx.objectStore('episodes');
  for (const id of episodeIds) {
    const [old, episode] = await Promise.all([states.get(id), episodes.get(id)]);
    if (!old && !episode) continue;
    await states.put({
      episodeId: id,
      position: played ? (old?.position ?? 0) : 0,
      duration: old?.duration ?? episode?.duration ?? null,
      played,
      updatedAt: now,
    });
    if (episode && episode.played !== (played ? 1 : 0)) await episodes.put({ ...episode, played: played ? 1 : 0 });
  }
  await tx.done;
}

/** Ids of the same show's episodes published before this one (for "mark older played"). */
export async function olderEpisodeIds(episodeId: string): Promise<string[]> {
  const database = await db();
  const episode = await database.get('episodes', episodeId);
  if (!episode || episode.published <= 0) return [];
  // Episodes with no known date (published 0) are left alone: nothing says they are older.
  const range = IDBKeyRange.bound([episode.podcastId, 0], [episode.podcastId, episode.published], true, true);
  return (await database.getAllKeysFromIndex('episodes', 'by-podcast-published', range)).filter((id) => id !== episodeId);
}

/** Most recently touched play states, newest first. */
export async function recentPlayStates(limit = 50): Promise<PlayState[]> {
  const out: PlayState[] = [];
  let cursor = await (await db()).transaction('playState').store.index('by-updated').openCursor(null, 'prev');
  while (cursor && out.length < limit) {
    out.push(cursor.value);
    cursor = await cursor.continue();
  }
  return out;
}

export async function listPlayStates(): Promise<PlayState[]> {
  return (await db()).getAll('playState');
}

/**
 * Stores play states from elsewhere (a backup, a sync server) where they are newer than what is
 * here, re-checked inside the transaction so a position saved meanwhile is never overwritten.
 * The episode's `played` flag follows. Returns the states that were written.
 */
export async function mergePlayStates(incoming: readonly PlayState[]): Promise<PlayState[]> {
  const tx = (await db()).transaction(['playState', 'episodes'], 'readwrite');
  const states = tx.objectStore('playState');
  const episodes = tx.objectStore('episodes');
  const written: PlayState[] = [];
  for (const item of incoming) {
    const [old, episode] = await Promise.all([states.get(item.episodeId), episodes.get(item.episodeId)]);
    if (old && old.updatedAt >= item.updatedAt) continue;
    const next: PlayState = { episodeId: item.episodeId, position: item.position, duration: item.duration ?? old?.duration ?? null, played: item.played, updatedAt: item.updatedAt };
    await states.put(next);
    written.push(next);
    if (episode && episode.played !== (item.played ? 1 : 0)) await episodes.put({ ...episode, played: item.played ? 1 : 0 });
  }
  await tx.done;
  return written;
}
