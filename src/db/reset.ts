import { DB_NAME } from './schema';
import { db, resetDbConnection } from './open';

/**
 * Deletes the whole database (shows, episodes, play state, queue, downloads, settings, search
 * index). The app's own connection is closed first, or the deletion would wait on it forever.
 */
export async function deleteDatabase(): Promise<void> {
  try {
    (await db()).close();
  } catch {
    // Never opened or already broken: nothing to close.
  }
  resetDbConnection();
  await new Promise<void>((resolve, reject) => {
    const req = indexedDB.deleteDatabase(DB_NAME);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error ?? new Error('The database could not be deleted'));
    // Another tab holds it open: it closes on `versionchange`, then this succeeds.
    req.onblocked = () => undefined;
  });
}
