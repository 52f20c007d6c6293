import { useState } from 'preact/hooks';
import { formatClock } from '../../core/time';
import { NOTE_MAX } from '../../core/playlists/validate';
import { useModalDialog } from '../../ui/use-modal-dialog';
import { bookmarks, deleteBookmark, editBookmark, editingBookmark, updateBookmarkNote } from '../../state/bookmarks';
import { useBookmarkShortcut } from './use-bookmark-shortcut';
import './bookmarks.css';

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * The one note editor, mounted in the shell: it opens on a bookmark just added (button or B) and on
 * "Edit note". The bookmark is already saved, so closing without a note keeps it.
 */
export function BookmarkEditor() {
  const id = editingBookmark.value;
  const bookmark = id ? (bookmarks.value.find((b) => b.id === id) ?? null) : null;
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [shortcutError, setShortcutError] = useState<string | null>(null);
  useBookmarkShortcut(setShortcutError);
  const ref = useModalDialog(bookmark !== null, () => {
    setNote(bookmark?.note ?? '');
    setError(null);
    setShortcutError(null);
  });
  const close = () => editBookmark(null);
  const save = async (e: Event) => {
    e.preventDefault();
    if (!bookmark) return;
    try {
      await updateBookmarkNote(bookmark.id, note);
      close();
    } catch (err) {
      setError(message(err));
    }
  };
  const remove = async () => {
    if (!bookmark) return;
    try {
      await deleteBookmark(bookmark.id);
      close();
    } catch (err) {
      setError(message(err));
    }
  };
  return (
    <>
      {shortcutError && (
        <p class="visually-hidden" role="alert">
          {shortcutError}
        </p>
      )}
      <dialog ref={ref} class="dialog bookmark-editor" aria-labelledby="bookmark-editor-title" onClose={close}>
        {bookmark && (
          <form class="dialog-form" onSubmit={(e) => void save(e)}>
            <h2 id="bookmark-editor-title">Bookmark at {formatClock(bookmark.time)}</h2>
            <p class="dialog-hint muted">{bookmark.episodeTitle}</p>
            <label for="bookmark-note">Note (optional)</label>
            <textarea id="bookmark-note" class="bookmark-note-input" rows={3} maxLength={NOTE_MAX} value={note} placeholder="What was said here?" onInput={(e) => setNote(e.currentTarget.value)} />
            {error && (
              <p class="error-text" role="alert">
                {error}
              </p>
            )}
            <div class="dialog-actions bookmark-editor-actions">
              <button type="button" class="button button-danger" onClick={() => void remove()}>
                Delete
              </button>
              <span class="spacer" />
              <button type="button" class="button" onClick={close}>
                Close
              </button>
              <button type="submit" class="button button-primary">
                Save note
              </button>
            </div>
          </form>
        )}
      </dialog>
    </>
  );
}
