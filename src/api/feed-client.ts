/**
 * Feeds through this server's `/api/feed` proxy (podcast hosts rarely send CORS headers), with
 * conditional GET both ways, and feed discovery from a web page that links its feed.
 */
import { discoverFeedLinks, looksLikeHtml } from '../core/library/discover';
import { HttpError, request, type RequestOptions } from './http';

export const FEED_TIMEOUT_MS = 45_000;

export interface FeedValidators {
  etag?: string | null;
  lastModified?: string | null;
}

export type FeedResponse =
  | { status: 304; finalUrl: string; etag: string | null; lastModified: string | null }
  | { status: 200; finalUrl: string; body: Uint8Array; etag: string | null; lastModified: string | null; contentType: string | null };

export interface FetchFeedOptions extends FeedValidators {
  signal?: AbortSignal;
  /** Let the proxy return an HTML page (for discovery) instead of refusing it. */
  allowHtml?: boolean;
}

export function feedProxyUrl(url: string, allowHtml = false): string {
  return `/api/feed?url=${encodeURIComponent(url)}${allowHtml ? '&allowHtml=1' : ''}`;
}

/** One GET through the proxy; a 304 comes back as an answer, not an error. */
export async function fetchFeed(url: string, options: FetchFeedOptions = {}): Promise<FeedResponse> {
  const headers: Record<string, string> = {};
  if (options.etag) headers['If-None-Match'] = options.etag;
  if (options.lastModified) headers['If-Modified-Since'] = options.lastModified;
  const init: RequestOptions = {
    headers,
    // The app keeps its own validators; the HTTP cache would only add a second, hidden copy.
    cache: 'no-store',
    accept: [304],
    timeoutMs: FEED_TIMEOUT_MS,
    ...(options.signal ? { signal: options.signal } : {}),
  };
  const response = await request(feedProxyUrl(url, options.allowHtml), init);
  const finalUrl = response.headers.get('x-final-url') || url;
  const etag = response.headers.get('etag');
  const lastModified = response.headers.get('last-modified');
  if (response.status === 304) return { status: 304, finalUrl, etag: etag ?? options.etag ?? null, lastModified: lastModified ?? options.lastModified ?? null };
  const body = new Uint8Array(await response.arrayBuffer());
  return {
    status: 200,
    finalUrl,
    body,
    etag,
    lastModified, // The proxy answers in a type of its own; the host's own type travels in X-Upstream-Content-Type.
    contentType: response.headers.get('x-upstream-content-type') ?? response.headers.get('content-type'),
  };
}

export type ResolvedFeed = { feedUrl: string; response: Extract<FeedResponse, { status: 200 }> };

/**
 * The feed behind an address someone typed: the feed itself, or the first feed a web page
 * links with `<link rel="alternate" type="application/rss+xml">`.
 */
export async function resolveFeed(url: string, signal?: AbortSignal): Promise<ResolvedFeed> {
  const first = await fetchFeed(url, { allowHtml: true, ...(signal ? { signal } : {}) });
  if (first.status === 304) throw new HttpError(304, 'unexpected_304', 'The server answered "not modified" to a first request');
  const head = new TextDecoder().decode(first.body.subarray(0, 4096));
  if (!looksLikeHtml(first.contentType, head)) return { feedUrl: url, response: first };

  const page = new TextDecoder().decode(first.body);
  const links = discoverFeedLinks(page, first.finalUrl);
  if (!links.length) throw new HttpError(200, 'no_feed_link', 'That web page does not link a podcast feed. Paste the feed URL itself.');
  const feedUrl = links[0].url;
  const second = await fetchFeed(feedUrl, signal ? { signal } : {});
  if (second.status === 304) throw new HttpError(304, 'unexpected_304', 'The server answered "not modified" to a first request');
  return { feedUrl, response: second };
}
