/** The queue signal and its actions: the only writers of the queue. */
import { signal } from '@preact/signals';
import type { QueueEntry } from '../core/types';
import { applyWrites, insert, nextAfter, placeAt, type QueueWhere } from '../core/queue';
import { clearQueueStore, listQueue, updateQueue, type QueueChange } from '../db/queue';
import { announce, onTabMessage } from './tabs';

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

/** Re-reads the stored queue (another tab, an import or a sync changed it). */
export async function reloadQueue(): Promise<void> {
  await loadQueue();
  queue.value = await listQueue();
}

onTabMessage((message) => {
  if (message.type === 'queue') void reloadQueue();
});

/**
 * Shows the change at once (computed on the queue as this tab knows it), then commits it computed
 * again on the stored queue inside one transaction: another tab's edit made meanwhile is kept.
 */
async function commit(compute: (current: QueueEntry[]) => QueueChange): Promise<void> {
  const before = queue.value;
  const guess = compute(before);
  if (guess.writes.length === 0 && (guess.removed ?? []).length === 0) return;
  queue.value = applyWrites(before, guess.writes, guess.removed);
  try {
    queue.value = await updateQueue(compute);
    announce({ type: 'queue' });
  } catch (err) {
    queue.value = before;
    throw err;
  }
}

/** "Play next" puts the episode at the top, "Play last" at the bottom; a queued episode moves. */
export async function addToQueue(episodeId: string, where: QueueWhere): Promise<void> {
  await loadQueue();
  await commit((current) => ({ writes: insert(current, episodeId, where) }));
}

/** Appends episodes not already queued, in the order given (a backup import, a sync). */
export async function appendToQueue(episodeIds: readonly string[]): Promise<void> {
  await loadQueue();
  await commit((current) => {
    let entries = current;
    const writes: QueueEntry[] = [];
    for (const id of episodeIds) {
      if (entries.some((e) => e.episodeId === id)) continue;
      const w = insert(entries, id, 'last');
      entries = applyWrites(entries, w);
      writes.push(...w);
    }
    // A renumber inside the loop rewrites earlier writes: the last write per id wins.
    return { writes: [...new Map(writes.map((w) => [w.episodeId, w])).values()] };
  });
}

export async function removeFromQueue(episodeId: string): Promise<void> {
  await loadQueue();
  await commit((current) => ({ writes: [], removed: current.some((e) => e.episodeId === episodeId) ? [episodeId] : [] }));
}

/** Moves an entry so it ends up at `toIndex` (0 = top). */
export async function moveInQueue(episodeId: string, toIndex: number): Promise<void> {
  await loadQueue();
  await commit((current) => ({ writes: current.some((e) => e.episodeId === episodeId) ? placeAt(current, episodeId, toIndex) : [] }));
}

export async function clearQueue(): Promise<void> {
  await loadQueue();
  const before = queue.value;
  queue.value = [];
  try {
    await clearQueueStore();
    announce({ type: 'queue' });
  } catch (err) {
    queue.value = before;
    throw err;
  }
}

/** Takes the episode that should follow `finishedId` off the queue and returns it (null: queue empty). */
export async function takeNext(finishedId: string | null): Promise<string | null> {
  await loadQueue();
  let next: string | null = null;
  await commit((current) => {
    next = nextAfter(current, finishedId);
    return { writes: [], removed: [next, finishedId].filter((id): id is string => id !== null && current.some((e) => e.episodeId === id)) };
  });
  // Set by the last run of `compute`: on the stored queue when something was taken.
  return next;
}
