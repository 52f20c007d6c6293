/**
 * The library's signals: followed shows, their unplayed counts and refresh activity.
 * `libraryVersion` is bumped after every write to shows or episodes, so anything built from the
 * store (the search index, an open Show page) knows to re-read.
 */
import { signal } from '@preact/signals';
import type { Podcast } from '../core/types';
import { listPodcasts } from '../db/podcasts';
import { countUnplayedByPodcast, latestPublished } from '../db/episodes';

export const podcasts = signal<Podcast[]>([]);
export const unplayedCounts = signal<ReadonlyMap<string, number>>(new Map());
/** Each show's newest episode date (epoch ms), for sorting the Library by latest episode. */
export const latestEpisodeAt = signal<ReadonlyMap<string, number>>(new Map());
/** False until the stored library has been read once (the grid shows nothing rather than "empty"). */
export const libraryLoaded = signal(false);
export const libraryVersion = signal(0);
/** Shows being fetched right now. */
export const refreshing = signal<ReadonlySet<string>>(new Set());
/** Progress of "refresh all" while it runs. */
export const refreshProgress = signal<{ done: number; total: number } | null>(null);

let running: Promise<void> | null = null;
let queued: Promise<void> | null = null;

async function readLibrary(): Promise<void> {
  const list = await listPodcasts();
  const [counts, latest] = await Promise.all([Promise.all(list.map((p) => countUnplayedByPodcast(p.id))), Promise.all(list.map((p) => latestPublished(p.id)))]);
  podcasts.value = list;
  unplayedCounts.value = new Map(list.map((p, i) => [p.id, counts[i]]));
  latestEpisodeAt.value = new Map(list.map((p, i) => [p.id, latest[i]]));
  libraryLoaded.value = true;
}

/**
 * Re-reads the shows and their unplayed counts. Every call is answered by a read that STARTED
 * after the call: a read already in flight may have begun before the caller's write and would
 * hide it (a default show stored mid-read never appeared until a reload). So a call during a
 * read queues one more read after it; callers arriving meanwhile share that queued read, which
 * still starts after all of their writes.
 */
export function loadLibrary(): Promise<void> {
  if (!running) {
    running = readLibrary().finally(() => {
      running = null;
    });
    return running;
  }
  queued ??= running
    .catch(() => undefined)
    .then(() => {
      queued = null;
      return loadLibrary();
    });
  return queued;
}

/** Call after any write to shows or episodes. */
export async function libraryChanged(): Promise<void> {
  await loadLibrary();
  libraryVersion.value++;
}

export function setRefreshing(id: string, on: boolean): void {
  const next = new Set(refreshing.value);
  if (on) next.add(id);
  else next.delete(id);
  refreshing.value = next;
}
