/**
 * Pure queue rules. Entries carry a fractional `order`; inserting or moving one entry rewrites only
 * that entry's key (one IndexedDB put), unless neighbouring keys have grown too close, in which case
 * the whole queue is renumbered.
 */
import type { QueueEntry } from '../types';

/** Gap between keys after a renumber, and for a fresh append. */
export const ORDER_STEP = 1024;
/** Below this gap, float halving runs out of precision soon: renumber instead. */
const MIN_GAP = 1e-6;

export type QueueWhere = 'next' | 'last';

/** The queue in play order (ties broken by id so every reader agrees). */
export function sortQueue(entries: readonly QueueEntry[]): QueueEntry[] {
  return [...entries].sort((a, b) => a.order - b.order || (a.episodeId < b.episodeId ? -1 : a.episodeId > b.episodeId ? 1 : 0));
}

/** The key for a slot between `before` and `after` (either may be absent), or null when the gap is too small. */
export function keyBetween(before: number | undefined, after: number | undefined): number | null {
  if (before === undefined && after === undefined) return ORDER_STEP;
  if (before === undefined) return after! - ORDER_STEP;
  if (after === undefined) return before + ORDER_STEP;
  if (after - before < MIN_GAP) return null;
  return before + (after - before) / 2;
}

/**
 * The entries to write so that `episodeId` sits at `toIndex` of the queue without it
 * (0 = first; clamped). Returns only changed entries; an already-present episode is moved.
 */
export function placeAt(entries: readonly QueueEntry[], episodeId: string, toIndex: number): QueueEntry[] {
  const rest = sortQueue(entries).filter((e) => e.episodeId !== episodeId);
  const index = Math.max(0, Math.min(rest.length, Math.trunc(Number.isFinite(toIndex) ? toIndex : rest.length)));
  const current = entries.find((e) => e.episodeId === episodeId);
  const key = keyBetween(rest[index - 1]?.order, rest[index]?.order);
  if (key !== null) {
    if (current && current.order === key) return [];
    return [{ episodeId, order: key }];
  }
  const ordered = [...rest.slice(0, index), { episodeId, order: 0 }, ...rest.slice(index)];
  return ordered.map((e, i) => ({ episodeId: e.episodeId, order: (i + 1) * ORDER_STEP }));
}

/** Writes for "Play next" (top of the queue) or "Play last" (bottom). */
export function insert(entries: readonly QueueEntry[], episodeId: string, where: QueueWhere): QueueEntry[] {
  return placeAt(entries, episodeId, where === 'next' ? 0 : Number.POSITIVE_INFINITY);
}

/** Apply writes (and removals) to an in-memory queue, returning it sorted. */
export function applyWrites(entries: readonly QueueEntry[], writes: readonly QueueEntry[], removed: readonly string[] = []): QueueEntry[] {
  const map = new Map(entries.map((e) => [e.episodeId, e]));
  for (const id of removed) map.delete(id);
  for (const w of writes) map.set(w.episodeId, w);
  return sortQueue([...map.values()]);
}

/**
 * What plays after `finishedId` ends: the first queued episode that is not the finished one.
 * The playing episode is normally not in the queue (it leaves it when it starts), but a user may
 * have queued it again; skipping it avoids an endless loop on one episode.
 */
export function nextAfter(entries: readonly QueueEntry[], finishedId: string | null): string | null {
  return sortQueue(entries).find((e) => e.episodeId !== finishedId)?.episodeId ?? null;
}
