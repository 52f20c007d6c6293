import { describe, expect, test } from 'vitest';
import { openDB } from 'idb';
import { openHopcastDB } from '../../../src/db/open';
import { episode, podcast } from '../library/fixtures';

describe('schema v4 (playlists, bookmarks)', () => {
  test('a version 3 database gains both stores and keeps what it had', async () => {
    const name = 'hopcast-migration-v4';
    const show = podcast('https://a.example/feed');
    const ep = episode(show.id, 1);
    // A frozen copy of the stores v3 had (the ladder itself always runs to the newest step).
    const v3 = await openDB(name, 3, {
      upgrade(database) {
        database.createObjectStore('podcasts', { keyPath: 'id' }).createIndex('by-order', 'order');
        database.createObjectStore('episodes', { keyPath: 'id' }).createIndex('by-played', 'played');
        database.createObjectStore('queue', { keyPath: 'episodeId' }).createIndex('by-order', 'order');
        database.createObjectStore('settings');
        database.createObjectStore('searchIndex');
      },
    });
    await v3.put('podcasts', show);
    await v3.put('episodes', ep);
    await v3.put('queue', { episodeId: ep.id, order: 1024 });
    v3.close();

    const v4 = await openHopcastDB(name, 4);
    expect(await v4.get('episodes', ep.id)).toEqual(ep);
    expect(await v4.get('queue', ep.id)).toEqual({ episodeId: ep.id, order: 1024 });
    expect([...v4.transaction('playlists').store.indexNames]).toEqual(['by-order']);
    expect([...v4.transaction('bookmarks').store.indexNames].sort()).toEqual(['by-created', 'by-episode']);
    await v4.put('bookmarks', { id: 'b', episodeId: ep.id, podcastId: show.id, time: 3, note: '', episodeTitle: 't', podcastTitle: 's', createdAt: 1, updatedAt: 1 });
    expect(await v4.getAllFromIndex('bookmarks', 'by-episode', ep.id)).toHaveLength(1);
    v4.close();
    indexedDB.deleteDatabase(name);
  });
});
