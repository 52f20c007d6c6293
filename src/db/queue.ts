/** The `queue` store: upcoming episodes with fractional order keys (rules in core/queue). */
import type { QueueEntry } from '../core/types';
import { sortQueue } from '../core/queue';
import { db } from './open';

export async function listQueue(): Promise<QueueEntry[]> {
  return sortQueue(await (await db()).getAllFromIndex('queue', 'by-order'));
}

/** Writes and removals in one transaction, so a move that renumbers never leaves a half-written queue. */
export async function writeQueue(writes: readonly QueueEntry[], removed: readonly string[] = []): Promise<void> {
  const tx = (await db()).transaction('queue', 'readwrite');
  for (const id of removed) void tx.store.delete(id);
  for (const entry of writes) void tx.store.put({ episodeId: entry.episodeId, order: entry.order });
  await tx.done;
}

export async function clearQueueStore(): Promise<void> {
  await (await db()).clear('queue');
}
