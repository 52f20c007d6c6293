import { useEffect } from 'preact/hooks';
import { bookmarks, bookmarksFor, loadBookmarks } from '../../state/bookmarks';
import { BookmarkItem } from './BookmarkItem';
import './bookmarks.css';

/** The Episode page's Bookmarks section: this episode's bookmarks by time. */
export function EpisodeBookmarks({ episodeId }: { episodeId: string }) {
  useEffect(() => {
    void loadBookmarks().catch((err: unknown) => console.warn('Bookmarks could not be read', err));
  }, []);
  // Read the signal here so the section re-renders when a bookmark is added, edited or deleted.
  void bookmarks.value;
  const list = bookmarksFor(episodeId);
  return (
    <section class="episode-section" aria-labelledby="bookmarks-heading">
      <h2 id="bookmarks-heading">Bookmarks</h2>
      {list.length === 0 ? (
        <p class="muted">No bookmarks yet. While it plays, use “Add bookmark” in the player or press B.</p>
      ) : (
        <ul class="bookmark-list">
          {list.map((b) => (
            <BookmarkItem key={b.id} bookmark={b} />
          ))}
        </ul>
      )}
    </section>
  );
}
