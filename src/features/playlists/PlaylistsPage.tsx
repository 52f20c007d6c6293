import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { Page } from '../../ui/Page';
import { createPlaylist, createSmartPlaylist, loadPlaylists, movePlaylist, playlists, playlistsLoaded } from '../../state/playlists';
import { loadLibrary } from '../../state/library';
import { PlaylistCard, playlistHref } from './PlaylistCard';
import { PlaylistNameDialog } from './PlaylistNameDialog';
import { SmartPlaylistDialog } from './SmartPlaylistDialog';
import './playlists.css';

/** Every playlist, manual and smart, with New playlist / New smart playlist; reached from the Queue screen. */
export function PlaylistsPage() {
  const { route } = useLocation();
  const [dialog, setDialog] = useState<'manual' | 'smart' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  useEffect(() => {
    void loadPlaylists().catch((err: unknown) => setError(`Your playlists could not be read: ${err instanceof Error ? err.message : String(err)}`));
    void loadLibrary().catch(() => undefined);
  }, []);
  const list = playlists.value;
  const move = async (id: string, name: string, to: number) => {
    await movePlaylist(id, to);
    setAnnouncement(`${name} moved to position ${to + 1} of ${list.length}.`);
  };
  return (
    <Page title="Playlists" back="/queue">
      <div class="playlist-tools">
        <button type="button" class="button button-small button-primary" onClick={() => setDialog('manual')}>
          New playlist
        </button>
        <button type="button" class="button button-small" onClick={() => setDialog('smart')}>
          New smart playlist
        </button>
      </div>
      {error && (
        <p class="error-text" role="alert">
          {error}
        </p>
      )}
      {playlistsLoaded.value && list.length === 0 && (
        <div class="playlists-empty">
          <p>No playlists yet.</p>
          <p class="muted">Make one here, or use “Add to playlist…” on any episode. A smart playlist fills itself, e.g. with the unplayed episodes under 45 minutes from the shows you pick.</p>
        </div>
      )}
      {list.length > 0 && (
        <ol class="playlist-cards">
          {list.map((p, i) => (
            <PlaylistCard key={p.id} playlist={p} index={i} count={list.length} onMove={(to) => void move(p.id, p.name, to)} />
          ))}
        </ol>
      )}
      <p class="visually-hidden" role="status">
        {announcement}
      </p>
      <PlaylistNameDialog
        open={dialog === 'manual'}
        heading="New playlist"
        initial=""
        submitLabel="Create"
        onCancel={() => setDialog(null)}
        onSave={async (name) => {
          await createPlaylist(name);
          setDialog(null);
        }}
      />
      <SmartPlaylistDialog
        open={dialog === 'smart'}
        initial={null}
        heading="New smart playlist"
        submitLabel="Create"
        onCancel={() => setDialog(null)}
        onSave={async (name, filter) => {
          const p = await createSmartPlaylist(name, filter);
          setDialog(null);
          route(playlistHref(p.id));
        }}
      />
    </Page>
  );
}
