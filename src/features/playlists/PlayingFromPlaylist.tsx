import { useEffect } from 'preact/hooks';
import { currentEpisode } from '../../state/player';
import { loadPlaylists, playlists } from '../../state/playlists';
import { playingPlaylistId } from '../../state/playlist-play';
import { loadPlaylistSession } from '../../state/playlist-session';

/** "Playing from Road trip": says where the next episode comes from while a playlist plays through. */
export function PlayingFromPlaylist() {
  useEffect(() => {
    // After a reload the session and the playlists are read on first need; the player is such a need.
    void Promise.all([loadPlaylistSession(), loadPlaylists()]).catch((err: unknown) => console.warn('Playlist session could not be read', err));
  }, []);
  const id = playingPlaylistId(currentEpisode.value?.id ?? null);
  const playlist = id ? playlists.value.find((p) => p.id === id) : undefined;
  if (!playlist) return null;
  return (
    <p class="playing-from muted">
      Playing from <strong>{playlist.name}</strong>; Up Next continues after it.
    </p>
  );
}
