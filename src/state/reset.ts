/** "Reset app data": everything this device stored for Hopcast, gone; the app starts fresh. */
import { deleteDatabase } from '../db/reset';
import { cancelDownload, downloads } from './downloads';
import { pause } from './player';

export async function resetAppData(): Promise<void> {
  pause();
  // Running transfers would write chunks into the database being deleted.
  for (const [id, record] of downloads.value) if (record.status !== 'complete' && record.status !== 'failed') await cancelDownload(id);
  await deleteDatabase();
  try {
    for (const key of Object.keys(localStorage)) if (key.startsWith('hopcast')) localStorage.removeItem(key);
  } catch {
    // Storage blocked: nothing was kept there either.
  }
  if ('caches' in window) {
    // Cached artwork and feeds; the app's own files (the precache) stay so it still opens offline.
    for (const name of await caches.keys()) if (!name.includes('precache')) await caches.delete(name);
  }
  location.assign('/');
}
