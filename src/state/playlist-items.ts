/**
 * What a playlist holds right now: a manual one's stored ids, or a smart one's filter evaluated over
 * the library. Smart playlists update themselves because every episode write bumps `libraryVersion`
 * (marking played, a refresh) and the episode snapshot below is re-read on the next bump.
 */
import type { Episode, Podcast } from '../core/types';
import type { Playlist, SmartFilter } from '../core/playlists/types';
import { evaluateSmartFilter } from '../core/playlists/smart-filter';
import { getEpisodes, listAllEpisodes } from '../db/episodes';
import { listPodcasts } from '../db/podcasts';
import { libraryVersion } from './library';
import { downloads, initDownloads } from './downloads';

export interface PlaylistItem {
  episode: Episode;
  podcast: Podcast | null;
}

let snapshot: { version: number; episodes: Promise<Episode[]> } | null = null;

/** All episodes, read once per library version (several smart playlists share one read). */
function allEpisodes(): Promise<Episode[]> {
  const version = libraryVersion.peek();
  if (!snapshot || snapshot.version !== version) {
    const episodes = listAllEpisodes();
    snapshot = { version, episodes };
    episodes.catch(() => (snapshot = null));
  }
  return snapshot.episodes;
}

function downloadedIds(): Set<string> {
  const out = new Set<string>();
  for (const [id, record] of downloads.peek()) if (record.status === 'complete') out.add(id);
  return out;
}

/** The episodes of a playlist in play order; a manual playlist's entries whose episode is gone are left out. */
export async function playlistEpisodes(playlist: Playlist): Promise<Episode[]> {
  if (playlist.kind === 'manual') {
    const found = new Map((await getEpisodes(playlist.episodeIds)).map((e) => [e.id, e]));
    return playlist.episodeIds.flatMap((id) => found.get(id) ?? []);
  }
  // "Downloaded only" needs the download records, which are otherwise read on first use.
  if (playlist.filter.downloadedOnly) await initDownloads();
  const episodes = await allEpisodes();
  const ids = evaluateSmartFilter(playlist.filter, episodes, { now: Date.now(), downloaded: downloadedIds() });
  const byId = new Map(episodes.map((e) => [e.id, e]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function playlistEpisodeIds(playlist: Playlist): Promise<string[]> {
  return (await playlistEpisodes(playlist)).map((e) => e.id);
}

/** Episodes with their shows, for the playlist screen. */
export async function playlistItems(playlist: Playlist): Promise<PlaylistItem[]> {
  const [episodes, shows] = await Promise.all([playlistEpisodes(playlist), listPodcasts()]);
  const byId = new Map(shows.map((p) => [p.id, p]));
  return episodes.map((episode) => ({ episode, podcast: byId.get(episode.podcastId) ?? null }));
}

/** Count and known total length, for the list of playlists. */
export async function playlistSummary(playlist: Playlist): Promise<{ count: number; seconds: number; unknown: number }> {
  const episodes = await playlistEpisodes(playlist);
  let seconds = 0;
  let unknown = 0;
  for (const e of episodes) {
    if (e.duration && e.duration > 0) seconds += e.duration;
    else unknown++;
  }
  return { count: episodes.length, seconds, unknown };
}

/** How many episodes a filter being edited would hold now (the smart playlist form's live count). */
export async function previewSmartFilter(filter: SmartFilter): Promise<number> {
  if (filter.downloadedOnly) await initDownloads();
  const episodes = await allEpisodes();
  return evaluateSmartFilter(filter, episodes, { now: Date.now(), downloaded: downloadedIds() }).length;
}
