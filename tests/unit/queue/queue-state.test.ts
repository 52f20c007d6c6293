import { beforeEach, describe, expect, test, vi } from 'vitest';

/** A fresh copy of the queue module and an empty database for each test (the module caches its load). */
async function freshQueue() {
  vi.resetModules();
  const open = await import('../../../src/db/open');
  const old = await open.db();
  old.close();
  open.resetDbConnection();
  await new Promise<void>((resolve, reject) => {
    const req = indexedDB.deleteDatabase('hopcast');
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
  return import('../../../src/state/queue');
}

const order = (q: { value: Array<{ episodeId: string }> }) => q.value.map((e) => e.episodeId);

describe('queue state', () => {
  let q: Awaited<ReturnType<typeof freshQueue>>;
  beforeEach(async () => {
    q = await freshQueue();
  });

  test('add next/last, move, remove and clear survive a reload from IndexedDB', async () => {
    await q.addToQueue('a', 'last');
    await q.addToQueue('b', 'last');
    await q.addToQueue('c', 'next');
    expect(order(q.queue)).toEqual(['c', 'a', 'b']);
    await q.moveInQueue('c', 2);
    expect(order(q.queue)).toEqual(['a', 'b', 'c']);
    await q.removeFromQueue('b');
    expect(order(q.queue)).toEqual(['a', 'c']);

    // A new page load: a fresh module instance reads the same store.
    vi.resetModules();
    const open = await import('../../../src/db/open');
    (await open.db()).close();
    open.resetDbConnection();
    const reloaded = await import('../../../src/state/queue');
    await reloaded.loadQueue();
    expect(order(reloaded.queue)).toEqual(['a', 'c']);

    await reloaded.clearQueue();
    expect(order(reloaded.queue)).toEqual([]);
    const { listQueue } = await import('../../../src/db/queue');
    expect(await listQueue()).toEqual([]);
  });

  test('takeNext removes and returns the first entry that is not the finished episode', async () => {
    await q.addToQueue('a', 'last');
    await q.addToQueue('b', 'last');
    expect(await q.takeNext('a')).toBe('b');
    expect(order(q.queue)).toEqual([]);
    expect(await q.takeNext('a')).toBeNull();
  });

  test('moving or removing an episode that is not queued changes nothing', async () => {
    await q.addToQueue('a', 'last');
    await q.moveInQueue('zzz', 0);
    await q.removeFromQueue('zzz');
    expect(order(q.queue)).toEqual(['a']);
  });
});
