import { useState } from 'preact/hooks';
import { addBookmarkNow } from '../../state/bookmarks';
import './bookmarks.css';

/** The full player's "Add bookmark": saves the current time at once, then the note editor opens on it. */
export function AddBookmarkButton() {
  const [error, setError] = useState<string | null>(null);
  return (
    <div class="add-bookmark">
      <button
        type="button"
        class="button button-small"
        aria-keyshortcuts="b"
        title="Add bookmark (B)"
        onClick={() =>
          void addBookmarkNow().then(
            () => setError(null),
            (err: unknown) => setError(err instanceof Error ? err.message : String(err)),
          )
        }
      >
        <svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" aria-hidden="true">
          <path d="M6 3h12v18l-6-4.5L6 21z" />
        </svg>
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
