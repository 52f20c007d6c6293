/**
 * What the page's downloader and the service worker (which stores Background Fetch results)
 * must agree on: the channel they announce changes on, fetch ids, and user-facing messages.
 */

/** BroadcastChannel name: a message `{ episodeId }` means "re-read this download record". */
export const DOWNLOADS_CHANNEL = 'hopcast-downloads';

export interface DownloadChangedMessage {
  type: 'download-changed';
  episodeId: string;
}

export function isDownloadChangedMessage(data: unknown): data is DownloadChangedMessage {
  const d = data as Partial<DownloadChangedMessage> | null;
  return !!d && d.type === 'download-changed' && typeof d.episodeId === 'string';
}

const BG_PREFIX = 'hopcast-episode:';

/** Background Fetch id of an episode's download (ids are per origin, so a prefix keeps them ours). */
export function backgroundFetchId(episodeId: string): string {
  return BG_PREFIX + episodeId;
}

export function episodeIdOfBackgroundFetch(id: string): string | null {
  return id.startsWith(BG_PREFIX) ? id.slice(BG_PREFIX.length) : null;
}

/** The proxy URL an enclosure is fetched through when its host sends no CORS headers. */
export function proxiedAudioUrl(url: string): string {
  return `/api/audio?url=${encodeURIComponent(url)}`;
}

export const QUOTA_MESSAGE = 'Not enough storage space for this episode. Delete downloads on the Downloads screen to make room, then retry.';
export const INTERRUPTED_MESSAGE = 'The connection was interrupted; the download will continue from where it stopped.';

/** The error a download gets when its stored audio is found incomplete: the browser cleared it. */
export const REMOVED_BY_BROWSER = 'Removed by the browser';
