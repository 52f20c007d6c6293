import type { Episode } from '../../core/types';
import { openPlaylistPicker } from '../../state/playlists';

/**
 * Opens the one "Add to playlist…" dialog for this episode. `compact` is the episode row's short
 * label (five controls share a phone-wide line); the accessible name always says it in full.
 */
export function AddToPlaylistButton({ episode, compact = false }: { episode: Pick<Episode, 'id' | 'title'>; compact?: boolean }) {
  const title = episode.title || 'Untitled episode';
  return (
    <button
      type="button"
      class={compact ? 'button button-small' : 'button'}
      aria-label={`Add to playlist… ${title}`}
      aria-haspopup="dialog"
      onClick={() => openPlaylistPicker(episode.id, title)}
    >
      {compact ? '+ List' : 'Add to playlist…'}
    </button>
  );
}
