/** "Play" on a playlist: from the top or from one of its episodes, then through to its end (see playlist-session.ts). */
import { PlaylistInputError } from '../core/playlists/validate';
import { playEpisode } from './player';
import { loadPlaylists, playlists } from './playlists';
import { playlistEpisodeIds } from './playlist-items';
import { beginPlaylistSession, playlistSession } from './playlist-session';

export async function playPlaylist(playlistId: string, fromEpisodeId?: string): Promise<void> {
  await loadPlaylists();
  const playlist = playlists.value.find((p) => p.id === playlistId);
  if (!playlist) throw new PlaylistInputError('That playlist no longer exists.');
  const ids = await playlistEpisodeIds(playlist);
  const first = fromEpisodeId !== undefined && ids.includes(fromEpisodeId) ? fromEpisodeId : ids[0];
  if (!first) throw new PlaylistInputError(playlist.kind === 'smart' ? 'No episode matches this smart playlist right now.' : 'This playlist is empty.');
  await beginPlaylistSession({ playlistId, episodeId: first, snapshot: ids });
  await playEpisode(first);
}

/** The playlist playing now, if the episode in the player was put there by one. */
export function playingPlaylistId(currentEpisodeId: string | null): string | null {
  const s = playlistSession.value;
  return s && s.episodeId === currentEpisodeId ? s.playlistId : null;
}
