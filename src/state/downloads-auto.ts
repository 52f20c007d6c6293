/**
 * Automatic downloads (Settings): keep the next N queue items downloaded, and delete a stored
 * episode once it is played. Both are effects over the queue and history signals.
 */
import { effect, signal } from '@preact/signals';
import { getSetting, setSetting } from '../db/settings';
import { history } from './history';
import { queue, loadQueue } from './queue';
import { currentEpisode } from './player';
import { online } from './online';
import { deletePlayedDownloads, downloads, downloadsLoaded, removeDownload, startDownload } from './downloads';

export const MAX_KEEP_NEXT = 20;
const KEEP_NEXT_KEY = 'downloads.keepNext';
const DELETE_PLAYED_KEY = 'downloads.deleteAfterPlayed';

/** How many of the first queue items to keep downloaded; 0 = off. */
export const keepNext = signal(0);
export const deleteAfterPlayed = signal(false);
export const autoSettingsLoaded = signal(false);

export async function setKeepNext(n: number): Promise<void> {
  const value = Math.max(0, Math.min(MAX_KEEP_NEXT, Math.floor(Number.isFinite(n) ? n : 0)));
  keepNext.value = value;
  await setSetting(KEEP_NEXT_KEY, value);
}

export async function setDeleteAfterPlayed(on: boolean): Promise<void> {
  deleteAfterPlayed.value = on;
  await setSetting(DELETE_PLAYED_KEY, on);
  if (on) await deletePlayedDownloads();
}

let started = false;

export function startAutoDownloads(): void {
  if (started || typeof window === 'undefined') return;
  started = true;
  void (async () => {
    keepNext.value = await getSetting(KEEP_NEXT_KEY, 0);
    deleteAfterPlayed.value = await getSetting(DELETE_PLAYED_KEY, false);
    autoSettingsLoaded.value = true;
    await loadQueue();
  })().catch(() => undefined);

  effect(() => {
    const n = keepNext.value;
    const ids = queue.value.slice(0, n).map((e) => e.episodeId);
    if (!autoSettingsLoaded.value || !downloadsLoaded.value || !online.value || ids.length === 0) return;
    const known = downloads.peek();
    // A failed one waits for the listener's Retry: retrying on every queue change would loop.
    for (const id of ids) if (!known.has(id)) void startDownload(id);
  });

  effect(() => {
    const items = history.value;
    const playing = currentEpisode.value?.id;
    if (!deleteAfterPlayed.value || !downloadsLoaded.value) return;
    const stored = downloads.peek();
    for (const { state, episode } of items) {
      // Not the one in the player: it may still be listened to (or scrubbed back) right now.
      if (state.played && episode.id !== playing && stored.get(episode.id)?.status === 'complete') void removeDownload(episode.id);
    }
  });
}

// Runs from app start (the Downloads screen imports this module), not only once Settings was opened.
if (typeof window !== 'undefined' && typeof indexedDB !== 'undefined') startAutoDownloads();
