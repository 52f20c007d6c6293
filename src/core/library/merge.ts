import type { Episode, ParsedEpisode, ParsedFeed, Podcast } from '../types';
import { htmlToText } from './notes-text';

/** The one place episode ids are made: guids need only be unique within their feed. */
export function episodeId(podcastId: string, guid: string): string {
  return `${podcastId}\u0000${guid}`;
}

/** An enclosure URL without query or fragment: tracking prefixes add and change query strings. */
function enclosureKey(url: string | undefined | null): string | null {
  if (!url) return null;
  const cut = url.search(/[?#]/);
  return cut < 0 ? url : url.slice(0, cut);
}

export function toEpisode(parsed: ParsedEpisode, podcastId: string, now: number): Episode {
  const published = parsed.pubDate ? Date.parse(parsed.pubDate) : NaN;
  return {
    ...parsed,
    id: episodeId(podcastId, parsed.guid),
    podcastId,
    published: Number.isFinite(published) ? published : 0,
    notesText: htmlToText(parsed.description),
    played: 0,
    addedAt: now,
  };
}

export interface MergeResult {
  /** Episodes the show did not have before. */
  added: Episode[];
  /** Stored episodes whose item changed: new metadata, with the stored id, guid, played and addedAt. */
  changed: Episode[];
  /** How many items of this copy were already stored unchanged. */
  unchanged: number;
}

/**
 * Merges a freshly parsed copy of a feed into a show's stored episodes.
 * Rules: an item keeps its stored id when its guid matches; an item with an unknown guid whose
 * enclosure matches a stored episode no longer in the feed is that episode (hosts that rewrite
 * guids on migration), so play state, queue and downloads stay attached. Episodes that drop
 * out of the feed are kept: feeds often list only their latest items. Blocked new items are skipped.
 */
export function mergeEpisodes(podcastId: string, feed: ParsedFeed, stored: readonly Episode[], now: number): MergeResult {
  const byId = new Map<string, Episode>();
  const byFingerprint = new Map<string, Episode>();
  for (const e of stored) {
    byId.set(e.id, e);
    if (e.fingerprint) byFingerprint.set(e.fingerprint, e);
  }
  // Stored episodes this copy of the feed accounts for: the unchanged ones and the guid matches.
  const claimed = new Set<string>();
  for (const fp of feed.unchanged) {
    const e = byFingerprint.get(fp);
    if (e) claimed.add(e.id);
  }
  for (const p of feed.episodes) {
    const id = episodeId(podcastId, p.guid);
    if (byId.has(id)) claimed.add(id);
  }
  const byEnclosure = new Map<string, Episode>();
  for (const e of stored) {
    const key = enclosureKey(e.enclosure?.url);
    if (key && !claimed.has(e.id) && !byEnclosure.has(key)) byEnclosure.set(key, e);
  }

  const added: Episode[] = [];
  const changed: Episode[] = [];
  const seen = new Set<string>();
  let unchanged = feed.unchanged.length;
  for (const p of feed.episodes) {
    const fresh = toEpisode(p, podcastId, now);
    let existing = byId.get(fresh.id);
    if (!existing) {
      const key = enclosureKey(p.enclosure?.url);
      const moved = key ? byEnclosure.get(key) : undefined;
      if (moved && !claimed.has(moved.id)) {
        existing = moved;
        claimed.add(moved.id);
      }
    }
    const id = existing?.id ?? fresh.id;
    if (seen.has(id)) continue;
    seen.add(id);
    if (existing) {
      if (existing.fingerprint === p.fingerprint) {
        unchanged++;
        continue;
      }
      changed.push({ ...fresh, id: existing.id, guid: existing.guid, played: existing.played, addedAt: existing.addedAt });
    } else if (!p.block) {
      added.push(fresh);
    }
  }
  return { added, changed, unchanged };
}

export interface PodcastSeed {
  id: string;
  feedUrl: string;
  now: number;
  order: number;
  /** When a new show counts as followed, if not `now` (the first run's shows share one moment). */
  subscribedAt?: number;
}

/** The show record after a successful fetch: feed metadata over what was stored, bookkeeping kept. */
export function podcastFromFeed(feed: ParsedFeed, previous: Podcast | undefined, seed: PodcastSeed): Podcast {
  return {
    id: previous?.id ?? seed.id,
    feedUrl: seed.feedUrl,
    title: feed.title.trim() || previous?.title || seed.feedUrl,
    author: feed.author,
    description: feed.description,
    image: feed.image ?? previous?.image ?? null,
    link: feed.link,
    language: feed.language,
    categories: feed.categories,
    funding: feed.funding,
    persons: feed.persons,
    subscribedAt: previous?.subscribedAt ?? seed.subscribedAt ?? seed.now,
    lastRefreshAt: seed.now,
    lastError: null,
    etag: previous?.etag ?? null,
    lastModified: previous?.lastModified ?? null,
    newCount: previous?.newCount ?? 0,
    order: previous?.order ?? seed.order,
    podcastGuid: feed.podcastGuid ?? previous?.podcastGuid ?? null,
    truncatedFrom: feed.truncatedFrom ?? null,
  };
}
