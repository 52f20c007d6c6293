import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { checkSavedEpisode, playerNeeded } from '../state/player-presence';

/** A shared moment (`/episode/<id>#t=…`) is something to play: the player must be there to cue it. */
function linkWantsPlayer(): boolean {
  return /(^|[#&])t=/.test(location.hash.slice(1));
}

/**
 * Mounts the player dock once there is something to play or show, so the player's code stays out
 * of the app shell. A restored episode counts: its hint is synchronous, so the chunk is requested
 * in the first frame and the mini player appears as before.
 */
export function PlayerDockLoader() {
  const [Dock, setDock] = useState<ComponentType | null>(null);
  const needed = playerNeeded.value || linkWantsPlayer();

  useEffect(() => {
    void checkSavedEpisode().catch((err: unknown) => console.warn('Could not check for a saved episode', err));
  }, []);

  useEffect(() => {
    if (!needed || Dock) return;
    let live = true;
    import('../features/player/PlayerDock').then((m) => live && setDock(() => m.PlayerDock)).catch((err: unknown) => console.error('The player could not be loaded', err));
    return () => {
      live = false;
    };
  }, [needed, Dock]);

  if (Dock) return <Dock />;
  // The mini player's place, kept while its code loads: the dock does not grow under the page later.
  return needed ? <div class="mini-player-slot" aria-hidden="true" /> : null;
}
