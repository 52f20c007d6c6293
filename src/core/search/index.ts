/**
 * Everything search, for tests and tools. Page code imports the MiniSearch-free files directly
 * (docs, normalize, highlight) so the engine stays in the search worker's chunk.
 */
export { fold, tokenize, termSpans, MAX_TERM_LENGTH, type TermSpan } from './normalize';
export { toSearchDoc, docSignature, SEARCH_INDEX_FORMAT, MAX_NOTES_CHARS, type SearchDoc, type SearchableEpisode } from './docs';
export { createEpisodeIndex, loadEpisodeIndex, serializeEpisodeIndex, applyChanges, type EpisodeIndex } from './episode-index';
export { searchEpisodes, queryTerms, FIELD_BOOST, type SearchFilters, type SearchHit, type SearchOutcome } from './query';
export { highlightRanges, segments, snippet, type Range, type Segment, type Snippet } from './highlight';
export { SearchEngine, type SerializedIndex, type StoredSearchIndex } from './engine';
export { inThreadBackend, handleSearchRequest, type SearchBackend, type WireFilters } from './backend';
