import { registerArtworkRoute } from './artwork';
import { registerOfflineAudioRoute } from './offline-audio';

/** One line per kind of resource the service worker answers beyond the precached shell. */
export function registerRoutes(): void {
  registerArtworkRoute();
  registerOfflineAudioRoute();
}
