import { parseClock } from '../../core/time';

/**
 * `/episode/<id>#t=<seconds>`: the Episode page opens it and the player seeks there. Every share
 * action builds its link here, so a link from the player, a search hit or a transcript line is the same.
 */
export function episodeLinkAt(origin: string, episodeId: string, seconds: number): string {
  const at = Number.isFinite(seconds) ? Math.max(0, Math.floor(seconds)) : 0;
  return `${origin}/episode/${encodeURIComponent(episodeId)}#t=${at}`;
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
