import type { Query, SearchOptions, SearchResult } from 'minisearch';
import type { EpisodeIndex } from './episode-index';
import { tokenize } from './normalize';
import { NOTES_STOP_WORDS } from './stop-words';
import { codeToken, parseCodeQuery } from '../episodes/episode-code';

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
  /** Found only by forgiving a typo (fuzzy): shown after the real matches, marked "similar". */
  similar: boolean;
}

export interface SearchOutcome {
  hits: SearchHit[];
  /** Matches after filtering, before the limit (similar ones included). */
  total: number;
  /** How many of `total` are similar (fuzzy-only) matches. */
  similar: number;
}

/**
 * Below this many real matches (exact words and prefixes), typo-forgiving matches are added after
 * them, marked similar. With more, fuzzy matches are noise: "zareason" one edit from "reason"s.
 */
export const FEW_MATCHES = 5;

/** A title hit matters most, then a guest or host, then the show's name, then the notes. */
export const FIELD_BOOST = { code: 4, title: 3, people: 2, show: 1.5, notes: 1 };

/**
 * Every query term is also a prefix, so results follow typing. A short prefix matches a large
 * part of the vocabulary, and scoring all of it in the notes costs tens of milliseconds for
 * little use ("ro" in 10,000 episodes' notes), so short prefixes only reach the small fields
 * (title, people, show) and the notes match them exactly; from four letters prefixes reach the
 * notes too. One-letter terms are exact everywhere.
 */
const MIN_PREFIX = 2;
const MIN_NOTES_PREFIX = 4;
const SHORT_FIELDS = ['title', 'people', 'show'];
/** Short words have too many neighbours one typo away; from five letters a slip is forgiven. */
const MIN_FUZZY = 5;

const OPTIONS: SearchOptions = { boost: FIELD_BOOST, maxFuzzy: 2 };

function termQuery(term: string, fuzzy: boolean): Query {
  if (term.length >= MIN_NOTES_PREFIX) return { queries: [term], prefix: true, fuzzy: fuzzy && term.length >= MIN_FUZZY ? 0.2 : false };
  if (term.length < MIN_PREFIX) return { queries: [term], prefix: false, fuzzy: false };
  return {
    combineWith: 'OR',
    queries: [
      { queries: [term], prefix: false, fuzzy: false },
      { queries: [term], fields: SHORT_FIELDS, prefix: true, fuzzy: false },
    ],
  };
}

/** The terms a query is made of, exactly as the index sees them. */
export function queryTerms(query: string): string[] {
  return tokenize(query);
}

export function searchEpisodes(index: EpisodeIndex, query: string, filters: SearchFilters = {}, limit = 50): SearchOutcome {
  const terms = queryTerms(query);
  if (terms.length === 0) return { hits: [], total: 0, similar: 0 };
  const { podcastId, played, onlyIds } = filters;
  const wantPlayed = played === 'played' ? 1 : played === 'unplayed' ? 0 : null;
  const filter =
    podcastId || wantPlayed !== null || onlyIds
      ? (r: SearchResult) => (!podcastId || r.podcastId === podcastId) && (wantPlayed === null || r.played === wantPlayed) && (!onlyIds || onlyIds.has(r.id as string))
      : undefined;
  // Function words are not in the notes, so requiring them would lose notes matches ("on call");
  // they count only when the query has nothing else ("the").
  const meaningful = terms.filter((t) => !NOTES_STOP_WORDS.has(t));
  const asked = meaningful.length > 0 ? meaningful : terms;
  // Each term is tokenized already, so the sub-queries hold exactly one term each.
  const run = (fuzzy: boolean) => index.search({ combineWith: 'AND', queries: asked.map((t) => termQuery(t, fuzzy)) }, { ...OPTIONS, filter });
  const strict = run(false);
  // A whole word as typed outranks a word it only begins ("reason" before "reasonable"); equal
  // scores are common for short notes, and the newer episode is the likelier one wanted.
  const whole = (r: SearchResult) => (asked.every((t) => r.terms.includes(t)) ? 1 : 0);
  strict.sort((a, b) => whole(b) - whole(a) || b.score - a.score || (b.published as number) - (a.published as number));
  let similar: SearchResult[] = [];
  if (strict.length < FEW_MATCHES && asked.some((t) => t.length >= MIN_FUZZY)) {
    const seen = new Set(strict.map((r) => r.id as string));
    similar = run(true).filter((r) => !seen.has(r.id as string));
    similar.sort((a, b) => b.score - a.score || (b.published as number) - (a.published as number));
  }
  const toHit = (r: SearchResult, isSimilar: boolean): SearchHit => ({
    id: r.id as string,
    score: r.score,
    terms: r.terms,
    podcastId: r.podcastId as string,
    published: r.published as number,
    played: r.played as 0 | 1,
    similar: isSimilar,
  });
  // A query that is an episode code (`HN806`, `hn 806`) means that episode: it comes first.
  const code = parseCodeQuery(query);
  if (code) {
    const exact = index.search({ queries: [codeToken(code)], fields: ['code'], prefix: false, fuzzy: false }, { ...OPTIONS, filter });
    exact.sort((a, b) => (b.published as number) - (a.published as number));
    const first = new Set(exact.map((r) => r.id as string));
    strict.splice(0, strict.length, ...exact, ...strict.filter((r) => !first.has(r.id as string)));
    similar = similar.filter((r) => !first.has(r.id as string));
  }
  const all = [...strict.map((r) => toHit(r, false)), ...similar.map((r) => toHit(r, true))];
  return { hits: all.slice(0, Math.max(0, limit)), total: all.length, similar: similar.length };
}
