/** A moment of an episode (a transcript line, a search hit): play from it, or queue it from there. */
import { savePosition } from '../db/play-state';
import { playEpisode } from './player';
import { addToQueue } from './queue';

export function playMoment(episodeId: string, seconds: number): Promise<void> {
  return playEpisode(episodeId, Math.max(0, seconds));
}

/**
 * Queues the episode to start at `seconds`: the queue plays an episode from its stored position,
 * so that position is set first.
 */
export async function queueMoment(episodeId: string, seconds: number): Promise<void> {
  await savePosition(episodeId, Math.max(0, seconds), null);
  await addToQueue(episodeId, 'last');
}
