/**
 * The domain model every part of Hopcast shares: the feed parser produces it,
 * the database stores it, the UI shows it, the server and CLI print it.
 * Plain data only (structured-clone safe), so it crosses worker and SW boundaries.
 */

export interface Enclosure {
  url: string;
  /** MIME type as the feed states it, e.g. `audio/mpeg`; `null` when absent. */
  type: string | null;
  /** Byte length as the feed states it; often wrong, never trusted for downloads. */
  length: number | null;
}

export interface Transcript {
  url: string;
  type: string;
  language?: string | null;
  rel?: string | null;
}

export interface Person {
  name: string;
  role: string | null;
  group: string | null;
  img: string | null;
  href: string | null;
}

export interface Funding {
  url: string;
  title: string | null;
}

export interface Soundbite {
  /** Seconds from the start of the episode. */
  startTime: number;
  duration: number;
  title: string | null;
}

export interface Place {
  name: string;
  geo: string | null;
  osm: string | null;
}

export interface License {
  name: string;
  url: string | null;
}

/** `podcast:alternateEnclosure`: another rendition (bitrate, format, language) of the same audio. */
export interface AlternateEnclosure {
  type: string;
  length: number | null;
  bitrate: number | null;
  title: string | null;
  isDefault: boolean;
  sources: string[];
}

export interface ValueRecipient {
  name: string | null;
  type: string;
  address: string;
  split: number;
  fee: boolean;
  customKey: string | null;
  customValue: string | null;
}

/** `podcast:value`: how listeners can stream payments (e.g. Lightning keysend) to the show. */
export interface ValueBlock {
  type: string;
  method: string;
  suggested: string | null;
  recipients: ValueRecipient[];
}

export interface Trailer {
  url: string;
  title: string;
  pubDate: string | null;
  type: string | null;
  length: number | null;
  season: number | null;
}

export interface ParsedEpisode {
  /** Stable id within the feed: the guid, else a hash of enclosure URL / link / title + date. */
  guid: string;
  title: string;
  /** ISO-8601 UTC, or null when missing or unparseable. */
  pubDate: string | null;
  enclosure: Enclosure | null;
  /** Seconds. */
  duration: number | null;
  season: number | null;
  episode: number | null;
  episodeType: string | null;
  explicit: boolean | null;
  /** URL of a `podcast:chapters` JSON document. */
  chapters: string | null;
  chaptersType: string | null;
  transcripts: Transcript[];
  persons: Person[];
  funding: Funding[];
  image: string | null;
  link: string | null;
  /** HTML show notes, unsanitized: sanitize before it reaches the DOM. */
  description: string;
  /** Hash of the item's raw XML text: equal fingerprints mean an unchanged item on refresh. */
  fingerprint: string;
  /** `itunes:block`: the publisher asks apps not to list this episode. */
  block?: boolean;
  soundbites?: Soundbite[];
  location?: Place | null;
  license?: License | null;
  alternateEnclosures?: AlternateEnclosure[];
  value?: ValueBlock | null;
}

export interface ParsedFeed {
  title: string;
  warnings: string[];
  link: string | null;
  image: string | null;
  author: string | null;
  description: string;
  language: string | null;
  /** `itunes:new-feed-url`: the feed moved. */
  newFeedUrl: string | null;
  categories: string[];
  explicit: boolean | null;
  complete: boolean;
  locked: boolean;
  podcastGuid: string | null;
  funding: Funding[];
  persons: Person[];
  /** Fully parsed items: all of them, or with `known` given, only the new or changed ones. */
  episodes: ParsedEpisode[];
  /** Fingerprints (from `known`) of items present in this copy and unchanged, in feed order. */
  unchanged: string[];
  /** The feed's item count when it had more than the item cap and was cut to it; else null. */
  truncatedFrom?: number | null;
  /** `itunes:type`: `episodic` or `serial`. */
  itunesType?: string | null;
  owner?: { name: string | null; email: string | null } | null;
  block?: boolean;
  /** `podcast:medium`: podcast, music, audiobook, … */
  medium?: string | null;
  trailers?: Trailer[];
  license?: License | null;
  location?: Place | null;
  value?: ValueBlock | null;
}

/** A followed show as stored. */
export interface Podcast {
  /** The feed URL as subscribed (updated when the feed moves). */
  id: string;
  feedUrl: string;
  title: string;
  author: string | null;
  description: string;
  image: string | null;
  link: string | null;
  language: string | null;
  categories: string[];
  funding: Funding[];
  persons: Person[];
  subscribedAt: number;
  /** Epoch ms of the last successful refresh. */
  lastRefreshAt: number | null;
  /** Last refresh error shown on the show's card, cleared on success. */
  lastError: string | null;
  etag: string | null;
  lastModified: string | null;
  /** Count of episodes that arrived in the last refresh and are not yet seen. */
  newCount: number;
  /** Sort position in the library grid. */
  order: number;
  /** Items the feed listed when the last refresh cut it to the item cap (the Show page says so). */
  truncatedFrom?: number | null;
}

/** One episode as stored. `id` is `${podcastId}\u0000${guid}` so guids need not be unique across feeds. */
export interface Episode extends ParsedEpisode {
  id: string;
  podcastId: string;
  /** pubDate as epoch ms (0 when unknown) for indexed sorting. */
  published: number;
  /** Plain text of the show notes, for search and previews. */
  notesText: string;
  /** 1 when played, 0 otherwise (IndexedDB cannot index booleans). */
  played: 0 | 1;
  addedAt: number;
}

export interface PlayState {
  episodeId: string;
  position: number;
  duration: number | null;
  played: boolean;
  updatedAt: number;
}

export interface QueueEntry {
  episodeId: string;
  /** Fractional ordering key; reordering rewrites only the moved entry. */
  order: number;
}

export type DownloadStatus = 'queued' | 'downloading' | 'paused' | 'complete' | 'failed';

export interface DownloadRecord {
  episodeId: string;
  sourceUrl: string;
  finalUrl: string | null;
  status: DownloadStatus;
  /** Bytes stored so far (only whole, committed chunks count). */
  bytes: number;
  /** Total size from the server (Content-Length / Content-Range), never the feed. */
  total: number | null;
  type: string | null;
  etag: string | null;
  lastModified: string | null;
  error: string | null;
  updatedAt: number;
}
