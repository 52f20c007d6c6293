/**
 * What the UI reads of the player. Kept apart from the actions in player.ts so the modules the
 * player itself uses (player-persist) can read them without importing the player back.
 */
import { signal } from '@preact/signals';
import type { Episode, Podcast } from '../core/types';

export const currentEpisode = signal<Episode | null>(null);
export const currentPodcast = signal<Podcast | null>(null);
export const isPlaying = signal(false);
/** Seconds. */
export const position = signal(0);
/** Seconds; 0 until known (the feed's value stands in until the audio's metadata arrives). */
export const duration = signal(0);
export const playbackRate = signal(1);
/** Waiting for data (spinner on the play button). */
export const isLoading = signal(false);
export const buffered = signal<Array<[number, number]>>([]);
/** A sentence for the player when playback failed; null when all is well. */
export const playerError = signal<string | null>(null);
/** A calm note about the cued episode that is nobody's fault (offline, not downloaded); not an error. */
export const playerNotice = signal<string | null>(null);
export const NOT_DOWNLOADED_OFFLINE = 'Not downloaded — you’re offline';

/** Past this share of the duration an episode counts as played. */
export const PLAYED_THRESHOLD = 0.95;
