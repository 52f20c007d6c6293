/** Bookmark ordering and grouping for the Episode page and the Bookmarks screen. */
import type { Bookmark } from './types';

/** Within one episode: by time, then by when made. */
export function sortByTime(list: readonly Bookmark[]): Bookmark[] {
  return [...list].sort((a, b) => a.time - b.time || a.createdAt - b.createdAt);
}

export interface BookmarkGroup {
  episodeId: string;
  episodeTitle: string;
  podcastTitle: string;
  bookmarks: Bookmark[];
  /** The newest bookmark's creation time: groups with recent bookmarks come first. */
  latest: number;
}

/** Bookmarks across all episodes, one group per episode, the most recently bookmarked episode first. */
export function groupByEpisode(list: readonly Bookmark[]): BookmarkGroup[] {
  const groups = new Map<string, BookmarkGroup>();
  for (const b of list) {
    const g = groups.get(b.episodeId);
    if (g) {
      g.bookmarks.push(b);
      g.latest = Math.max(g.latest, b.createdAt);
    } else {
      groups.set(b.episodeId, { episodeId: b.episodeId, episodeTitle: b.episodeTitle, podcastTitle: b.podcastTitle, bookmarks: [b], latest: b.createdAt });
    }
  }
  return [...groups.values()].map((g) => ({ ...g, bookmarks: sortByTime(g.bookmarks) })).sort((a, b) => b.latest - a.latest || (a.episodeId < b.episodeId ? -1 : 1));
}
