/**
 * Everything search, for tests and tools. Page code imports the MiniSearch-free files directly
 * (docs, normalize, highlight) so the engine stays in the search worker's chunk.
 */
export { fold, tokenize, termSpans, MAX_TERM_LENGTH } from './normalize';
export { toSearchDoc, docSignature, SEARCH_INDEX_FORMAT, MAX_NOTES_CHARS, type SearchDoc, type SearchableEpisode } from './docs';
export { createEpisodeIndex, loadEpisodeIndex, serializeEpisodeIndex, applyChanges } from './episode-index';
export { searchEpisodes } from './query';
export { highlightRanges, segments, snippet } from './highlight';
export { SearchEngine } from './engine';
export { inThreadBackend, type SearchBackend } from './backend';
