/** What the Show page reads: one show and its episodes, plus when it was last looked at. */
import type { Episode, Podcast } from '../core/types';
import { getPodcast } from '../db/podcasts';
import { countEpisodesByPodcast, listEpisodesByPodcast, listLatestEpisodesByPodcast, type EpisodeOrder } from '../db/episodes';
import { getSetting } from '../db/settings';
import { markPodcastSeen, seenKey } from '../db/library-writes';
import { loadLibrary } from './library';
import { compareNewestFirst } from '../core/episodes/episode-code';

export type { EpisodeOrder };

export interface ShowData {
  podcast: Podcast;
  episodes: Episode[];
  /** How many episodes the show has; more than `episodes.length` while only the newest are read. */
  total: number;
  /** False while `episodes` holds only the newest few (newest first). */
  complete: boolean;
  /** Episodes added after this (epoch ms) and after subscribing are new. */
  seenAt: number;
}

export async function loadShow(id: string, order: EpisodeOrder): Promise<ShowData | null> {
  const [podcast, episodes, seenAt] = await Promise.all([getPodcast(id), listEpisodesByPodcast(id, order), getSetting(seenKey(id), 0)]);
  // Same-date episodes (a batch upload) go by number: HN806 above HN805.
  episodes.sort(order === 'newest' ? compareNewestFirst : (a, b) => compareNewestFirst(b, a));
  return podcast ? { podcast, episodes, total: episodes.length, complete: true, seenAt } : null;
}

/**
 * The show and only its newest `limit` episodes: reading a 2,000-episode show whole takes longer
 * than a first paint should, and the first screen shows a handful.
 */
export async function loadShowHead(id: string, limit: number): Promise<ShowData | null> {
  const [podcast, episodes, total, seenAt] = await Promise.all([getPodcast(id), listLatestEpisodesByPodcast(id, limit), countEpisodesByPodcast(id), getSetting(seenKey(id), 0)]);
  episodes.sort(compareNewestFirst);
  return podcast ? { podcast, episodes, total, complete: episodes.length >= total, seenAt } : null;
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
