/**
 * From fetched bytes to stored show: parse off the main thread (unchanged items only
 * fingerprinted), follow `itunes:new-feed-url`, merge, and write the whole feed in one transaction.
 * Shared by subscribe and refresh.
 */
import type { Episode, ParsedFeed, Podcast } from '../core/types';
import { mergeEpisodes, podcastFromFeed } from '../core/library/merge';
import { normalizeFeedUrl } from '../core/library/feed-url';
import { fetchFeed, type FeedResponse } from '../api/feed-client';
import { listEpisodesByPodcast } from '../db/episodes';
import { nextPodcastOrder } from '../db/podcasts';
import { writeFeed } from '../db/library-writes';
import { parseFeedOffThread } from '../workers/feed-bridge';

type Fetched = Extract<FeedResponse, { status: 200 }>;

export interface IngestResult {
  podcast: Podcast;
  added: number;
  changed: number;
  /** Set when `sameAs` found this feed already followed under another address: nothing was stored. */
  existing?: Podcast;
}

/** Where the feed says it moved to, when that is a usable address other than the current one. */
function movedTo(parsed: ParsedFeed, current: string): string | null {
  if (!parsed.newFeedUrl) return null;
  const checked = normalizeFeedUrl(parsed.newFeedUrl);
  return checked.ok && checked.url !== current ? checked.url : null;
}

/** Refuses a parsed feed before anything is stored (a default show's identity check): why, or null. */
export type AcceptFeed = (feed: ParsedFeed, feedUrl: string) => string | null;

export class FeedRefused extends Error {
  override name = 'FeedRefused';
}

export interface IngestOptions {
  accept?: AcceptFeed;
  /** Grid position for a new show (a default show keeps the slot its placeholder had); default: last. */
  order?: number;
  /**
   * When a new show counts as followed; default: now. The first run's shows share the moment it
   * started, so "Recently added" lists them in their slots' order, as they were placed.
   */
  subscribedAt?: number;
  /** For a new show: a followed show this feed is the same as (then nothing is stored). */
  sameAs?: (parsed: ParsedFeed) => Podcast | undefined;
}

export async function ingestFeed(id: string, feedUrl: string, previous: Podcast | undefined, fetched: Fetched, options: IngestOptions = {}): Promise<IngestResult> {
  const { accept } = options;
  const stored: Episode[] = previous ? await listEpisodesByPodcast(id, 'oldest') : [];
  const known = new Set(stored.map((e) => e.fingerprint).filter(Boolean));
  let response = fetched;
  let parsed = await parseFeedOffThread(response.body, response.finalUrl, { known });
  let url = feedUrl;
  const same = previous ? undefined : options.sameAs?.(parsed);
  if (same) return { podcast: same, added: 0, changed: 0, existing: same };

  const moved = movedTo(parsed, feedUrl);
  if (moved) {
    // Switch only once the new address really serves a feed; otherwise keep this copy and try again next refresh.
    try {
      const next = await fetchFeed(moved);
      if (next.status === 200) {
        const nextParsed = await parseFeedOffThread(next.body, next.finalUrl, { known });
        parsed = nextParsed;
        response = next;
        url = moved;
      }
    } catch {
      // The old feed still answered; its copy is stored below.
    }
  }

  const refused = accept?.(parsed, response.finalUrl);
  if (refused) throw new FeedRefused(refused);

  const now = Date.now();
  const merged = mergeEpisodes(id, parsed, stored, now);
  const record = podcastFromFeed(parsed, previous, { id, feedUrl: url, now, order: previous ? previous.order : (options.order ?? (await nextPodcastOrder())), subscribedAt: options.subscribedAt });
  record.etag = response.etag;
  record.lastModified = response.lastModified;
  const podcast = await writeFeed({ podcast: record, added: merged.added, changed: merged.changed, countNew: previous !== undefined });
  return { podcast, added: merged.added.length, changed: merged.changed.length };
}
