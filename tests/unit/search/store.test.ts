import { describe, expect, test } from 'vitest';
import { openDB } from 'idb';
import { openHopcastDB } from '../../../src/db/open';
import { episode, podcast } from '../library/fixtures';

describe('searchIndex store (schema v3)', () => {
  test('a version 2 database upgrades with an empty searchIndex store and keeps its episodes', async () => {
    const name = 'hopcast-search-v2';
    // Version 2 as it shipped: v1 stores plus the by-podcast-played index. Only what this test reads is created.
    const v2 = await openDB(name, 2, {
      upgrade(database) {
        database.createObjectStore('podcasts', { keyPath: 'id' }).createIndex('by-order', 'order');
        const episodes = database.createObjectStore('episodes', { keyPath: 'id' });
        episodes.createIndex('by-podcast-published', ['podcastId', 'published']);
        episodes.createIndex('by-podcast-played', ['podcastId', 'played']);
        database.createObjectStore('settings');
      },
    });
    const show = podcast('https://a.example/feed');
    const stored = episode(show.id, 1);
    await v2.put('podcasts', show);
    await v2.put('episodes', stored);
    v2.close();

    const database = await openHopcastDB(name, 3);
    expect([...database.objectStoreNames]).toContain('searchIndex');
    expect(await database.count('searchIndex')).toBe(0);
    expect(await database.get('episodes', stored.id)).toEqual(stored);
    const value = { format: 1, json: '{}', signatures: [[stored.id, 'sig']] as Array<[string, string]>, savedAt: 1 };
    await database.put('searchIndex', value, 'episodes');
    expect(await database.get('searchIndex', 'episodes')).toEqual(value);
    database.close();
    indexedDB.deleteDatabase(name);
  });
});
