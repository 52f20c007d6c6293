import { useState } from 'preact/hooks';
import type { Bookmark } from '../../core/playlists/types';
import { formatClock } from '../../core/time';
import { deleteBookmark, editBookmark, playBookmark } from '../../state/bookmarks';
import { PlayerIcon } from '../player/PlayerIcon';

/** One bookmark: its time (activating it plays from there), its note, Edit note and Delete. */
export function BookmarkItem({ bookmark }: { bookmark: Bookmark }) {
  const [error, setError] = useState<string | null>(null);
  const at = formatClock(bookmark.time);
  const noteId = `bookmark-note-${bookmark.id}`;
  return (
    <li class="bookmark-item">
      <button
        type="button"
        class="bookmark-time"
        aria-label={`Play from ${at}`}
        aria-describedby={noteId}
        onClick={() =>
          void playBookmark(bookmark).then(
            () => setError(null),
            (err: unknown) => setError(err instanceof Error ? err.message : String(err)),
          )
        }
      >
        <PlayerIcon name="play" size={16} />
        {at}
      </button>
      <p id={noteId} class={bookmark.note ? 'bookmark-note' : 'bookmark-note muted'}>
        {bookmark.note || 'No note'}
      </p>
      <div class="bookmark-actions">
        <button type="button" class="button button-small" aria-label={`Edit note at ${at}`} onClick={() => editBookmark(bookmark.id)}>
          Edit
        </button>
        <button
          type="button"
          class="icon-button"
          aria-label={`Delete bookmark at ${at}`}
          onClick={() => void deleteBookmark(bookmark.id).catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)))}
        >
          <PlayerIcon name="remove" size={18} />
        </button>
      </div>
      {error && (
        <p class="error-text bookmark-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
