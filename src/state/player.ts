/**
 * The player's public API: the signals the UI reads and the actions that drive the one <audio>
 * element (see player-audio.ts for why there is exactly one). Loading a source lives in
 * player-load.ts, the element's events in player-events.ts, the state they share in player-session.ts.
 */
import { playbackUrlFor } from '../downloads/playback-url';
import { unlockAudio } from './player-audio';
import { clampSpeed, rememberSpeed } from './playback-settings';
import { removeFromQueue } from './queue';
import { persistNow } from './player-persist';
import { notePlayRequest } from './player-presence';
import { currentTime, load, loadSource, startPlayback, wire } from './player-load';
import { knownDuration, reportError, session } from './player-session';
import { currentEpisode, playbackRate, playerError, playerNotice, position } from './player-signals';

export * from './player-signals';
export { currentTime, playNextInQueue, wire } from './player-load';

/** Loads an episode and plays it from `startAt` seconds, else from where it was left (from 0 once played). */
export async function playEpisode(episodeId: string, startAt?: number): Promise<void> {
  notePlayRequest();
  unlockAudio();
  // Rows call this with `void`: a failure is shown on the player, never left as an unhandled rejection.
  try {
    await removeFromQueue(episodeId);
    // Already in the player: carry on from where it is rather than reloading from the last save.
    if (currentEpisode.value?.id === episodeId && startAt === undefined && !playerError.value && !session.sourceStale) {
      await startPlayback();
      return;
    }
    await load(episodeId, startAt !== undefined && Number.isFinite(startAt) ? Math.max(0, startAt) : undefined, true);
  } catch (err) {
    reportError(err);
  }
}

/** Loads an episode paused (restoring on start, opening a shared link). */
export async function cueEpisode(episodeId: string, at?: number): Promise<void> {
  await load(episodeId, at, false);
}

export async function togglePlay(): Promise<void> {
  const el = wire();
  const ep = currentEpisode.value;
  if (!ep) return;
  if (!el.paused) {
    pause();
    return;
  }
  if (playerError.value || session.sourceStale) {
    // After a failure, start over from the stored position with a fresh source.
    playerError.value = null;
    playerNotice.value = null;
    session.sourceStale = false;
    const url = await playbackUrlFor(ep);
    await loadSource(url, position.value, true);
    return;
  }
  await startPlayback();
}

export function pause(): void {
  session.wantPlay = false;
  wire().pause();
}

export async function play(): Promise<void> {
  if (wire().paused) await togglePlay();
}

/** Seconds, clamped to the episode. */
export function seekTo(seconds: number): void {
  const el = wire();
  if (!currentEpisode.value || !Number.isFinite(seconds)) return;
  const total = knownDuration();
  const to = Math.max(0, total > 0 ? Math.min(seconds, total) : seconds);
  session.remoteAt = null;
  if (session.pendingSeek !== null || el.readyState === 0) session.pendingSeek = to;
  else el.currentTime = to;
  position.value = to;
  void persistNow();
}

export function skipBy(seconds: number): void {
  seekTo(currentTime() + seconds);
}

export async function setSpeed(rate: number): Promise<void> {
  const value = clampSpeed(rate);
  const el = wire();
  el.playbackRate = el.defaultPlaybackRate = value;
  playbackRate.value = value;
  const ep = currentEpisode.value;
  if (ep) await rememberSpeed(ep.podcastId, value);
}

/** The episode being loaded because another tab plays it (position messages arrive meanwhile). */
let following: string | null = null;

/**
 * Another tab plays `episodeId` at `at` seconds: this tab shows the same episode and position,
 * paused, so whichever tab the listener presses Play in carries on from the right place. The
 * element is not seeked on every message (each seek would fetch audio): the position is applied
 * when this tab starts playing. Nothing is stored: the playing tab saves its own position.
 */
export async function followOtherTab(episodeId: string, at: number): Promise<void> {
  if (!Number.isFinite(at) || at < 0) return;
  if (currentEpisode.value?.id !== episodeId) {
    if (following === episodeId) return;
    following = episodeId;
    try {
      await load(episodeId, at, false);
    } finally {
      following = null;
    }
    return;
  }
  if (!wire().paused) return;
  if (session.pendingSeek !== null) session.pendingSeek = at;
  else session.remoteAt = at;
  position.value = at;
}
