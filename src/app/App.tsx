import { LocationProvider, Router, Route, ErrorBoundary } from 'preact-iso';
import { BottomNav } from './BottomNav';
import { UpdatePrompt } from './UpdatePrompt';
import { OfflineBanner } from './OfflineBanner';
import { NotFound } from './NotFound';
import { InstallBanner } from '../features/install/InstallBanner';
import { LibraryPage } from '../features/library/LibraryPage';
import { ShowPage } from '../features/show/ShowPage';
import { EpisodePage } from '../features/episode/EpisodePage';
import { QueuePage } from '../features/queue/QueuePage';
import { DownloadsPage } from '../features/downloads/DownloadsPage';
import { SearchPage } from '../features/search/SearchPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { PlayerDock } from '../features/player/PlayerDock';

export function App() {
  return (
    <LocationProvider>
      <div class="app">
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <OfflineBanner />
        <UpdatePrompt />
        <main id="main" class="main" tabIndex={-1}>
          <InstallBanner />
          <ErrorBoundary>
            <Router>
              <Route path="/" component={LibraryPage} />
              <Route path="/show/:id" component={ShowPage} />
              <Route path="/episode/:id" component={EpisodePage} />
              <Route path="/queue" component={QueuePage} />
              <Route path="/downloads" component={DownloadsPage} />
              <Route path="/search" component={SearchPage} />
              <Route path="/settings" component={SettingsPage} />
              <Route default component={NotFound} />
            </Router>
          </ErrorBoundary>
        </main>
        <div class="dock">
          <PlayerDock />
          <BottomNav />
        </div>
      </div>
    </LocationProvider>
  );
}
