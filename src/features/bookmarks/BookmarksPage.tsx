import { useEffect, useState } from 'preact/hooks';
import { groupByEpisode } from '../../core/playlists/bookmarks';
import { Page } from '../../ui/Page';
import { bookmarks, bookmarksLoaded, loadBookmarks } from '../../state/bookmarks';
import { episodeHref } from '../episode-row/EpisodeRow';
import { BookmarkItem } from './BookmarkItem';
import './bookmarks.css';

/** Every bookmark across all episodes, grouped by episode, the most recently bookmarked first. */
export function BookmarksPage() {
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void loadBookmarks().catch((err: unknown) => setError(`Your bookmarks could not be read: ${err instanceof Error ? err.message : String(err)}`));
  }, []);
  const groups = groupByEpisode(bookmarks.value);
  const total = bookmarks.value.length;
  return (
    <Page title="Bookmarks" back="/queue">
      {error && (
        <p class="error-text" role="alert">
          {error}
        </p>
      )}
      {bookmarksLoaded.value && total === 0 && (
        <div class="bookmarks-empty">
          <p>No bookmarks yet.</p>
          <p class="muted">While an episode plays, open the player and choose “Add bookmark”, or press B. A bookmark keeps the time and an optional note.</p>
        </div>
      )}
      {total > 0 && (
        <p class="queue-summary">
          {total === 1 ? '1 bookmark' : `${total} bookmarks`} in {groups.length === 1 ? '1 episode' : `${groups.length} episodes`}
        </p>
      )}
      {groups.map((g) => (
        <section key={g.episodeId} class="bookmark-group" aria-label={g.episodeTitle}>
          <h2 class="bookmark-group-title">
            <a href={episodeHref(g.episodeId)}>{g.episodeTitle || 'Untitled episode'}</a>
          </h2>
          {g.podcastTitle && <p class="muted bookmark-group-show">{g.podcastTitle}</p>}
          <ul class="bookmark-list">
            {g.bookmarks.map((b) => (
              <BookmarkItem key={b.id} bookmark={b} />
            ))}
          </ul>
        </section>
      ))}
    </Page>
  );
}
