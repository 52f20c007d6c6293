import { Workbox } from 'workbox-window';
import { signal } from '@preact/signals';

/** True once a new service worker is installed and waiting: the UI offers "Reload". */
export const updateAvailable = signal(false);
/** True once a service worker controls the page (the app then opens with no network). */
export const offlineReady = signal(false);

let wb: Workbox | null = null;

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  wb = new Workbox('/sw.js', { scope: '/' });
  wb.addEventListener('waiting', () => {
    updateAvailable.value = true;
  });
  wb.addEventListener('activated', () => {
    offlineReady.value = true;
  });
  void wb.register().then(() => {
    if (navigator.serviceWorker.controller) offlineReady.value = true;
  });
  // A PWA left open for days would otherwise only look for a new version on navigation.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void wb?.update().catch(() => undefined);
  });
}

/** Called from the "Reload" button only: never reload on our own, it would cut off playback. */
export function applyUpdate(): void {
  if (!wb) return;
  // Reload once the new worker controls the page, so the page and the worker agree on the version.
  navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true });
  wb.messageSkipWaiting();
}
