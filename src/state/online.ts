import { signal } from '@preact/signals';

/** Whether the browser believes it has a network: the offline banner and network-only actions read it. */
export const online = signal(typeof navigator === 'undefined' ? true : navigator.onLine);

if (typeof window !== 'undefined') {
  window.addEventListener('online', () => (online.value = true));
  window.addEventListener('offline', () => (online.value = false));
}
