import './playlists.css';
/**
 * Playlists and Bookmarks, reached from the Queue screen: both are lists of things to listen to,
 * like Up Next, and the phone's bottom bar has no room for a sixth tab.
 */
export function ListeningLinks() {
  return (
    <nav class="listening-links" aria-label="More lists">
      <a class="listening-link" href="/playlists">
        Playlists<span aria-hidden="true"> ›</span>
      </a>
      <a class="listening-link" href="/bookmarks">
        Bookmarks<span aria-hidden="true"> ›</span>
      </a>
    </nav>
  );
}
