import { registerArtworkRoute } from './artwork';
import { registerOfflineAudioRoute } from './offline-audio';
import { registerBackgroundFetchHandlers } from '../background-fetch';

/** One line per kind of resource the service worker answers beyond the precached shell. */
export function registerRoutes(): void {
  registerArtworkRoute();
  registerOfflineAudioRoute();
  // Not a route: Background Fetch results of downloads, stored next to what the route above serves.
  registerBackgroundFetchHandlers();
}
