/** Recently played episodes and marking them played or unplayed (one, or every older one of the show). */
import { signal } from '@preact/signals';
import type { Episode, PlayState } from '../core/types';
import { getEpisodes } from '../db/episodes';
import { olderEpisodeIds, recentPlayStates, setPlayed } from '../db/play-state';
import { libraryChanged } from './library';

export interface HistoryItem {
  state: PlayState;
  episode: Episode;
}

export const HISTORY_LIMIT = 50;
export const history = signal<HistoryItem[]>([]);

export async function refreshHistory(): Promise<void> {
  const states = await recentPlayStates(HISTORY_LIMIT);
  const episodes = new Map((await getEpisodes(states.map((s) => s.episodeId))).map((e) => [e.id, e]));
  history.value = states.flatMap((state) => {
    const episode = episodes.get(state.episodeId);
    return episode ? [{ state, episode }] : [];
  });
}

/** Marks played (position kept) or unplayed (back to the start), on the episode record too. */
export async function markPlayed(episodeIds: readonly string[], played: boolean): Promise<void> {
  await setPlayed(episodeIds, played);
  // Unplayed counts on the library cards and the search index's played filter follow the change.
  await Promise.all([refreshHistory(), libraryChanged()]);
}

/** Every episode of the same show published before this one; returns how many were marked. */
export async function markOlder(episodeId: string, played: boolean): Promise<number> {
  const ids = await olderEpisodeIds(episodeId);
  if (ids.length) await markPlayed(ids, played);
  return ids.length;
}
