import { registerArtworkRoute } from './artwork';

/** One line per kind of resource the service worker answers beyond the precached shell. */
export function registerRoutes(): void {
  registerArtworkRoute();
}
