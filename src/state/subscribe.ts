/** Following and unfollowing shows. */
import type { Podcast } from '../core/types';
import { normalizeFeedUrl } from '../core/library/feed-url';
import { resolveFeed } from '../api/feed-client';
import { deletePodcastCascade } from '../db/library-writes';
import { cancelDownload, downloads, loadDownloads } from './downloads';
import { queue, removeFromQueue } from './queue';
import { ingestFeed, type IngestOptions } from './ingest';
import { libraryChanged, loadLibrary, podcasts } from './library';
import { forgetShowInPlaylists } from './playlists';

export class SubscribeError extends Error {
  override name = 'SubscribeError';
}

export interface Subscribed {
  podcast: Podcast;
  /** The show was already in the library; nothing was fetched. */
  existed: boolean;
}

function findExisting(url: string): Podcast | undefined {
  return podcasts.value.find((p) => p.id === url || p.feedUrl === url);
}

const pending = new Map<string, Promise<Subscribed>>();

/**
 * Subscribes to a feed URL, or to the feed a web page links. Rejects with `SubscribeError` for
 * an unusable address and with the fetch or parse error otherwise (see `describeFeedError`).
 */
export function subscribe(input: string, options: IngestOptions = {}): Promise<Subscribed> {
  const checked = normalizeFeedUrl(input);
  if (!checked.ok) return Promise.reject(new SubscribeError(checked.message));
  const url = checked.url;
  let running = pending.get(url);
  if (!running) {
    running = runSubscribe(url, options).finally(() => pending.delete(url));
    pending.set(url, running);
  }
  return running;
}

async function runSubscribe(url: string, options: IngestOptions): Promise<Subscribed> {
  await loadLibrary();
  const known = findExisting(url);
  if (known) return { podcast: known, existed: true };
  const { feedUrl, response } = await resolveFeed(url);
  const viaPage = findExisting(feedUrl);
  if (viaPage) return { podcast: viaPage, existed: true };
  const result = await ingestFeed(feedUrl, feedUrl, undefined, response, options);
  await libraryChanged();
  return { podcast: result.podcast, existed: false };
}

/** Removes a show with its episodes, play state, queue entries, playlist entries and downloads (bookmarks stay). */
export async function unsubscribe(podcastId: string): Promise<void> {
  const prefix = `${podcastId}\u0000`;
  // Stop transfers first so no chunk lands after the cascade has cleared them.
  for (const [episodeId, record] of downloads.value) {
    if (episodeId.startsWith(prefix) && (record.status === 'downloading' || record.status === 'queued')) await cancelDownload(episodeId);
  }
  await deletePodcastCascade(podcastId);
  for (const entry of queue.value) if (entry.episodeId.startsWith(prefix)) await removeFromQueue(entry.episodeId);
  await forgetShowInPlaylists(podcastId);
  await loadDownloads();
  await libraryChanged();
}
