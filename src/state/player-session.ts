/**
 * What the player remembers about the source in the element between events: shared by the loading
 * code, the element's listeners and the public actions. One object rather than module `let`s,
 * because an imported binding cannot be assigned from another module.
 */
import { audioElement } from './player-audio';
import { duration, playerError } from './player-signals';

export const session = {
  /** Increments on every load, so a slow load never overwrites a newer one. */
  loadToken: 0,
  /** Where to seek once the new source's metadata is known. */
  pendingSeek: null as number | null,
  /** The episode already marked played in this session, so timeupdate does it once. */
  markedPlayedId: null as string | null,
  /** Proxy retry is tried once per loaded source. */
  retriedViaProxy: false,
  /** Whether the listener asked for sound (a failed load then retries playing, a cued one stays paused). */
  wantPlay: false,
  /** The element holds no usable source (a cue skipped or failed offline): Play loads it afresh. */
  sourceStale: false,
  /** Where another tab left the shared episode; applied on this tab's next play. */
  remoteAt: null as number | null,
};

export const isOffline = () => typeof navigator !== 'undefined' && !navigator.onLine;

export function isOfflineUrl(url: string): boolean {
  return url.startsWith('/offline-audio/');
}

export function knownDuration(): number {
  const d = audioElement().duration;
  return Number.isFinite(d) && d > 0 ? d : duration.value;
}

export function reportError(err: unknown): void {
  playerError.value = err instanceof Error ? err.message : String(err);
}
