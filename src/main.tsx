import { render } from 'preact';
import { App } from './app/App';
import { registerServiceWorker } from './sw-bridge';
import './app/styles.css';

render(<App />, document.getElementById('app')!);
registerServiceWorker();
