/** What the Show page reads: one show and its episodes, plus when it was last looked at. */
import type { Episode, Podcast } from '../core/types';
import { getPodcast } from '../db/podcasts';
import { listEpisodesByPodcast, type EpisodeOrder } from '../db/episodes';
import { getSetting } from '../db/settings';
import { markPodcastSeen, seenKey } from '../db/library-writes';
import { loadLibrary } from './library';

export type { EpisodeOrder };

export interface ShowData {
  podcast: Podcast;
  episodes: Episode[];
  /** Episodes added after this (epoch ms) and after subscribing are new. */
  seenAt: number;
}

export async function loadShow(id: string, order: EpisodeOrder): Promise<ShowData | null> {
  const [podcast, episodes, seenAt] = await Promise.all([getPodcast(id), listEpisodesByPodcast(id, order), getSetting(seenKey(id), 0)]);
  return podcast ? { podcast, episodes, seenAt } : null;
}

/** New since the show was last opened, not from the first load, and not yet played. */
export function isNewEpisode(episode: Episode, data: Pick<ShowData, 'podcast' | 'seenAt'>): boolean {
  return episode.played === 0 && episode.addedAt > data.seenAt && episode.addedAt > data.podcast.subscribedAt;
}

/** Clears the show's badge in the grid; the open page keeps its own copy of `seenAt`. */
export async function markShowSeen(id: string): Promise<void> {
  await markPodcastSeen(id);
  await loadLibrary();
}
