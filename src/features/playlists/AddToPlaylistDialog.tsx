import './playlists.css';
import { useRef, useState } from 'preact/hooks';
import { useModalDialog } from '../../ui/use-modal-dialog';
import { addToPlaylist, closePlaylistPicker, createPlaylist, loadPlaylists, playlistPicker, playlists, removeFromPlaylist } from '../../state/playlists';
import { playlistEpisodeIds } from '../../state/playlist-items';
import { libraryVersion } from '../../state/library';
import { useAsync } from './use-async';

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * The "Add to playlist…" dialog, mounted once in the shell: each manual playlist with a checkbox
 * (ticking adds, unticking removes, at once), and a field to make a new playlist with the episode in it.
 * Smart playlists are not offered: they fill themselves from their filter.
 */
export function AddToPlaylistDialog() {
  const target = playlistPicker.value;
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  // A ref, not state: a double click lands before a re-render could disable the button.
  const creating = useRef(false);
  const ref = useModalDialog(target !== null, () => {
    setName('');
    setError(null);
    setStatus('');
    void loadPlaylists().catch((err: unknown) => setError(`Your playlists could not be read: ${message(err)}`));
  });
  const manual = playlists.value.filter((p) => p.kind === 'manual');
  // Counted as the playlist screen counts (episodes still in the library), not stored ids: a backup
  // can hold ids of episodes whose show is not (yet) followed again.
  const counts = useAsync(
    async () => (target ? new Map(await Promise.all(manual.map(async (p) => [p.id, (await playlistEpisodeIds(p)).length] as const))) : new Map<string, number>()),
    [target, playlists.value, libraryVersion.value],
  );

  const toggle = async (id: string, listName: string, on: boolean) => {
    if (!target) return;
    setError(null);
    try {
      await (on ? addToPlaylist(id, target.episodeId) : removeFromPlaylist(id, target.episodeId));
      setStatus(on ? `Added to ${listName}.` : `Removed from ${listName}.`);
    } catch (err) {
      setError(message(err));
    }
  };
  const create = async (e: Event) => {
    e.preventDefault();
    if (!target || creating.current) return;
    creating.current = true;
    setError(null);
    try {
      const p = await createPlaylist(name, [target.episodeId]);
      setName('');
      setStatus(`Made ${p.name} and added the episode.`);
    } catch (err) {
      setError(message(err));
    } finally {
      creating.current = false;
    }
  };

  return (
    <dialog ref={ref} class="dialog playlist-picker" aria-labelledby="picker-title" aria-describedby="picker-episode" onClose={closePlaylistPicker}>
      {target && (
        <div class="dialog-form">
          <h2 id="picker-title">Add to playlist</h2>
          <p id="picker-episode" class="dialog-hint muted">
            {target.title}
          </p>
          {manual.length === 0 ? (
            <p class="muted">No playlists yet. Name one below.</p>
          ) : (
            <ul class="picker-list">
              {manual.map((p) => {
                const inIt = p.kind === 'manual' && p.episodeIds.includes(target.episodeId);
                return (
                  <li key={p.id}>
                    <label class="picker-option">
                      <input type="checkbox" checked={inIt} onChange={(e) => void toggle(p.id, p.name, e.currentTarget.checked)} />
                      <span class="picker-name">{p.name}</span>
                      <span class="muted picker-count" aria-hidden="true">
                        {counts.kind === 'ready' ? counts.value.get(p.id) : ''}
                      </span>
                    </label>
                  </li>
                );
              })}
            </ul>
          )}
          <form class="picker-new" onSubmit={(e) => void create(e)}>
            <label for="picker-new-name">New playlist</label>
            <div class="picker-new-row">
              <input id="picker-new-name" type="text" value={name} maxLength={80} autoComplete="off" placeholder="e.g. Commute" onInput={(e) => setName(e.currentTarget.value)} />
              <button type="submit" class="button">
                Create
              </button>
            </div>
          </form>
          {error && (
            <p class="error-text" role="alert">
              {error}
            </p>
          )}
          <p class="muted picker-status" role="status">
            {status}
          </p>
          <div class="dialog-actions">
            <button type="button" class="button button-primary" onClick={closePlaylistPicker}>
              Done
            </button>
          </div>
        </div>
      )}
    </dialog>
  );
}
