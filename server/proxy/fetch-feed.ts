import { readProxySettings, type ProxySettings } from '../settings';
import { toProxyError } from './errors';
import type { ProxyContext } from './upstream';
import { createNodeProxyContext } from '../node/hop';
import { openFeed } from './open-feed';

export { ProxyError } from './errors';

export interface FetchFeedInit {
  /** Only the conditional-GET headers (If-None-Match, If-Modified-Since) and Accept are passed up. */
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Overrides of the environment's proxy settings (HOPCAST_PROXY_ALLOW and the rest). */
  config?: Partial<ProxySettings>;
  /** Return HTML pages as they are (feed discovery) instead of refusing them as not_a_feed. */
  allowHtml?: boolean;
}

export interface FetchedFeed {
  /** 200 (or another 2xx) with the body, or 304 with an empty body. */
  status: number;
  /** Decoded (gzip/br/deflate undone), at most feedMaxBytes. */
  body: Uint8Array;
  /** The upstream's headers, minus the encoding and framing ones that no longer describe `body`. */
  headers: Headers;
  finalUrl: string;
}

/** The whole feed in memory: for the CLI and tools, never the server (which streams it). */
export async function fetchFeedWith(ctx: ProxyContext, rawUrl: string, init: Omit<FetchFeedInit, 'config'> = {}): Promise<FetchedFeed> {
  const feed = await openFeed(ctx, rawUrl, init);
  if (!feed.reader) return { status: feed.status, body: new Uint8Array(0), headers: feed.headers, finalUrl: feed.finalUrl };
  const chunks: Uint8Array[] = [feed.head];
  let size = feed.head.byteLength;
  const cap = ctx.settings.feedMaxBytes;
  try {
    for (;;) {
      const { value, done } = await feed.reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > cap) throw feed.tooLarge();
      chunks.push(value);
    }
  } catch (err) {
    throw toProxyError(err, new URL(feed.finalUrl).host);
  } finally {
    feed.done();
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return { status: feed.status, body, headers: feed.headers, finalUrl: feed.finalUrl };
}

let defaultContext: ProxyContext | null = null;

/**
 * Fetches a feed with the same guard, redirects, caps and timeouts as /api/feed.
 * Throws ProxyError (status, code, message) for every refusal and failure.
 */
export async function fetchFeed(url: string, init: FetchFeedInit = {}): Promise<FetchedFeed> {
  const { config, ...rest } = init;
  if (!config) {
    defaultContext ??= createNodeProxyContext(readProxySettings(process.env));
    return fetchFeedWith(defaultContext, url, rest);
  }
  const ctx = createNodeProxyContext({ ...readProxySettings(process.env), ...config });
  try {
    return await fetchFeedWith(ctx, url, rest);
  } finally {
    void ctx.close?.();
  }
}
