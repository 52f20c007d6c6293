import type { Episode } from '../../core/types';
import { markEpisodePlayed } from '../../state/played';

/** "Mark played" / "Mark unplayed" for one episode (Episode page, full player); undoable from the toast. */
export function MarkPlayedButton({ episode, small = false }: { episode: Episode; small?: boolean }) {
  const title = episode.title || 'Untitled episode';
  const played = episode.played === 1;
  return (
    <button
      type="button"
      class={small ? 'button button-small' : 'button'}
      aria-label={`${played ? 'Mark unplayed' : 'Mark played'} ${title}`}
      onClick={() => void markEpisodePlayed(episode.id, title, !played)}
    >
      {played ? 'Mark unplayed' : 'Mark played'}
    </button>
  );
}
