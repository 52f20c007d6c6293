import { describe, expect, test, vi } from 'vitest';

/** One "tab": its own module graph, so its own database connection and its own queue signal. */
async function tab() {
  vi.resetModules();
  return import('../../../src/state/queue');
}

describe('queue edits from two tabs at once', () => {
  test('each tab builds on the stored queue, so no edit is lost and no two entries share a place', async () => {
    const a = await tab();
    const b = await tab();
    await Promise.all([a.loadQueue(), b.loadQueue()]);
    // Both tabs believe the queue is empty and add at the same moment, several times over.
    await Promise.all([a.addToQueue('a1', 'last'), b.addToQueue('b1', 'last'), a.addToQueue('a2', 'last'), b.addToQueue('b2', 'next')]);
    const { listQueue } = await import('../../../src/db/queue');
    const stored = await listQueue();
    expect(stored.map((e) => e.episodeId).sort()).toEqual(['a1', 'a2', 'b1', 'b2']);
    expect(new Set(stored.map((e) => e.order)).size).toBe(4);
    // The tab that wrote last saw the other's entries in its own result, without a message.
    const last = [a.queue.value, b.queue.value].find((q) => q.length === 4);
    expect(last?.map((e) => e.episodeId)).toEqual(stored.map((e) => e.episodeId));
    await b.removeFromQueue('a1');
    await a.reloadQueue();
    expect(a.queue.value.map((e) => e.episodeId)).not.toContain('a1');
  });
});
