import MiniSearch, { type Options } from 'minisearch';
import { SEARCH_FIELDS, type SearchDoc } from './docs';
import { tokenize } from './normalize';
import { NOTES_STOP_WORDS } from './stop-words';

export { SEARCH_INDEX_FORMAT } from './docs';
const STORE_FIELDS = ['podcastId', 'published', 'played'] as const;

/** Indexing and loading must use the same options, or a loaded index reads its terms wrongly. */
export const INDEX_OPTIONS: Options<SearchDoc> = {
  idField: 'id',
  fields: [...SEARCH_FIELDS],
  storeFields: [...STORE_FIELDS],
  tokenize,
  // tokenize() already folds case and accents; queries (no field name) keep every word.
  processTerm: (term, field) => (field === 'notes' && NOTES_STOP_WORDS.has(term) ? null : term),
  // Refreshes replace documents often; vacuuming in the background keeps the index from growing.
  autoVacuum: { minDirtCount: 200, minDirtFactor: 0.1, batchSize: 1000, batchWait: 10 },
};

export type EpisodeIndex = MiniSearch<SearchDoc>;

export function createEpisodeIndex(): EpisodeIndex {
  return new MiniSearch<SearchDoc>(INDEX_OPTIONS);
}

/** Throws on a malformed or foreign document: callers rebuild from the database then. */
export function loadEpisodeIndex(json: string): EpisodeIndex {
  return MiniSearch.loadJSON<SearchDoc>(json, INDEX_OPTIONS);
}

export function serializeEpisodeIndex(index: EpisodeIndex): string {
  return JSON.stringify(index);
}

/** Adds or replaces documents and removes ids, leaving everything else as it is. */
export function applyChanges(index: EpisodeIndex, upserts: readonly SearchDoc[], removals: readonly string[]): void {
  for (const id of removals) if (index.has(id)) index.discard(id);
  for (const doc of upserts) {
    if (index.has(doc.id)) index.discard(doc.id);
    index.add(doc);
  }
}
