import MiniSearch, { type Options } from 'minisearch';
import type { Episode } from '../types';
import { tokenize } from './normalize';

/**
 * What the index holds per episode. The searchable fields are text; the stored ones are what
 * the filters need, so a filtered search never has to leave the index.
 */
export interface SearchDoc {
  id: string;
  podcastId: string;
  title: string;
  notes: string;
  people: string;
  show: string;
  published: number;
  played: 0 | 1;
}

/** Stored next to a serialized index: a different number means "rebuild", never "load". */
export const SEARCH_INDEX_FORMAT = 1;

/** Show notes past this length are rarely about the episode (link dumps, sponsor copy, transcripts). */
export const MAX_NOTES_CHARS = 20_000;

export const SEARCH_FIELDS = ['title', 'notes', 'people', 'show'] as const;
const STORE_FIELDS = ['podcastId', 'published', 'played'] as const;

export type SearchableEpisode = Pick<Episode, 'id' | 'podcastId' | 'title' | 'notesText' | 'persons' | 'published' | 'played' | 'fingerprint'>;

export function toSearchDoc(episode: SearchableEpisode, showTitle: string): SearchDoc {
  return {
    id: episode.id,
    podcastId: episode.podcastId,
    title: episode.title,
    notes: episode.notesText.length > MAX_NOTES_CHARS ? episode.notesText.slice(0, MAX_NOTES_CHARS) : episode.notesText,
    people: episode.persons.map((p) => p.name).join(' · '),
    show: showTitle,
    published: episode.published,
    played: episode.played,
  };
}

/**
 * Changes whenever the indexed document would: the item's XML (fingerprint), whether it was
 * played (a stored field the filters read) and the show's title.
 */
export function docSignature(episode: SearchableEpisode, showTitle: string): string {
  return `${episode.fingerprint}|${episode.played}|${showTitle}`;
}

/** Indexing and loading must use the same options, or a loaded index reads its terms wrongly. */
export const INDEX_OPTIONS: Options<SearchDoc> = {
  idField: 'id',
  fields: [...SEARCH_FIELDS],
  storeFields: [...STORE_FIELDS],
  tokenize,
  // tokenize() already folds case and accents.
  processTerm: (term) => term,
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
