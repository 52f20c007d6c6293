import { openDB, type IDBPDatabase } from 'idb';
import { DB_NAME, type HopcastDB } from './schema';

/** Bump with a new `if (oldVersion < N)` step below; never edit a released step. */
export const DB_VERSION = 9;

export type HopcastDatabase = IDBPDatabase<HopcastDB>;

let dbPromise: Promise<HopcastDatabase> | null = null;

/** The app's one connection, opened lazily. The name is injectable for tests. */
export function db(name = DB_NAME): Promise<HopcastDatabase> {
  if (!dbPromise) dbPromise = openHopcastDB(name);
  return dbPromise;
}

/** Forget the cached connection (tests, and after `versionchange`). */
export function resetDbConnection(): void {
  dbPromise = null;
}

export function openHopcastDB(name = DB_NAME, version = DB_VERSION): Promise<HopcastDatabase> {
  return openDB<HopcastDB>(name, version, {
    upgrade(database, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) {
        const podcasts = database.createObjectStore('podcasts', { keyPath: 'id' });
        podcasts.createIndex('by-order', 'order');
        const episodes = database.createObjectStore('episodes', { keyPath: 'id' });
        episodes.createIndex('by-podcast-published', ['podcastId', 'published']);
        episodes.createIndex('by-guid', 'guid');
        episodes.createIndex('by-played', 'played');
        episodes.createIndex('by-published', 'published');
        database.createObjectStore('playState', { keyPath: 'episodeId' }).createIndex('by-updated', 'updatedAt');
        database.createObjectStore('queue', { keyPath: 'episodeId' }).createIndex('by-order', 'order');
        database.createObjectStore('downloads', { keyPath: 'episodeId' }).createIndex('by-status', 'status');
        database.createObjectStore('chunks', { keyPath: ['episodeId', 'index'] });
        database.createObjectStore('settings');
      }
      if (oldVersion < 2) {
        // The Library grid shows each show's unplayed count; this index answers it with a count, not a scan.
        tx.objectStore('episodes').createIndex('by-podcast-played', ['podcastId', 'played']);
      }
      if (oldVersion < 3) {
        // The serialized search index: megabytes, so it gets a store of its own rather than a settings key.
        database.createObjectStore('searchIndex');
      }
      if (oldVersion < 4) {
        // Playlists keep their episode ids inline (one put per reorder); bookmarks are read per episode or all at once.
        database.createObjectStore('playlists', { keyPath: 'id' }).createIndex('by-order', 'order');
        const bookmarks = database.createObjectStore('bookmarks', { keyPath: 'id' });
        bookmarks.createIndex('by-episode', 'episodeId');
        bookmarks.createIndex('by-created', 'createdAt');
      }
      if (oldVersion < 5) {
        // Transcripts and chapters kept with the episode for offline use, and the transcript search index.
        database.createObjectStore('transcripts', { keyPath: 'episodeId' }).createIndex('by-podcast', 'podcastId');
        database.createObjectStore('chapters', { keyPath: 'episodeId' }).createIndex('by-podcast', 'podcastId');
        database.createObjectStore('transcriptIndex', { keyPath: 'episodeId' });
      }
      if (oldVersion < 9) {
        // Listening stats: one row per show and per episode, so the Stats screen reads a few rows, not history.
        database.createObjectStore('listenStats', { keyPath: 'id' }).createIndex('by-kind', 'kind');
      }
    },
    blocking() {
      // A newer tab wants to upgrade: close so it is not blocked, reopen lazily on next use.
      void dbPromise?.then((d) => d.close());
      resetDbConnection();
    },
  });
}
