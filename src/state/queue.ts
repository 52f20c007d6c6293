/** The queue signal and its actions: the only writers of the queue. */
import { signal } from '@preact/signals';
import type { QueueEntry } from '../core/types';
import { applyWrites, insert, nextAfter, placeAt, type QueueWhere } from '../core/queue';
import { clearQueueStore, listQueue, writeQueue } from '../db/queue';

/** Upcoming episodes in play order. */
export const queue = signal<QueueEntry[]>([]);

let loaded: Promise<void> | null = null;

/** Reads the stored queue once; every action awaits it so the first write never races the load. */
export function loadQueue(): Promise<void> {
  loaded ??= listQueue().then((entries) => {
    queue.value = entries;
  });
  return loaded;
}

async function commit(writes: QueueEntry[], removed: string[] = []): Promise<void> {
  if (writes.length === 0 && removed.length === 0) return;
  const before = queue.value;
  queue.value = applyWrites(before, writes, removed);
  try {
    await writeQueue(writes, removed);
  } catch (err) {
    queue.value = before;
    throw err;
  }
}

/** "Play next" puts the episode at the top, "Play last" at the bottom; a queued episode moves. */
export async function addToQueue(episodeId: string, where: QueueWhere): Promise<void> {
  await loadQueue();
  await commit(insert(queue.value, episodeId, where));
}

export async function removeFromQueue(episodeId: string): Promise<void> {
  await loadQueue();
  if (!queue.value.some((e) => e.episodeId === episodeId)) return;
  await commit([], [episodeId]);
}

/** Moves an entry so it ends up at `toIndex` (0 = top). */
export async function moveInQueue(episodeId: string, toIndex: number): Promise<void> {
  await loadQueue();
  if (!queue.value.some((e) => e.episodeId === episodeId)) return;
  await commit(placeAt(queue.value, episodeId, toIndex));
}

export async function clearQueue(): Promise<void> {
  await loadQueue();
  const before = queue.value;
  queue.value = [];
  try {
    await clearQueueStore();
  } catch (err) {
    queue.value = before;
    throw err;
  }
}

/** Takes the episode that should follow `finishedId` off the queue and returns it (null: queue empty). */
export async function takeNext(finishedId: string | null): Promise<string | null> {
  await loadQueue();
  const next = nextAfter(queue.value, finishedId);
  const removed = [next, finishedId].filter((id): id is string => id !== null && queue.value.some((e) => e.episodeId === id));
  await commit([], removed);
  return next;
}
