import { formatClock, parseClock } from '../../core/time';

/** `/episode/<id>#t=12:34`: the Episode page opens it and the player seeks there. */
export function episodeLinkAt(origin: string, episodeId: string, seconds: number): string {
  return `${origin}/episode/${encodeURIComponent(episodeId)}#t=${formatClock(seconds)}`;
}

/** The episode id and time of a shared link, or null when the location is not one. */
export function parseEpisodeLink(pathname: string, hash: string): { episodeId: string; seconds: number } | null {
  const path = /^\/episode\/([^/]+)\/?$/.exec(pathname);
  const time = /^#t=([^&]{1,32})/.exec(hash);
  if (!path || !time) return null;
  let episodeId: string;
  try {
    episodeId = decodeURIComponent(path[1]);
  } catch {
    return null;
  }
  let clock: string;
  try {
    clock = decodeURIComponent(time[1]);
  } catch {
    // A malformed escape (`#t=%E0%A4%A`) is someone else's typo, not a reason to throw.
    return null;
  }
  const seconds = parseClock(clock);
  return seconds === null ? null : { episodeId, seconds };
}
