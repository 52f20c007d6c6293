import { useState } from 'preact/hooks';
import { addBookmarkNow } from '../../state/bookmarks';
import { PlayerIcon } from '../player/PlayerIcon';
import './bookmarks.css';

/** The full player's "Add bookmark": saves the current time at once, then the note editor opens on it. */
export function AddBookmarkButton() {
  const [error, setError] = useState<string | null>(null);
  return (
    <div class="add-bookmark">
      <button type="button" class="button button-small" aria-keyshortcuts="b" title="Add bookmark (B)" onClick={() => void addBookmarkNow().then(() => setError(null), (err: unknown) => setError(err instanceof Error ? err.message : String(err)))}>
        <PlayerIcon name="check" size={18} />
        Add bookmark
      </button>
      {error && (
        <span class="error-text" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
