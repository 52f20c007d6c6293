import { render } from 'preact';
import { App } from './app/App';
import { registerServiceWorker } from './sw-bridge';
import { startLibrary } from './state/library-start';
import { startAutoSync } from './state/sync/run';
import './app/styles.css';

render(<App />, document.getElementById('app')!);
registerServiceWorker();
void startLibrary();
void startAutoSync();
