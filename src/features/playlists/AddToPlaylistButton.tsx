import type { Episode } from '../../core/types';
import { openPlaylistPicker } from '../../state/playlists';

/** A list with a plus: "add to a list", drawn at the ui Icon's 24×24 grid. */
function PlaylistAddIcon({ size }: { size: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" aria-hidden="true">
      <path d="M4 6h12M4 12h12M4 18h8M18 15v6M15 18h6" />
    </svg>
  );
}

/**
 * Opens the one "Add to playlist…" dialog for this episode. In an episode row it is an icon (five
 * controls share a phone-wide line); the accessible name always says it in full.
 */
export function AddToPlaylistButton({ episode, variant = 'page' }: { episode: Pick<Episode, 'id' | 'title'>; variant?: 'row' | 'page' | 'player' }) {
  const title = episode.title || 'Untitled episode';
  const button = (
    <button
      type="button"
      class={variant === 'page' ? 'button' : variant === 'row' ? 'button button-small add-playlist-icon' : 'button button-small'}
      aria-label={`Add to playlist… ${title}`}
      aria-haspopup="dialog"
      title={variant === 'row' ? 'Add to playlist…' : undefined}
      onClick={() => openPlaylistPicker(episode.id, title)}
    >
      {variant !== 'page' && <PlaylistAddIcon size={18} />}
      {variant !== 'row' && 'Add to playlist…'}
    </button>
  );
  return variant === 'player' ? <div class="player-add-playlist">{button}</div> : button;
}
