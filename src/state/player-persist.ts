/**
 * Resume: the position goes to IndexedDB every few seconds while playing, on pause, when the
 * episode changes, and when the page is hidden. A page being torn down may never finish an
 * IndexedDB transaction, so `pagehide` also writes a synchronous localStorage snapshot that
 * `restorePlayer` prefers when it is newer.
 */
import { savePosition } from '../db/play-state';
import { currentEpisode, duration, isPlaying, position } from './player-signals';

/** A killed tab (crash, OOM) writes nothing on the way out: this bounds what it can lose. */
export const SAVE_EVERY_MS = 2_000;
const SNAPSHOT_KEY = 'hopcast.player.snapshot';
/** Settings key of the episode that was in the player, put back on start. */
export const CURRENT_KEY = 'player.currentEpisode';

export interface Snapshot {
  episodeId: string;
  position: number;
  /** Epoch ms, comparable with PlayState.updatedAt. */
  at: number;
}

let started = false;
let lastSaved = { id: '', position: -1 };

export async function persistNow(): Promise<void> {
  const ep = currentEpisode.value;
  if (!ep) return;
  const at = position.value;
  if (!Number.isFinite(at) || at < 0) return;
  if (lastSaved.id === ep.id && Math.abs(lastSaved.position - at) < 0.25) return;
  lastSaved = { id: ep.id, position: at };
  try {
    await savePosition(ep.id, at, duration.value > 0 ? duration.value : null);
  } catch (err) {
    lastSaved = { id: '', position: -1 };
    // Quota or a closing database: the next save retries; the snapshot still covers a reload.
    console.warn('Could not save the playback position', err);
  }
}

function writeSnapshot(): void {
  const ep = currentEpisode.value;
  if (!ep) return;
  try {
    const snap: Snapshot = { episodeId: ep.id, position: position.value, at: Date.now() };
    localStorage.setItem(SNAPSHOT_KEY, JSON.stringify(snap));
  } catch {
    // Storage disabled or full: the IndexedDB copy is a few seconds older at worst.
  }
}

export function readSnapshot(): Snapshot | null {
  try {
    const raw = localStorage.getItem(SNAPSHOT_KEY);
    if (!raw) return null;
    const v = JSON.parse(raw) as Partial<Snapshot>;
    if (typeof v.episodeId === 'string' && typeof v.position === 'number' && Number.isFinite(v.position) && v.position >= 0 && typeof v.at === 'number') {
      return { episodeId: v.episodeId, position: v.position, at: v.at };
    }
  } catch {
    // Corrupt snapshot: ignore it, IndexedDB has the position.
  }
  return null;
}

export const RESUME_KEY = 'hopcast.resumeAfterReload';

/**
 * Before the app reloads itself (the update prompt): the position is saved and, when an episode
 * was playing, a flag asks the next start to carry on playing, so an update costs a second of
 * silence rather than the listener's place.
 */
export async function prepareForReload(): Promise<void> {
  const playing = isPlaying.value;
  writeSnapshot();
  await persistNow();
  try {
    if (playing) sessionStorage.setItem(RESUME_KEY, '1');
  } catch {
    // Session storage blocked: the episode comes back paused at its position instead.
  }
}

export function startPersisting(): void {
  if (started) return;
  started = true;
  setInterval(() => {
    if (isPlaying.value) void persistNow();
  }, SAVE_EVERY_MS);
  const leave = () => {
    writeSnapshot();
    void persistNow();
  };
  window.addEventListener('pagehide', leave);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') leave();
  });
}
