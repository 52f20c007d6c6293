import type { Episode } from '../../core/types';
import { openPlaylistPicker } from '../../state/playlists';
import { PlayingFromPlaylist } from './PlayingFromPlaylist';

/** A list with a plus: "add to a list", drawn at the ui Icon's 24×24 grid. */
function PlaylistAddIcon({ size }: { size: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" aria-hidden="true">
      <path d="M4 6h12M4 12h12M4 18h8M18 15v6M15 18h6" />
    </svg>
  );
}

type Variant = 'row' | 'page' | 'player' | 'menu' | 'icon';

const CLASSES: Record<Variant, string> = {
  row: 'button button-small add-playlist-icon',
  page: 'button',
  player: 'button button-small',
  menu: 'button button-small',
  icon: 'icon-button',
};

/**
 * Opens the one "Add to playlist…" dialog for this episode: `row` (the episode row, five controls on
 * a phone-wide line) and `icon` (the queue's icon buttons) show only the icon; the accessible name
 * always says it in full.
 */
export function AddToPlaylistButton({ episode, variant = 'page' }: { episode: Pick<Episode, 'id' | 'title'>; variant?: Variant }) {
  const title = episode.title || 'Untitled episode';
  const iconOnly = variant === 'row' || variant === 'icon';
  const button = (
    <button
      type="button"
      class={CLASSES[variant]}
      aria-label={`Add to playlist… ${title}`}
      aria-haspopup="dialog"
      title={iconOnly ? 'Add to playlist…' : undefined}
      onClick={() => openPlaylistPicker(episode.id, title)}
    >
      {(iconOnly || variant === 'player') && <PlaylistAddIcon size={iconOnly && variant === 'icon' ? 20 : 18} />}
      {!iconOnly && 'Add to playlist…'}
    </button>
  );
  // In the player the control also says which playlist, if any, is playing through.
  return variant === 'player' ? (
    <div class="player-add-playlist">
      {button}
      <PlayingFromPlaylist />
    </div>
  ) : (
    button
  );
}
