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
    episodeId = decodeURIComponent(path[1]!);
  } catch {
    return null;
  }
  const seconds = parseClock(decodeURIComponent(time[1]!));
  return seconds === null ? null : { episodeId, seconds };
}
