import { registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';
import { ExpirationPlugin } from 'workbox-expiration';
import { CacheableResponsePlugin } from 'workbox-cacheable-response';

/**
 * Show and episode artwork from any host, kept so the library looks right offline.
 * Opaque responses are accepted (most artwork hosts send no CORS headers) but capped in number,
 * because the browser pads their quota cost.
 */
export function registerArtworkRoute(): void {
  registerRoute(
    ({ request, url }) => request.destination === 'image' && url.origin !== self.location.origin,
    new CacheFirst({
      cacheName: 'artwork',
      plugins: [new CacheableResponsePlugin({ statuses: [0, 200] }), new ExpirationPlugin({ maxEntries: 300, maxAgeSeconds: 60 * 60 * 24 * 60, purgeOnQuotaError: true })],
      fetchOptions: { mode: 'no-cors' },
    }),
  );
}
