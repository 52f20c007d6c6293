import { render } from 'preact';
import { App } from './app/App';
import { registerServiceWorker } from './sw-bridge';
import { startLibrary } from './state/library-start';
import { startEpisodeExtras } from './state/episode-extras-watch';
import './app/styles.css';

render(<App />, document.getElementById('app')!);
registerServiceWorker();
void startLibrary();
// Sync code loads after the shell: most listeners never turn it on.
void import('./state/sync/run').then((m) => m.startAutoSync());
startEpisodeExtras();
