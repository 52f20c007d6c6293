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

/** A failure as a person would say it, with the technical words kept for whoever wants them. */
export interface HumanError {
  sentence: string;
  /** The exact message behind it (host, status, TLS code); shown folded away. */
  details: string | null;
}

const SENTENCES: Record<string, string> = {
  network: 'Hopcast can’t reach its server right now. Check your connection and try again.',
  timeout: 'The show’s server took too long to answer. Try again in a moment.',
  connect_timeout: 'The show’s server took too long to answer. Try again in a moment.',
  not_allowed: 'This Hopcast server is set up to fetch only from certain sites, and this show isn’t on one of them.',
  blocked_address: 'Hopcast won’t fetch from that address: it points into a private network.',
  blocked_port: 'Hopcast won’t fetch from that address: it uses an unusual port.',
  dns_failed: 'No website answers at that address. Check the spelling, or search for the show by name.',
  connection_refused: 'The show’s server turned the connection away. Try again later.',
  connection_lost: 'The connection to the show’s server broke off. Try again.',
  unreachable: 'The show’s server can’t be reached at the moment. Try again later.',
  tls_error: 'A secure connection to the show’s server could not be made.',
  not_a_feed: 'That address didn’t give a podcast feed. Paste the feed’s own address, or search for the show by name.',
  too_large: 'That feed is too large for Hopcast to read.',
  too_many_redirects: 'That address sends Hopcast around in circles. Paste the feed’s final address.',
};

export function humanizeError(err: unknown): HumanError {
  const exact = describeFeedError(err);
  if (isHttpError(err)) {
    if (err.upstreamStatus === 404 || err.upstreamStatus === 410) return { sentence: 'The show’s feed isn’t at that address any more.', details: exact };
    if (err.upstreamStatus) return { sentence: 'The show’s server refused the request. Try again later.', details: exact };
    const sentence = SENTENCES[err.code];
    if (sentence) return { sentence, details: exact };
    return { sentence: exact, details: null };
  }
  if (isFeedError(err)) return { sentence: 'That address didn’t give a podcast feed Hopcast can read.', details: exact };
  return { sentence: exact, details: null };
}

/**
 * A stored message (a default show's card keeps only text) as a sentence: the server's and the
 * directory's wordings are known, anything else keeps a plain lead sentence and folds the text.
 */
export function humanizeMessage(message: string): HumanError {
  if (message.includes('only reaches its configured hosts')) return { sentence: SENTENCES.not_allowed, details: message };
  if (message.startsWith('No show titled')) return { sentence: 'Hopcast couldn’t find this show in the podcast directory. Paste its address if you know it.', details: message };
  if (/could not be found/.test(message)) return { sentence: SENTENCES.dns_failed, details: message };
  return { sentence: 'Hopcast couldn’t add this show just now. Try again, or paste its address.', details: message };
}
