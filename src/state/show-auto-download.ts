/**
 * Per-show auto-download: when a refresh adds episodes to a show that has it on, the newest of them
 * are downloaded. Capped per refresh so a feed that suddenly lists its whole back catalogue as new
 * (a host migration re-issuing guids) cannot fill the device.
 */
import { listEpisodesByPodcast } from '../db/episodes';
import { getShowSettings } from './show-settings';
import { downloads, startDownload } from './downloads';
import { online } from './online';

export const MAX_AUTO_PER_REFRESH = 3;

export async function autoDownloadNew(podcastId: string, added: number): Promise<string[]> {
  if (added <= 0 || !online.value) return [];
  const settings = await getShowSettings(podcastId);
  if (!settings.autoDownload) return [];
  const newest = (await listEpisodesByPodcast(podcastId, 'newest')).slice(0, Math.min(added, MAX_AUTO_PER_REFRESH));
  const known = downloads.peek();
  const ids = newest.filter((e) => e.enclosure && e.played === 0 && !known.has(e.id)).map((e) => e.id);
  for (const id of ids) void startDownload(id);
  return ids;
}
