import type { Episode } from '../core/types';
import { getDownload } from '../db/downloads';
import { isStoredCopyComplete, markRemovedByBrowser } from './integrity';

/** Same-origin URL the service worker answers from stored chunks (206 for every Range). */
export function offlineAudioUrl(episodeId: string): string {
  return `/offline-audio/${encodeURIComponent(episodeId)}`;
}

/**
 * Where the player should load an episode from: the stored copy whenever it is complete
 * (online or offline, so every range of one playback comes from one source), else the enclosure.
 * A stored copy with chunks missing is marked removed and the enclosure streams instead.
 */
export async function playbackUrlFor(episode: Episode): Promise<string> {
  const record = await getDownload(episode.id).catch(() => undefined);
  if (record?.status === 'complete') {
    // Checked at every play, not only at start: a copy cleared while the app ran must stream instead.
    if (await isStoredCopyComplete(record).catch(() => false)) return offlineAudioUrl(episode.id);
    await markRemovedByBrowser(episode.id).catch(() => undefined);
  }
  if (!episode.enclosure) throw new Error('This episode has no audio file.');
  return episode.enclosure.url;
}
