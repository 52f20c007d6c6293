/**
 * Sleep timer: stop after N minutes of playback, or at the end of the episode, fading the volume
 * out over the last few seconds so the stop is not abrupt. Minutes count only while playing.
 */
import { signal } from '@preact/signals';
import { audioElement } from './player-audio';

export type SleepTimer = { kind: 'minutes'; minutes: number; remainingMs: number } | { kind: 'end-of-episode' };

export const SLEEP_CHOICES = [5, 10, 15, 30, 45, 60, 90] as const;
export const FADE_MS = 8_000;

export const sleepTimer = signal<SleepTimer | null>(null);

let lastTick: number | null = null;
let fadedFrom: number | null = null;
let ticker: ReturnType<typeof setInterval> | null = null;

function setVolumeForFade(remainingMs: number): void {
  const el = audioElement();
  if (remainingMs > FADE_MS) {
    restoreVolume();
    return;
  }
  if (fadedFrom === null) fadedFrom = el.volume;
  el.volume = Math.max(0, Math.min(1, fadedFrom * (remainingMs / FADE_MS)));
}

function restoreVolume(): void {
  if (fadedFrom === null) return;
  audioElement().volume = fadedFrom;
  fadedFrom = null;
}

function stopTicker(): void {
  if (ticker !== null) clearInterval(ticker);
  ticker = null;
  lastTick = null;
}

export function setSleepTimer(choice: number | 'end-of-episode' | null): void {
  restoreVolume();
  stopTicker();
  if (choice === null) {
    sleepTimer.value = null;
    return;
  }
  if (choice === 'end-of-episode') {
    sleepTimer.value = { kind: 'end-of-episode' };
    return;
  }
  if (!Number.isFinite(choice) || choice <= 0) throw new RangeError('Sleep timer minutes must be positive.');
  sleepTimer.value = { kind: 'minutes', minutes: choice, remainingMs: choice * 60_000 };
  // timeupdate fires only about 4 times a second and not at all when the tab is throttled; a
  // 250 ms interval keeps the fade smooth, and the wall clock keeps the count right either way.
  ticker = setInterval(onSleepTick, 250);
}

/** Called on every timeupdate and timer tick: counts down, fades, and stops. */
export function onSleepTick(): void {
  const timer = sleepTimer.value;
  const el = audioElement();
  const now = performance.now();
  const elapsed = lastTick === null || el.paused ? 0 : now - lastTick;
  lastTick = now;
  if (!timer) return;
  if (timer.kind === 'end-of-episode') {
    const left = ((el.duration - el.currentTime) / (el.playbackRate || 1)) * 1000;
    if (Number.isFinite(left)) setVolumeForFade(left);
    return;
  }
  const remainingMs = Math.max(0, timer.remainingMs - elapsed);
  if (remainingMs !== timer.remainingMs) sleepTimer.value = { ...timer, remainingMs };
  setVolumeForFade(remainingMs);
  if (remainingMs === 0) {
    el.pause();
    setSleepTimer(null);
  }
}

/** At `ended`: true (and the timer is done) when the timer wanted playback to stop here. */
export function endOfEpisodeTimerFired(): boolean {
  if (sleepTimer.value?.kind !== 'end-of-episode') return false;
  setSleepTimer(null);
  return true;
}
