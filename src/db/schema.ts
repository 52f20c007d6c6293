import type { DBSchema } from 'idb';
import type { DownloadRecord, Episode, Podcast, PlayState, QueueEntry } from '../core/types';
import type { StoredSearchIndex } from '../core/search/engine';
import type { StoredChapters, StoredTranscript } from './episode-extras';
import type { TranscriptSegment } from '../core/transcript-index/segment';
import type { Bookmark, Playlist } from '../core/playlists/types';

export const DB_NAME = 'hopcast';

/** One stored piece of a downloaded episode: fixed-size, aligned, so a byte offset maps to a chunk index in O(1). */
export interface AudioChunk {
  episodeId: string;
  index: number;
  data: Blob;
}

/**
 * The whole IndexedDB schema. Each store with an example row:
 * - podcasts:   { id: 'https://feeds.example/show', title: 'Heavy Networking', … }
 * - episodes:   { id: 'https://feeds.example/show\u0000guid-1', podcastId, guid: 'guid-1', published: 1700000000000, played: 0, … }
 * - playState:  { episodeId, position: 754.2, duration: 2890, played: false, updatedAt }
 * - queue:      { episodeId, order: 1.5 }
 * - downloads:  { episodeId, status: 'complete', bytes: 5242880, total: 5242880, … }
 * - chunks:     key [episodeId, 3] → { episodeId, index: 3, data: Blob(1 MiB) }
 * - settings:   key 'skipBack' → 15
 * - transcripts: { episodeId, podcastId, url, format, doc: { kind: 'cues', cues }, error: null, fetchedAt }
 * - chapters:   { episodeId, podcastId, url, chapters: [...], images: { [url]: Blob }, error: null, fetchedAt }
 * - transcriptIndex: key episodeId → { version, terms, offsets: Uint32Array, ids: Uint32Array, starts, … }
 * - listenStats: { id: 'show:<podcastId>' | 'episode:<episodeId>', kind, podcastId, listened: 812.5, savedBySpeed: 203, savedBySilence: 41, updatedAt }
 * - searchIndex: key 'episodes' → { format: 1, json: '{"documentCount":…}', signatures: [[id, sig], …], savedAt }
 */
/** v9: running listening totals in seconds (see core/time-saved.ts for what each counts). */
export interface ListenStatsRow {
  id: string;
  kind: 'show' | 'episode';
  podcastId: string;
  episodeId?: string;
  listened: number;
  savedBySpeed: number;
  savedBySilence: number;
  updatedAt: number;
}

export interface HopcastDB extends DBSchema {
  podcasts: { key: string; value: Podcast; indexes: { 'by-order': number } };
  episodes: {
    key: string;
    value: Episode;
    indexes: {
      'by-podcast-published': [string, number];
      'by-guid': string;
      'by-played': number;
      'by-published': number;
      /** v2: unplayed counts per show without reading the episodes. */
      'by-podcast-played': [string, number];
    };
  };
  playState: { key: string; value: PlayState; indexes: { 'by-updated': number } };
  queue: { key: string; value: QueueEntry; indexes: { 'by-order': number } };
  downloads: { key: string; value: DownloadRecord; indexes: { 'by-status': string } };
  chunks: { key: [string, number]; value: AudioChunk };
  settings: { key: string; value: unknown };
  /** v3: key 'episodes' → the persisted search index (see search-index.ts). */
  searchIndex: { key: string; value: StoredSearchIndex };
  /** v4: named and smart playlists (rows in core/playlists/types.ts). */
  playlists: { key: string; value: Playlist; indexes: { 'by-order': number } };
  /** v4: time bookmarks with notes. */
  bookmarks: { key: string; value: Bookmark; indexes: { 'by-episode': string; 'by-created': number } };
  /** v5: an episode's transcript, fetched when it was downloaded (or its show appeared), kept offline. */
  transcripts: { key: string; value: StoredTranscript; indexes: { 'by-podcast': string } };
  /** v5: an episode's chapters with their images as Blobs. */
  chapters: { key: string; value: StoredChapters; indexes: { 'by-podcast': string } };
  /** v5: the transcript index, one segment per episode (src/core/transcript-index/segment.ts). */
  transcriptIndex: { key: string; value: TranscriptSegment };
  listenStats: { key: string; value: ListenStatsRow; indexes: { 'by-kind': string } };
}
