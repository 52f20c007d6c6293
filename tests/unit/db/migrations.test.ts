import { afterEach, describe, expect, test } from 'vitest';
import { openDB } from 'idb';
import { openHopcastDB, DB_VERSION } from '../../../src/db/open';
import { episode, podcast } from '../library/fixtures';

let n = 0;
const names: string[] = [];
function freshName(): string {
  const name = `hopcast-migration-${n++}`;
  names.push(name);
  return name;
}

afterEach(async () => {
  for (const name of names.splice(0)) indexedDB.deleteDatabase(name);
});

/** The schema exactly as version 1 shipped it: a frozen copy, so later edits to open.ts can't hide a broken upgrade. */
async function writeV1Database(name: string) {
  const v1 = await openDB(name, 1, {
    upgrade(database) {
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
    },
  });
  const show = podcast('https://a.example/feed', { title: 'Old show' });
  const eps = [episode(show.id, 1, { played: 1 }), episode(show.id, 2), episode(show.id, 3)];
  const tx = v1.transaction(['podcasts', 'episodes', 'playState', 'queue', 'downloads', 'chunks', 'settings'], 'readwrite');
  await tx.objectStore('podcasts').put(show);
  for (const e of eps) await tx.objectStore('episodes').put(e);
  await tx.objectStore('playState').put({ episodeId: eps[0].id, position: 754.5, duration: 1200, played: true, updatedAt: 5 });
  await tx.objectStore('queue').put({ episodeId: eps[1].id, order: 1.5 });
  await tx.objectStore('downloads').put({
    episodeId: eps[2].id,
    sourceUrl: 'https://m.example/3.mp3',
    finalUrl: null,
    status: 'complete',
    bytes: 3,
    total: 3,
    type: 'audio/mpeg',
    etag: null,
    lastModified: null,
    error: null,
    updatedAt: 6,
  });
  await tx.objectStore('chunks').put({ episodeId: eps[2].id, index: 0, data: new Blob([new Uint8Array([1, 2, 3])]) });
  await tx.objectStore('settings').put(30, 'skipForward');
  await tx.done;
  v1.close();
  return { show, eps };
}

describe('schema migrations', () => {
  test('a database written at version 1 upgrades to the current version and loses nothing', async () => {
    const name = freshName();
    const { show, eps } = await writeV1Database(name);
    const database = await openHopcastDB(name);
    expect(database.version).toBe(DB_VERSION);
    expect(await database.get('podcasts', show.id)).toEqual(show);
    expect(await database.getAll('episodes')).toEqual([...eps].sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect(await database.get('playState', eps[0].id)).toMatchObject({ position: 754.5, played: true });
    expect(await database.get('queue', eps[1].id)).toEqual({ episodeId: eps[1].id, order: 1.5 });
    expect(await database.get('downloads', eps[2].id)).toMatchObject({ status: 'complete', bytes: 3 });
    const chunk = await database.get('chunks', [eps[2].id, 0]);
    expect(new Uint8Array(await chunk!.data.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
    expect(await database.get('settings', 'skipForward')).toBe(30);
    // v2's index covers the rows written before it existed.
    expect(await database.countFromIndex('episodes', 'by-podcast-played', [show.id, 0])).toBe(2);
    expect(await database.countFromIndex('episodes', 'by-podcast-played', [show.id, 1])).toBe(1);
    database.close();
  });

  test('a fresh database gets every store and index', async () => {
    const database = await openHopcastDB(freshName());
    expect([...database.objectStoreNames]).toEqual(expect.arrayContaining(['chunks', 'downloads', 'episodes', 'playState', 'podcasts', 'queue', 'settings']));
    expect([...database.transaction('episodes').store.indexNames].sort()).toEqual(['by-guid', 'by-played', 'by-podcast-played', 'by-podcast-published', 'by-published']);
    database.close();
  });
});
