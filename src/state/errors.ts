import { isFeedError } from '../core/feed/errors';
import { isHttpError } from '../api/http';

/** One sentence for a show's card or a dialog, whatever went wrong. */
export function describeFeedError(err: unknown): string {
  if (isHttpError(err)) {
    if (err.upstreamStatus === 404 || err.upstreamStatus === 410) return `The feed is gone: its host answered ${err.upstreamStatus}`;
    return err.message;
  }
  if (isFeedError(err)) return err.message;
  if (err instanceof Error && err.message) return err.message;
  return 'Something went wrong reading this feed';
}

/** The feed URL answered 404 or 410: look the show up by title instead. */
export function isFeedGone(err: unknown): boolean {
  return isHttpError(err) && (err.upstreamStatus === 404 || err.upstreamStatus === 410);
}
