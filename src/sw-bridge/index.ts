import type { Workbox } from 'workbox-window';
import { signal } from '@preact/signals';

/** True once a new service worker is installed and waiting: the UI offers "Reload". */
export const updateAvailable = signal(false);
/** True once a service worker controls the page (the app then opens with no network). */
export const offlineReady = signal(false);

let wb: Workbox | null = null;

/**
 * Registers the service worker once the page has loaded, so its precaching never competes with the
 * first screen; workbox-window is loaded then too, keeping it out of the app shell.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const start = () => register().catch((err: unknown) => console.error('The service worker could not be registered', err));
  if (document.readyState === 'complete') void start();
  else window.addEventListener('load', () => void start(), { once: true });
}

async function register(): Promise<void> {
  const { Workbox } = await import('workbox-window');
  wb = new Workbox('/sw.js', { scope: '/' });
  wb.addEventListener('waiting', () => {
    updateAvailable.value = true;
  });
  wb.addEventListener('activated', () => {
    offlineReady.value = true;
  });
  // A PWA left open for days would otherwise only look for a new version on navigation.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void wb?.update().catch(() => undefined);
  });
  await wb.register();
  if (navigator.serviceWorker.controller) offlineReady.value = true;
}

/** Called from the "Reload" button only: never reload on our own, it would cut off playback. */
export function applyUpdate(): void {
  if (!wb) return;
  // Reload once the new worker controls the page, so the page and the worker agree on the version.
  navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true });
  wb.messageSkipWaiting();
}
