/**
 * Episodes as the search index sees them. Free of MiniSearch, so the page can prepare documents
 * without loading the engine, which lives in the search worker.
 */
import type { Episode } from '../types';
import { codeToken, parseEpisodeCode } from '../episodes/episode-code';

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
  /** The episode code as one term (`hn806`, `pp59`), so `HN806` and `hn 806` find it; '' without one. */
  code: string;
  published: number;
  played: 0 | 1;
}

/** Stored next to a serialized index: a different number means "rebuild", never "load". */
export const SEARCH_INDEX_FORMAT = 3;

/** Show notes past this length are rarely about the episode (link dumps, sponsor copy, transcripts). */
export const MAX_NOTES_CHARS = 20_000;

export const SEARCH_FIELDS = ['title', 'notes', 'people', 'show', 'code'] as const;

export type SearchableEpisode = Pick<Episode, 'id' | 'podcastId' | 'title' | 'notesText' | 'persons' | 'published' | 'played' | 'fingerprint'>;

export function toSearchDoc(episode: SearchableEpisode, showTitle: string): SearchDoc {
  return {
    id: episode.id,
    podcastId: episode.podcastId,
    title: episode.title,
    notes: episode.notesText.length > MAX_NOTES_CHARS ? episode.notesText.slice(0, MAX_NOTES_CHARS) : episode.notesText,
    people: episode.persons.map((p) => p.name).join(' · '),
    show: showTitle,
    code: codeToken(parseEpisodeCode(episode.title)),
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
