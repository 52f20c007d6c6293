/**
 * The network's timeline: the newest episodes of every followed show in one list, newest first,
 * optionally one show's only. Re-read after every library write (libraryVersion).
 */
import type { Episode } from '../core/types';
import { compareNewestFirst } from '../core/episodes/episode-code';
import { listLatestEpisodesByPodcast, listNewestEpisodes } from '../db/episodes';

/** Rows per page of the timeline; "Show more" reads the next page's worth. */
export const LATEST_PAGE = 60;

export interface LatestData {
  /** The show these episodes are of (null: all shows): the view names its list from this, not from the chip just pressed. */
  podcastId: string | null;
  episodes: Episode[];
  /** False when more episodes exist beyond `limit`. */
  complete: boolean;
}

/** The newest `limit` episodes (of one show when `podcastId` is given), ties broken by episode number. */
export async function loadLatest(limit: number, podcastId: string | null): Promise<LatestData> {
  // One more than asked says whether a "Show more" is worth offering.
  const read = podcastId ? await listLatestEpisodesByPodcast(podcastId, limit + 1) : await listNewestEpisodes(limit + 1);
  const episodes = read.filter((e) => !e.block).sort(compareNewestFirst);
  return { podcastId, episodes: episodes.slice(0, limit), complete: read.length <= limit };
}
