/** Skip lengths (Settings) and playback speed remembered per show. */
import { signal } from '@preact/signals';
import { getSetting, setSetting } from '../db/settings';

export const SKIP_CHOICES = [5, 10, 15, 30, 45, 60, 90, 120] as const;
export const DEFAULT_SKIP_BACK = 15;
export const DEFAULT_SKIP_FORWARD = 30;
export const MIN_SPEED = 0.5;
export const MAX_SPEED = 3;

/** Seconds. */
export const skipBack = signal(DEFAULT_SKIP_BACK);
export const skipForward = signal(DEFAULT_SKIP_FORWARD);

function validSkip(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 600 ? value : fallback;
}

export async function loadPlaybackSettings(): Promise<void> {
  const [back, forward] = await Promise.all([getSetting<unknown>('skipBack', DEFAULT_SKIP_BACK), getSetting<unknown>('skipForward', DEFAULT_SKIP_FORWARD)]);
  skipBack.value = validSkip(back, DEFAULT_SKIP_BACK);
  skipForward.value = validSkip(forward, DEFAULT_SKIP_FORWARD);
}

export async function setSkipLength(which: 'back' | 'forward', seconds: number): Promise<void> {
  const target = which === 'back' ? skipBack : skipForward;
  const value = validSkip(seconds, target.value);
  target.value = value;
  await setSetting(which === 'back' ? 'skipBack' : 'skipForward', value);
}

/** 0.5–3 in 0.1 steps; anything else is pulled to the nearest allowed value (1 for garbage). */
export function clampSpeed(rate: number): number {
  if (!Number.isFinite(rate)) return 1;
  return Math.round(Math.min(MAX_SPEED, Math.max(MIN_SPEED, rate)) * 10) / 10;
}

/** Every allowed speed, for the picker. */
export const SPEED_CHOICES: readonly number[] = Array.from({ length: Math.round((MAX_SPEED - MIN_SPEED) * 10) + 1 }, (_, i) => Math.round(MIN_SPEED * 10 + i) / 10);

const speedKey = (podcastId: string) => `speed:${podcastId}`;

export async function speedForShow(podcastId: string): Promise<number> {
  const stored = await getSetting<unknown>(speedKey(podcastId), 1);
  return typeof stored === 'number' ? clampSpeed(stored) : 1;
}

export async function rememberSpeed(podcastId: string, rate: number): Promise<void> {
  await setSetting(speedKey(podcastId), clampSpeed(rate));
}
