/** Smart playlists: which episodes a filter selects and in what order, and a one-line description of it. */
import type { SmartFilter, SmartSort } from './types';

/** The fields of an episode a filter looks at (a stored Episode has them all). */
export interface FilterEpisode {
  id: string;
  podcastId: string;
  /** Epoch ms, 0 when unknown. */
  published: number;
  /** Seconds, null when unknown. */
  duration: number | null;
  played: 0 | 1;
}

export interface FilterContext {
  now: number;
  /** Ids of episodes whose audio is stored on the device. */
  downloaded: ReadonlySet<string>;
}

export const DEFAULT_FILTER: SmartFilter = {
  podcastIds: [],
  played: 'unplayed',
  minMinutes: null,
  maxMinutes: null,
  withinDays: null,
  downloadedOnly: false,
  sort: 'newest',
  limit: null,
};

const DAY_MS = 86_400_000;

function passes(filter: SmartFilter, shows: ReadonlySet<string> | null, e: FilterEpisode, ctx: FilterContext): boolean {
  if (shows && !shows.has(e.podcastId)) return false;
  if (filter.played === 'unplayed' && e.played === 1) return false;
  if (filter.played === 'played' && e.played === 0) return false;
  if (filter.minMinutes !== null || filter.maxMinutes !== null) {
    // "Under 45 min" cannot be vouched for when the feed gives no length, so such episodes stay out.
    if (e.duration === null || !(e.duration > 0)) return false;
    if (filter.minMinutes !== null && e.duration < filter.minMinutes * 60) return false;
    if (filter.maxMinutes !== null && e.duration >= filter.maxMinutes * 60) return false;
  }
  if (filter.withinDays !== null && (e.published <= 0 || e.published < ctx.now - filter.withinDays * DAY_MS)) return false;
  if (filter.downloadedOnly && !ctx.downloaded.has(e.id)) return false;
  return true;
}

const byId = (a: FilterEpisode, b: FilterEpisode) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Unknown lengths sort after known ones whichever way lengths run. */
function compare(sort: SmartSort): (a: FilterEpisode, b: FilterEpisode) => number {
  const len = (e: FilterEpisode) => (e.duration !== null && e.duration > 0 ? e.duration : null);
  switch (sort) {
    case 'newest':
      return (a, b) => b.published - a.published || byId(a, b);
    case 'oldest':
      // Undated episodes (0) go last rather than first.
      return (a, b) => (a.published || Infinity) - (b.published || Infinity) || byId(a, b);
    case 'shortest':
    case 'longest': {
      const sign = sort === 'shortest' ? 1 : -1;
      return (a, b) => {
        const la = len(a);
        const lb = len(b);
        if (la === null || lb === null) return la === lb ? byId(a, b) : la === null ? 1 : -1;
        return sign * (la - lb) || byId(a, b);
      };
    }
  }
}

/** The ids a smart playlist holds right now, in its order. */
export function evaluateSmartFilter(filter: SmartFilter, episodes: Iterable<FilterEpisode>, ctx: FilterContext): string[] {
  const shows = filter.podcastIds.length > 0 ? new Set(filter.podcastIds) : null;
  const picked: FilterEpisode[] = [];
  for (const e of episodes) if (passes(filter, shows, e, ctx)) picked.push(e);
  picked.sort(compare(filter.sort));
  const limited = filter.limit !== null ? picked.slice(0, filter.limit) : picked;
  return limited.map((e) => e.id);
}

const SORT_WORDS: Record<SmartSort, string> = { newest: 'newest first', oldest: 'oldest first', shortest: 'shortest first', longest: 'longest first' };

/** "Unplayed · from HN, D2DO · under 45 min · newest first": the filter in the words of its form. */
export function describeFilter(filter: SmartFilter, showTitle: (id: string) => string | undefined): string {
  const parts: string[] = [];
  if (filter.played !== 'any') parts.push(filter.played === 'unplayed' ? 'Unplayed' : 'Played');
  if (filter.podcastIds.length > 0) {
    const names = filter.podcastIds.map((id) => showTitle(id) ?? 'a show you no longer follow');
    parts.push(`from ${names.join(', ')}`);
  } else parts.push('from every show');
  if (filter.minMinutes !== null && filter.maxMinutes !== null) parts.push(`${filter.minMinutes}–${filter.maxMinutes} min`);
  else if (filter.maxMinutes !== null) parts.push(`under ${filter.maxMinutes} min`);
  else if (filter.minMinutes !== null) parts.push(`${filter.minMinutes} min or longer`);
  if (filter.withinDays !== null) parts.push(`last ${filter.withinDays} ${filter.withinDays === 1 ? 'day' : 'days'}`);
  if (filter.downloadedOnly) parts.push('downloaded');
  parts.push(SORT_WORDS[filter.sort]);
  if (filter.limit !== null) parts.push(`at most ${filter.limit}`);
  const text = parts.join(' · ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
