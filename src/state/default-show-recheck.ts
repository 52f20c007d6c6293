/**
 * A followed default show keeps being found: when its feed answers 404/410 on a refresh, its
 * resolution steps run again (skipping the gone address) and the show moves to the feed found,
 * keeping its episodes and play state; when a feed moves by `itunes:new-feed-url`, the new
 * address is remembered for next time.
 */
import { DEFAULT_SHOWS } from '../core/default-shows';
import { defaultShowFor } from '../core/library/show-resolution';
import { resolveFeed } from '../api/feed-client';
import { lookupDirectory, searchDirectory } from '../api/directory';
import { getPodcast } from '../db/podcasts';
import { isFeedGone } from './errors';
import { ingestFeed } from './ingest';
import { rememberedFeeds, rememberFeed } from './first-run';
import { resolveShow, type ResolverDeps } from './show-resolver';

/**
 * After a refresh failed with `err`: when the feed is gone and the show is a default show, finds
 * it again and stores the new feed into the same show. Resolves to the episodes added, or null
 * when this was not such a case (the caller reports the original failure); rejects when the show
 * could not be found again.
 */
export async function recheckGoneDefaultShow(podcastId: string, err: unknown): Promise<number | null> {
  if (!isFeedGone(err)) return null;
  const previous = await getPodcast(podcastId);
  if (!previous) return null;
  const remembered = await rememberedFeeds();
  const show = defaultShowFor(DEFAULT_SHOWS, previous, remembered);
  if (!show) return null;
  let added = 0;
  const deps: ResolverDeps = {
    follow: async (url, check) => {
      const { feedUrl, response } = await resolveFeed(url);
      const result = await ingestFeed(previous.id, feedUrl, previous, response, { accept: check });
      added = result.added;
      return result.podcast;
    },
    lookup: (id) => lookupDirectory(id),
    search: (term) => searchDirectory(term),
  };
  const found = await resolveShow(show, deps, { skip: new Set([previous.feedUrl, previous.id]) });
  await rememberFeed(show.key, found.podcast.feedUrl, found.via);
  return added;
}

/** A refresh followed `itunes:new-feed-url`: remember the new address for the default show it is. */
export async function noteFeedMoved(from: string, to: string): Promise<void> {
  if (from === to) return;
  const remembered = await rememberedFeeds();
  const key = Object.keys(remembered).find((k) => remembered[k].url === from);
  if (key) await rememberFeed(key, to, remembered[key].via);
}
