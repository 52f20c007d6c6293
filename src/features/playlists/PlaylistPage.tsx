import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { Page } from '../../ui/Page';
import { formatDuration } from '../../core/time';
import { describeFilter } from '../../core/playlists/smart-filter';
import { deletePlaylist, loadPlaylists, playlists, playlistsLoaded, renamePlaylist, updateSmartPlaylist } from '../../state/playlists';
import { playlistItems } from '../../state/playlist-items';
import { playPlaylist, playingPlaylistId } from '../../state/playlist-play';
import { loadPlaylistSession } from '../../state/playlist-session';
import { libraryVersion, loadLibrary, podcasts } from '../../state/library';
import { downloads } from '../../state/downloads';
import { currentEpisode } from '../../state/player';
import { DeletePlaylist } from './DeletePlaylist';
import { PlaylistEpisodes } from './PlaylistEpisodes';
import { PlaylistNameDialog } from './PlaylistNameDialog';
import { SmartPlaylistDialog } from './SmartPlaylistDialog';
import { useAsync } from './use-async';
import './playlists.css';

function decodeId(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** One playlist: Play (from the top) / Rename or Edit filter / Delete, and its episodes, each playable from there. */
export function PlaylistPage({ id }: { id: string }) {
  const playlistId = decodeId(id);
  const { route } = useLocation();
  const [dialog, setDialog] = useState<'rename' | 'edit' | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void loadPlaylists().catch((err: unknown) => setError(`Your playlists could not be read: ${message(err)}`));
    void loadPlaylistSession().catch(() => undefined);
    void loadLibrary().catch(() => undefined);
  }, []);
  const playlist = playlists.value.find((p) => p.id === playlistId) ?? null;
  const items = useAsync(async () => (playlist ? playlistItems(playlist) : []), [playlist, libraryVersion.value, playlist?.kind === 'smart' ? downloads.value : null]);

  if (!playlist) {
    return (
      <Page title="Playlist" back="/playlists">
        {playlistsLoaded.value ? <p>This playlist does not exist. It may have been deleted.</p> : <p class="muted">Loading…</p>}
        {error && <p class="error-text">{error}</p>}
      </Page>
    );
  }

  const play = (from?: string) =>
    void playPlaylist(playlist.id, from).then(
      () => setError(null),
      (err: unknown) => setError(message(err)),
    );
  const loaded = items.kind === 'ready' ? items.value : [];
  // A manual playlist follows its stored order at once, so a move never snaps back while episodes are re-read.
  const byId = new Map(loaded.map((i) => [i.episode.id, i]));
  const list = playlist.kind === 'manual' ? playlist.episodeIds.flatMap((eid) => byId.get(eid) ?? []) : loaded;
  const seconds = list.reduce((sum, i) => sum + (i.episode.duration ?? 0), 0);
  const nowPlaying = playingPlaylistId(currentEpisode.value?.id ?? null) === playlist.id ? (currentEpisode.value?.id ?? null) : null;
  const shows = new Map(podcasts.value.map((p) => [p.id, p.title]));

  return (
    <Page
      title={playlist.name}
      back="/playlists"
      actions={
        <button type="button" class="button button-small button-primary" disabled={list.length === 0} onClick={() => play()}>
          Play
        </button>
      }
    >
      {playlist.kind === 'smart' && (
        <p class="playlist-filter">
          <span class="badge badge-smart">Smart</span> {describeFilter(playlist.filter, (sid) => shows.get(sid))}
        </p>
      )}
      <p class="queue-summary" aria-live="polite">
        {items.kind === 'loading' ? 'Loading…' : `${list.length === 1 ? '1 episode' : `${list.length} episodes`}${seconds > 0 ? ` · ${formatDuration(seconds)}` : ''}`}
        {nowPlaying && <span class="muted"> · playing from this playlist</span>}
      </p>
      <div class="playlist-tools">
        <button type="button" class="button button-small" onClick={() => setDialog(playlist.kind === 'smart' ? 'edit' : 'rename')}>
          {playlist.kind === 'smart' ? 'Edit filter' : 'Rename'}
        </button>
        <DeletePlaylist
          name={playlist.name}
          onDelete={() =>
            void deletePlaylist(playlist.id).then(
              () => route('/playlists'),
              (err: unknown) => setError(message(err)),
            )
          }
        />
      </div>
      {error && (
        <p class="error-text" role="alert">
          {error}
        </p>
      )}
      {items.kind === 'failed' && <p class="error-text">The playlist's episodes could not be read: {items.message}</p>}
      {items.kind === 'ready' && list.length === 0 && (
        <p class="muted">
          {playlist.kind === 'smart' ? 'No episode matches this filter right now. It fills itself as episodes arrive or change.' : 'Empty. Use “Add to playlist…” on any episode or in the player.'}
        </p>
      )}
      {list.length > 0 && <PlaylistEpisodes playlist={playlist} items={list} playingId={nowPlaying} onPlay={(eid) => play(eid)} />}
      <PlaylistNameDialog
        open={dialog === 'rename'}
        heading="Rename playlist"
        initial={playlist.name}
        submitLabel="Save"
        onCancel={() => setDialog(null)}
        onSave={async (name) => {
          await renamePlaylist(playlist.id, name);
          setDialog(null);
        }}
      />
      {playlist.kind === 'smart' && (
        <SmartPlaylistDialog
          open={dialog === 'edit'}
          initial={{ name: playlist.name, filter: playlist.filter }}
          heading="Edit smart playlist"
          submitLabel="Save"
          onCancel={() => setDialog(null)}
          onSave={async (name, filter) => {
            await updateSmartPlaylist(playlist.id, name, filter);
            setDialog(null);
          }}
        />
      )}
    </Page>
  );
}
