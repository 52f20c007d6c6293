import type { SearchOptions, SearchResult } from 'minisearch';
import type { EpisodeIndex } from './episode-index';
import { tokenize } from './normalize';

export interface SearchFilters {
  /** Only this show's episodes. */
  podcastId?: string | null;
  played?: 'played' | 'unplayed' | null;
  /** Only episodes in this set (the downloaded ones); null means no such filter. */
  onlyIds?: ReadonlySet<string> | null;
}

export interface SearchHit {
  id: string;
  score: number;
  /** Index terms that matched (after prefix and fuzzy expansion): what to highlight. */
  terms: string[];
  podcastId: string;
  published: number;
  played: 0 | 1;
}

export interface SearchOutcome {
  hits: SearchHit[];
  /** Matches after filtering, before the limit. */
  total: number;
}

/** A title hit matters most, then a guest or host, then the show's name, then the notes. */
export const FIELD_BOOST = { title: 3, people: 2, show: 1.5, notes: 1 };

/**
 * Every query term is also a prefix, so results follow typing; but a one-letter prefix matches
 * most of the vocabulary, costs tens of milliseconds and ranks nothing useful, so prefixes start
 * at two letters.
 */
const MIN_PREFIX = 2;
/** Short words have too many neighbours one typo away; from five letters a slip is forgiven. */
const MIN_FUZZY = 5;

const OPTIONS: SearchOptions = {
  boost: FIELD_BOOST,
  combineWith: 'AND',
  prefix: (term) => term.length >= MIN_PREFIX,
  fuzzy: (term) => (term.length >= MIN_FUZZY ? 0.2 : false),
  maxFuzzy: 2,
};

/** The terms a query is made of, exactly as the index sees them. */
export function queryTerms(query: string): string[] {
  return tokenize(query);
}

export function searchEpisodes(index: EpisodeIndex, query: string, filters: SearchFilters = {}, limit = 50): SearchOutcome {
  const terms = queryTerms(query);
  if (terms.length === 0) return { hits: [], total: 0 };
  const { podcastId, played, onlyIds } = filters;
  const wantPlayed = played === 'played' ? 1 : played === 'unplayed' ? 0 : null;
  const filter =
    podcastId || wantPlayed !== null || onlyIds
      ? (r: SearchResult) =>
          (!podcastId || r.podcastId === podcastId) &&
          (wantPlayed === null || r.played === wantPlayed) &&
          (!onlyIds || onlyIds.has(r.id as string))
      : undefined;
  // Pass the already-tokenized terms back in so the query is not split a second, different way.
  const results = index.search(terms.join(' '), { ...OPTIONS, filter });
  // Equal scores are common for short notes; the newer episode is the likelier one wanted.
  results.sort((a, b) => b.score - a.score || (b.published as number) - (a.published as number));
  const hits = results.slice(0, Math.max(0, limit)).map(
    (r): SearchHit => ({
      id: r.id as string,
      score: r.score,
      terms: r.terms,
      podcastId: r.podcastId as string,
      published: r.published as number,
      played: r.played as 0 | 1,
    }),
  );
  return { hits, total: results.length };
}
