/**
 * Whether the player is needed yet. The player code is its own chunk, kept out of the app shell:
 * it loads when there is something to play or show. A synchronous hint in localStorage says an
 * episode was in the player when the app last ran, so after a reload the chunk is fetched at once
 * and the mini player appears without waiting for IndexedDB.
 */
import { signal } from '@preact/signals';
import { getSetting } from '../db/settings';

const HINT_KEY = 'hopcast.player.present';
/** Same settings key as player-persist's CURRENT_KEY (kept here so the shell need not load the player). */
const CURRENT_KEY = 'player.currentEpisode';

function readHint(): boolean {
  try {
    return globalThis.localStorage?.getItem(HINT_KEY) === '1';
  } catch {
    return false;
  }
}

export const playerNeeded = signal(readHint());

/** Called by the player whenever an episode is put in it or taken out. */
export function notePlayerEpisode(episodeId: string | null): void {
  try {
    if (episodeId) globalThis.localStorage?.setItem(HINT_KEY, '1');
    else globalThis.localStorage?.removeItem(HINT_KEY);
  } catch {
    // Storage disabled: the IndexedDB check below still finds a saved episode, a moment later.
  }
  if (episodeId) playerNeeded.value = true;
}

/** A play request: the dock must be there to show the episode, or why it cannot play. */
export function notePlayRequest(): void {
  playerNeeded.value = true;
}

/** The hint can be missing (storage cleared, an older version wrote none): ask IndexedDB once. */
export async function checkSavedEpisode(): Promise<void> {
  if (playerNeeded.value) return;
  const id = await getSetting<unknown>(CURRENT_KEY, null);
  if (typeof id === 'string') playerNeeded.value = true;
}
