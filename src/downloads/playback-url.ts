import type { Episode } from '../core/types';
import { getDownload } from '../db/downloads';

/** Same-origin URL the service worker answers from stored chunks (206 for every Range). */
export function offlineAudioUrl(episodeId: string): string {
  return `/offline-audio/${encodeURIComponent(episodeId)}`;
}

/**
 * Where the player should load an episode from: the stored copy whenever it is complete
 * (online or offline, so every range of one playback comes from one source), else the enclosure.
 */
export async function playbackUrlFor(episode: Episode): Promise<string> {
  const record = await getDownload(episode.id).catch(() => undefined);
  if (record?.status === 'complete') return offlineAudioUrl(episode.id);
  if (!episode.enclosure) throw new Error('This episode has no audio file.');
  return episode.enclosure.url;
}
