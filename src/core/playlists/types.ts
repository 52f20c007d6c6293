/**
 * Playlists and bookmarks as stored (plain data, structured-clone safe, exported into backups).
 * Example rows:
 * - manual: { id: 'b2c…', kind: 'manual', name: 'Road trip', episodeIds: ['feed\u0000guid-1', …], order: 2048, … }
 * - smart:  { id: '7fa…', kind: 'smart', name: 'Short and new', filter: { podcastIds: [], played: 'unplayed', maxMinutes: 45, sort: 'newest', … }, … }
 * - bookmark: { id: '19d…', episodeId, podcastId, time: 754.2, note: 'the BGP bit', episodeTitle, podcastTitle, … }
 */

export type PlayedFilter = 'unplayed' | 'played' | 'any';
export type SmartSort = 'newest' | 'oldest' | 'shortest' | 'longest';

/** What a smart playlist holds: every episode that passes all of the set conditions, in `sort` order. */
export interface SmartFilter {
  /** Shows to draw from; empty means every show. */
  podcastIds: string[];
  played: PlayedFilter;
  /** Length bounds in minutes (an episode of unknown length never passes a bound). */
  minMinutes: number | null;
  maxMinutes: number | null;
  /** Published within this many days (an undated episode never passes). */
  withinDays: number | null;
  downloadedOnly: boolean;
  sort: SmartSort;
  /** At most this many episodes. */
  limit: number | null;
}

interface PlaylistBase {
  id: string;
  name: string;
  /** Position among the playlists (fractional keys, like the queue). */
  order: number;
  createdAt: number;
  updatedAt: number;
}

export interface ManualPlaylist extends PlaylistBase {
  kind: 'manual';
  /** In play order; an episode appears at most once. */
  episodeIds: string[];
}

export interface SmartPlaylist extends PlaylistBase {
  kind: 'smart';
  filter: SmartFilter;
}

export type Playlist = ManualPlaylist | SmartPlaylist;

export interface Bookmark {
  id: string;
  episodeId: string;
  podcastId: string;
  /** Seconds from the start. */
  time: number;
  /** Optional, may be empty. */
  note: string;
  /** Kept so a bookmark still reads well after its show is gone from the library. */
  episodeTitle: string;
  podcastTitle: string;
  createdAt: number;
  updatedAt: number;
}
