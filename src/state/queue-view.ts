/** What the Queue screen shows: queued episodes with their show and time left, and the total. */
import { computed, effect, signal } from '@preact/signals';
import type { Episode, Podcast } from '../core/types';
import { getEpisodes } from '../db/episodes';
import { getPodcast } from '../db/podcasts';
import { getPlayState } from '../db/play-state';
import { queue } from './queue';
import { currentEpisode, duration, position } from './player';

export interface QueueItem {
  episode: Episode;
  podcast: Podcast | null;
  /** Seconds still to play (the episode's duration less where it was left); null when unknown. */
  remaining: number | null;
}

const details = signal<ReadonlyMap<string, QueueItem>>(new Map());

export const queueItems = computed(() => queue.value.flatMap((e) => details.value.get(e.episodeId) ?? []));

/** Seconds left in the queue (episodes of unknown length count as 0 and are reported apart). */
export const queueTimeLeft = computed(() => {
  let seconds = 0;
  let unknown = 0;
  for (const item of queueItems.value) {
    if (item.remaining === null) unknown++;
    else seconds += item.remaining;
  }
  return { seconds, unknown };
});

/** Seconds left in the episode playing now. */
export const currentTimeLeft = computed(() => (currentEpisode.value && duration.value > 0 ? Math.max(0, duration.value - position.value) : null));

async function loadDetails(ids: readonly string[]): Promise<void> {
  // Forget entries that left the queue, so one queued again is read fresh (its position may have moved).
  const keep = new Set(ids);
  if ([...details.peek().keys()].some((id) => !keep.has(id))) {
    details.value = new Map([...details.peek()].filter(([id]) => keep.has(id)));
  }
  const known = details.peek();
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length === 0) return;
  const episodes = await getEpisodes(missing);
  const podcasts = new Map<string, Podcast | null>();
  const next = new Map(details.peek());
  for (const episode of episodes) {
    if (!podcasts.has(episode.podcastId)) podcasts.set(episode.podcastId, (await getPodcast(episode.podcastId)) ?? null);
    const state = await getPlayState(episode.id);
    const total = state?.duration ?? episode.duration;
    const done = state && !state.played ? state.position : 0;
    next.set(episode.id, { episode, podcast: podcasts.get(episode.podcastId) ?? null, remaining: total ? Math.max(0, total - done) : null });
  }
  details.value = next;
}

let started = false;
/** Keeps the details in step with the queue (new entries are read once, then cached). */
export function startQueueView(): void {
  if (started) return;
  started = true;
  effect(() => {
    const ids = queue.value.map((e) => e.episodeId);
    void loadDetails(ids).catch((err: unknown) => console.warn('Queue details could not be read', err));
  });
}
