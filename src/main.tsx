import { render } from 'preact';
import { App } from './app/App';
import { registerServiceWorker } from './sw-bridge';
import { startLibrary } from './state/library-start';
import './app/styles.css';
import { applyTheme } from './state/view-prefs';

applyTheme();

render(<App />, document.getElementById('app')!);
registerServiceWorker();
void startLibrary();
