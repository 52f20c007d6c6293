export { fold, tokenize, termSpans, MAX_TERM_LENGTH, type TermSpan } from './normalize';
export {
  toSearchDoc,
  docSignature,
  createEpisodeIndex,
  loadEpisodeIndex,
  serializeEpisodeIndex,
  applyChanges,
  SEARCH_INDEX_FORMAT,
  MAX_NOTES_CHARS,
  type SearchDoc,
  type SearchableEpisode,
  type EpisodeIndex,
} from './episode-index';
export { searchEpisodes, queryTerms, FIELD_BOOST, type SearchFilters, type SearchHit, type SearchOutcome } from './query';
export { highlightRanges, segments, snippet, type Range, type Segment, type Snippet } from './highlight';
export { SearchEngine, type SerializedIndex, type StoredSearchIndex } from './engine';
