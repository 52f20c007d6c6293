import type { SearchDoc } from './docs';
import { applyChanges, createEpisodeIndex, loadEpisodeIndex, SEARCH_INDEX_FORMAT, serializeEpisodeIndex, type EpisodeIndex } from './episode-index';
import { searchEpisodes, type SearchFilters, type SearchOutcome } from './query';

/** A serialized index as it is persisted: the format number guards against loading an old layout. */
export interface SerializedIndex {
  format: number;
  json: string;
}

/**
 * The one search index of the app and the operations on it, the same whether it runs in the
 * search worker or on the calling thread.
 */
export class SearchEngine {
  private index: EpisodeIndex = createEpisodeIndex();

  get size(): number {
    return this.index.documentCount;
  }

  /** Replaces the index with a serialized one; false (and an empty index) when it cannot be used. */
  load(saved: SerializedIndex): boolean {
    if (saved.format !== SEARCH_INDEX_FORMAT) {
      this.index = createEpisodeIndex();
      return false;
    }
    try {
      this.index = loadEpisodeIndex(saved.json);
      return true;
    } catch {
      this.index = createEpisodeIndex();
      return false;
    }
  }

  reset(): void {
    this.index = createEpisodeIndex();
  }

  sync(upserts: readonly SearchDoc[], removals: readonly string[]): void {
    applyChanges(this.index, upserts, removals);
  }

  search(query: string, filters?: SearchFilters, limit?: number): SearchOutcome {
    return searchEpisodes(this.index, query, filters, limit);
  }

  serialize(): SerializedIndex {
    return { format: SEARCH_INDEX_FORMAT, json: serializeEpisodeIndex(this.index) };
  }
}

/** The persisted form: the index plus, per episode, the signature it was indexed with. */
export interface StoredSearchIndex extends SerializedIndex {
  signatures: Array<[id: string, signature: string]>;
  savedAt: number;
}
