import { LocationProvider, Router, Route, ErrorBoundary, lazy } from 'preact-iso';
import { BottomNav } from './BottomNav';
import { NotFound } from './NotFound';
import { LibraryPage } from '../features/library/LibraryPage';
import { PlayerDockLoader } from './PlayerDockLoader';
import { IdleMount } from './IdleMount';
import { DockNotices } from './DockNotices';

// Screens other than the Library load on first visit (and are precached), keeping the shell small.
const ShowPage = lazy(() => import('../features/show/ShowPage').then((m) => m.ShowPage));
const EpisodeScreen = lazy(() => import('../features/episode-page/EpisodeScreen').then((m) => m.EpisodeScreen));
const QueuePage = lazy(() => import('../features/queue/QueuePage').then((m) => m.QueuePage));
const DownloadsPage = lazy(() => import('../features/downloads/DownloadsPage').then((m) => m.DownloadsPage));
const SearchPage = lazy(() => import('../features/search/SearchPage').then((m) => m.SearchPage));
const LatestPage = lazy(() => import('../features/latest/LatestPage').then((m) => m.LatestPage));
const PersonPage = lazy(() => import('../features/people/PersonPage').then((m) => m.PersonPage));
const PlaylistsPage = lazy(() => import('../features/playlists/PlaylistsPage').then((m) => m.PlaylistsPage));
const PlaylistPage = lazy(() => import('../features/playlists/PlaylistPage').then((m) => m.PlaylistPage));
const BookmarksPage = lazy(() => import('../features/bookmarks/BookmarksPage').then((m) => m.BookmarksPage));
const StatsPage = lazy(() => import('../features/listening/StatsPage').then((m) => m.StatsPage));
const SettingsPage = lazy(() => import('../features/settings/SettingsPage').then((m) => m.SettingsPage));

// App-wide dialogs, opened from many screens: loaded once the first screen is up.
const loadPlaylistDialog = () => import('../features/playlists/AddToPlaylistDialog').then((m) => m.AddToPlaylistDialog);
const loadBookmarkEditor = () => import('../features/bookmarks/BookmarkEditor').then((m) => m.BookmarkEditor);

export function App() {
  return (
    <LocationProvider>
      <div class="app">
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <main id="main" class="main" tabIndex={-1}>
          <ErrorBoundary>
            <Router>
              <Route path="/" component={LibraryPage} />
              <Route path="/show/:id" component={ShowPage} />
              <Route path="/episode/:id" component={EpisodeScreen} />
              <Route path="/queue" component={QueuePage} />
              <Route path="/downloads" component={DownloadsPage} />
              <Route path="/search" component={SearchPage} />
              <Route path="/settings" component={SettingsPage} />
              <Route path="/latest" component={LatestPage} />
              <Route path="/person/:id" component={PersonPage} />
              <Route path="/playlists" component={PlaylistsPage} />
              <Route path="/playlists/:id" component={PlaylistPage} />
              <Route path="/bookmarks" component={BookmarksPage} />
              <Route path="/stats" component={StatsPage} />
              <Route default component={NotFound} />
            </Router>
          </ErrorBoundary>
        </main>
        <div class="dock">
          <DockNotices />
          <PlayerDockLoader />
          <BottomNav />
        </div>
        <IdleMount load={loadPlaylistDialog} />
        <IdleMount load={loadBookmarkEditor} />
      </div>
    </LocationProvider>
  );
}
