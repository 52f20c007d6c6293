import makeClient from 'podcast-index-api';
import type { DirectorySettings } from '../settings';
import { DirectoryError, type DirectoryResult } from './types';
import { toResult } from './sanitize-text';

import { MAX_RESULTS } from './types';

export type PodcastIndexSearch = (q: string, signal?: AbortSignal) => Promise<DirectoryResult[]>;

interface PiFeed {
  title?: unknown;
  author?: unknown;
  ownerName?: unknown;
  url?: unknown;
  artwork?: unknown;
  image?: unknown;
  description?: unknown;
  episodeCount?: unknown;
}

/**
 * Podcast Index search through podcast-index-api, which signs each request (X-Auth-Key,
 * X-Auth-Date, Authorization = SHA-1 of key + secret + date). The secret stays on the server.
 * Null when no keys are configured.
 */
export function podcastIndexSearch(settings: DirectorySettings): PodcastIndexSearch | null {
  const { podcastIndexKey: key, podcastIndexSecret: secret } = settings;
  if (!key || !secret) return null;
  const client = makeClient(key, secret, settings.userAgent);

  return async (q, signal) => {
    // The library's own searchByTerm has no timeout; its got instance takes one per request.
    const pending = client.api(`search/byterm?${new URLSearchParams({ q, max: String(MAX_RESULTS) })}`, {
      timeout: { request: settings.timeoutMs },
      // got retries 5xx and timeouts with back-off by default; the app's user is waiting, the timeout is the budget.
      retry: { limit: 0 },
    });
    const cancel = () => pending.cancel('search cancelled');
    signal?.addEventListener('abort', cancel, { once: true });
    let res;
    try {
      res = await pending;
    } catch (err) {
      const e = err as { name?: string; code?: string };
      const why = e.name === 'TimeoutError' || e.code === 'ETIMEDOUT' ? 'did not answer in time' : e.name === 'ParseError' ? 'sent a reply that is not JSON' : 'could not be reached';
      throw new DirectoryError('podcastindex', `Podcast Index ${why}`);
    } finally {
      signal?.removeEventListener('abort', cancel);
    }
    if (res.statusCode === 401 || res.statusCode === 403) {
      throw new DirectoryError('podcastindex', `Podcast Index refused the server's API key (${res.statusCode})`);
    }
    const body = res.body as { status?: unknown; feeds?: unknown; description?: unknown } | null;
    if (res.statusCode !== 200 || !body || typeof body !== 'object' || !Array.isArray(body.feeds)) {
      throw new DirectoryError('podcastindex', `Podcast Index answered ${res.statusCode} without results`);
    }
    const results: DirectoryResult[] = [];
    for (const feed of body.feeds.slice(0, MAX_RESULTS) as PiFeed[]) {
      if (!feed || typeof feed !== 'object') continue;
      const result = toResult(
        {
          title: feed.title,
          author: feed.author || feed.ownerName,
          feedUrl: feed.url,
          image: feed.artwork || feed.image,
          description: feed.description,
          episodeCount: feed.episodeCount,
        },
        'podcastindex',
      );
      if (result) results.push(result);
    }
    return results;
  };
}
