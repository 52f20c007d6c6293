import { render } from 'preact';
import { App } from './app/App';
import { registerServiceWorker } from './sw-bridge';
import { startLibrary } from './state/library-actions';
import './app/styles.css';
import { applyTheme } from './state/view-prefs';

applyTheme();

render(<App />, document.getElementById('app')!);
registerServiceWorker();
void startLibrary();
// Sync code loads after the shell: most listeners never turn it on.
void import('./state/sync/run').then((m) => m.startAutoSync());
// Transcripts and chapters are stored alongside downloads: that code is not part of the first screen.
void import('./state/episode-extras-watch').then((m) => m.startEpisodeExtras());
