import type { SearchDoc } from './docs';
import { SearchEngine, type SerializedIndex } from './engine';
import type { SearchFilters, SearchOutcome } from './query';

/** Filters as they cross a thread boundary: a plain array where the engine takes a Set. */
export interface WireFilters {
  podcastId: string | null;
  played: 'played' | 'unplayed' | null;
  onlyIds: string[] | null;
}

export type SearchRequest =
  | { op: 'load'; saved: SerializedIndex }
  | { op: 'reset' }
  | { op: 'sync'; upserts: SearchDoc[]; removals: string[] }
  | { op: 'search'; query: string; filters: WireFilters; limit: number }
  | { op: 'serialize' };

/** What each request answers. */
export interface SearchReplies {
  load: boolean;
  reset: number;
  sync: number;
  search: SearchOutcome;
  serialize: SerializedIndex;
}

export type SearchMessage = { id: number } & SearchRequest;
export type SearchReply = { id: number; ok: true; value: SearchReplies[SearchRequest['op']] } | { id: number; ok: false; message: string };

/** The search index wherever it lives: in the search worker, or (tests, no Worker) on this thread. */
export interface SearchBackend {
  /** False when the saved index could not be used; the backend is then empty. */
  load(saved: SerializedIndex): Promise<boolean>;
  reset(): Promise<number>;
  /** Resolves to the number of documents afterwards. */
  sync(upserts: SearchDoc[], removals: string[]): Promise<number>;
  search(query: string, filters: WireFilters, limit: number): Promise<SearchOutcome>;
  serialize(): Promise<SerializedIndex>;
}

export function toEngineFilters(filters: WireFilters): SearchFilters {
  return { podcastId: filters.podcastId, played: filters.played, onlyIds: filters.onlyIds ? new Set(filters.onlyIds) : null };
}

/** Runs one request against an engine: the search worker's whole job. */
export function handleSearchRequest(engine: SearchEngine, request: SearchRequest): SearchReplies[SearchRequest['op']] {
  switch (request.op) {
    case 'load':
      return engine.load(request.saved);
    case 'reset':
      engine.reset();
      return 0;
    case 'sync':
      engine.sync(request.upserts, request.removals);
      return engine.size;
    case 'search':
      return engine.search(request.query, toEngineFilters(request.filters), request.limit);
    case 'serialize':
      return engine.serialize();
  }
}

/** The same backend without a thread: for tests, and browsers that cannot start module workers. */
export function inThreadBackend(engine = new SearchEngine()): SearchBackend {
  return {
    load: async (saved) => engine.load(saved),
    reset: async () => {
      engine.reset();
      return 0;
    },
    sync: async (upserts, removals) => {
      engine.sync(upserts, removals);
      return engine.size;
    },
    search: async (query, filters, limit) => engine.search(query, toEngineFilters(filters), limit),
    serialize: async () => engine.serialize(),
  };
}
