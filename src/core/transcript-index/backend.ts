/** The transcript index across a thread boundary: the worker's protocol and an in-thread stand-in. */
import { TranscriptIndex, type TranscriptOutcome } from './index';
import { buildSegment, isSegment, type SegmentInput, type TranscriptSegment } from './segment';

export interface TranscriptWireFilters {
  podcastId: string | null;
  onlyIds: string[] | null;
}

export interface TranscriptIndexStats {
  episodes: number;
  bytes: number;
}

export type TranscriptRequest =
  | { op: 'index'; input: SegmentInput }
  | { op: 'load'; segments: unknown[] }
  | { op: 'remove'; episodeIds: string[] }
  | { op: 'search'; query: string; filters: TranscriptWireFilters; limit: number }
  | { op: 'stats' };

export interface TranscriptReplies {
  /** The new segment, for the page to store. */
  index: TranscriptSegment;
  /** Segments taken (unusable stored ones are skipped; the page rebuilds those). */
  load: string[];
  remove: number;
  search: TranscriptOutcome;
  stats: TranscriptIndexStats;
}

export type TranscriptMessage = { id: number } & TranscriptRequest;
export type TranscriptReply = { id: number; ok: true; value: TranscriptReplies[TranscriptRequest['op']] } | { id: number; ok: false; message: string };

export interface TranscriptBackend {
  index(input: SegmentInput): Promise<TranscriptSegment>;
  load(segments: unknown[]): Promise<string[]>;
  remove(episodeIds: string[]): Promise<number>;
  search(query: string, filters: TranscriptWireFilters, limit: number): Promise<TranscriptOutcome>;
  stats(): Promise<TranscriptIndexStats>;
}

export function handleTranscriptRequest(index: TranscriptIndex, request: TranscriptRequest): TranscriptReplies[TranscriptRequest['op']] {
  switch (request.op) {
    case 'index': {
      const segment = buildSegment(request.input);
      index.add(segment);
      return segment;
    }
    case 'load': {
      const taken: string[] = [];
      for (const s of request.segments) {
        if (!isSegment(s)) continue;
        index.add(s);
        taken.push(s.episodeId);
      }
      return taken;
    }
    case 'remove':
      for (const id of request.episodeIds) index.remove(id);
      return index.size;
    case 'search':
      return index.search(request.query, { podcastId: request.filters.podcastId, onlyIds: request.filters.onlyIds ? new Set(request.filters.onlyIds) : null }, request.limit);
    case 'stats':
      return { episodes: index.size, bytes: index.bytes() };
  }
}
