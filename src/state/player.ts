/**
 * The player: one <audio> element for the app's lifetime (iOS keeps background playback only for
 * an element that keeps playing, and never for Web Audio), the signals the UI reads, and the actions.
 */
import { signal } from '@preact/signals';
import type { Episode } from '../core/types';
import { getPlayState, readEpisodes, savePosition, setCurrentEpisodeId } from '../db/play-state';
import { removeFromQueue } from './queue';

export const currentEpisode = signal<Episode | null>(null);
export const isPlaying = signal(false);
/** Seconds. */
export const position = signal(0);
/** Seconds; 0 until the audio's metadata (or the feed's duration) is known. */
export const duration = signal(0);
export const playerError = signal<string | null>(null);

let element: HTMLAudioElement | null = null;

export function audio(): HTMLAudioElement {
  if (!element) {
    element = document.createElement('audio');
    element.preload = 'metadata';
    element.addEventListener('timeupdate', () => (position.value = element!.currentTime));
    element.addEventListener('durationchange', () => {
      if (Number.isFinite(element!.duration)) duration.value = element!.duration;
    });
    element.addEventListener('play', () => (isPlaying.value = true));
    element.addEventListener('pause', () => {
      isPlaying.value = false;
      void persist();
    });
    document.body.append(element);
  }
  return element;
}

async function persist(): Promise<void> {
  const episode = currentEpisode.value;
  if (!episode || !element) return;
  await savePosition(episode.id, element.currentTime, Number.isFinite(element.duration) ? element.duration : null);
}

/** Loads an episode into the player and plays it from `startAt`, else from where it was left. */
export async function playEpisode(episodeId: string, startAt?: number): Promise<void> {
  const episode = (await readEpisodes([episodeId])).get(episodeId);
  if (!episode) throw new Error(`Episode ${episodeId} is not in the library.`);
  if (!episode.enclosure) throw new Error(`“${episode.title}” has no audio.`);
  const el = audio();
  if (currentEpisode.value && currentEpisode.value.id !== episodeId) await persist();
  const saved = await getPlayState(episodeId);
  currentEpisode.value = episode;
  playerError.value = null;
  duration.value = episode.duration ?? 0;
  const from = startAt ?? (saved && !saved.played ? saved.position : 0);
  el.src = episode.enclosure.url;
  el.currentTime = from;
  position.value = from;
  await setCurrentEpisodeId(episodeId);
  await removeFromQueue(episodeId);
  await el.play();
}

export async function togglePlay(): Promise<void> {
  const el = audio();
  if (!currentEpisode.value) return;
  if (el.paused) await el.play();
  else el.pause();
}
