/** The `queue` store: upcoming episodes with fractional order keys (rules in core/queue). */
import type { QueueEntry } from '../core/types';
import { applyWrites, sortQueue } from '../core/queue';
import { db } from './open';

export async function listQueue(): Promise<QueueEntry[]> {
  return sortQueue(await (await db()).getAllFromIndex('queue', 'by-order'));
}

export interface QueueChange {
  writes: QueueEntry[];
  removed?: string[];
}

/**
 * Reads the stored queue, computes a change from it and writes that change, all in ONE readwrite
 * transaction. IndexedDB runs such transactions one after another across every tab of the origin,
 * so two tabs editing the queue at once each build on the other's result and no write is lost.
 * `compute` must be synchronous (an await inside would let the transaction commit early).
 * Returns the queue as stored afterwards.
 */
export async function updateQueue(compute: (current: QueueEntry[]) => QueueChange): Promise<QueueEntry[]> {
  const tx = (await db()).transaction('queue', 'readwrite');
  const current = sortQueue(await tx.store.getAll());
  const { writes, removed = [] } = compute(current);
  for (const id of removed) void tx.store.delete(id);
  for (const entry of writes) void tx.store.put({ episodeId: entry.episodeId, order: entry.order });
  await tx.done;
  return applyWrites(current, writes, removed);
}

export async function clearQueueStore(): Promise<void> {
  await (await db()).clear('queue');
}
