/**
 * Per-show auto-download: when a refresh adds episodes to a show that has it on, the newest of them
 * are downloaded. Capped per refresh so a feed that suddenly lists its whole back catalogue as new
 * (a host migration re-issuing guids) cannot fill the device.
 */
import { listEpisodesByPodcast } from '../db/episodes';
import { pickAutoDownloads } from '../core/show-settings';
import { getShowSettings } from './show-settings';
import { downloads, startDownload } from './downloads';
import { online } from './online';

export async function autoDownloadNew(podcastId: string, added: number): Promise<string[]> {
  if (added <= 0 || !online.value) return [];
  const settings = await getShowSettings(podcastId);
  if (!settings.autoDownload) return [];
  const ids = pickAutoDownloads(await listEpisodesByPodcast(podcastId, 'newest'), added, downloads.peek());
  for (const id of ids) void startDownload(id);
  return ids;
}
