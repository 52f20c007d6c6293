/**
 * Resume: the position goes to IndexedDB every few seconds while playing, on pause, when the
 * episode changes, and when the page is hidden. A page being torn down may never finish an
 * IndexedDB transaction, so `pagehide` also writes a synchronous localStorage snapshot that
 * `restorePlayer` prefers when it is newer.
 */
import { getPlayState, savePosition } from '../db/play-state';
import { getSetting, setSetting } from '../db/settings';
import { notePlayerEpisode } from './player-presence';
// eslint-disable-next-line import-x/no-cycle -- known cycle that issue 16 breaks; the rule keeps new ones out meanwhile
import { cueEpisode, currentEpisode, duration, isPlaying, play, position, wire } from './player';

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

const RESUME_KEY = 'hopcast.resumeAfterReload';

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

function takeResumeFlag(): boolean {
  try {
    const set = sessionStorage.getItem(RESUME_KEY) === '1';
    sessionStorage.removeItem(RESUME_KEY);
    return set;
  } catch {
    return false;
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

/** On start: the last episode back in the player at its position, paused. */
export async function restorePlayer(): Promise<void> {
  wire();
  startPersisting();
  // Something is already playing (the player loaded because of a play request): keep it.
  if (currentEpisode.value) return;
  const snapshot = readSnapshot();
  const id = await getSetting<unknown>(CURRENT_KEY, null);
  if (typeof id !== 'string') return;
  const saved = await getPlayState(id);
  // The pagehide snapshot is synchronous, so it can be newer than the last IndexedDB write.
  const at = snapshot && snapshot.episodeId === id && snapshot.at > (saved?.updatedAt ?? 0) ? snapshot.position : saved?.position;
  const resume = takeResumeFlag();
  try {
    await cueEpisode(id, at);
    if (resume) await play();
  } catch {
    // The episode was removed with its show: start empty rather than show a broken player.
    await setSetting(CURRENT_KEY, null);
    notePlayerEpisode(null);
  }
}
