import type { DirectorySettings } from '../settings';
import { DirectoryError, type DirectoryResult } from './types';
import { toResult } from './sanitize';
import { MAX_RESULTS } from './types';

/** Apple's answer for 30 shows is ~100 KB; anything far larger is not a search reply. */
const MAX_BODY = 2 * 1024 * 1024;

interface AppleItem {
  collectionName?: unknown;
  trackName?: unknown;
  artistName?: unknown;
  feedUrl?: unknown;
  artworkUrl600?: unknown;
  artworkUrl100?: unknown;
  trackCount?: unknown;
}

/**
 * The Apple Podcasts search API: no keys, so search works on a fresh install.
 * The base URL is configurable (HOPCAST_APPLE_SEARCH_URL) so tests answer it locally.
 */
export async function appleSearch(settings: DirectorySettings, q: string, signal?: AbortSignal): Promise<DirectoryResult[]> {
  const url = new URL(settings.appleSearchUrl);
  url.searchParams.set('media', 'podcast');
  url.searchParams.set('entity', 'podcast');
  url.searchParams.set('term', q);
  url.searchParams.set('limit', String(MAX_RESULTS));
  const timeout = AbortSignal.timeout(settings.timeoutMs);

  let text: string;
  try {
    // The runtime's own fetch: the same call on Node and on workerd.
    const res = await fetch(url, {
      headers: { accept: 'application/json', 'user-agent': settings.userAgent },
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
    if (res.status !== 200) {
      await res.body?.cancel().catch(() => undefined);
      throw new DirectoryError('apple', `Apple Podcasts answered ${res.status}`);
    }
    const reader = res.body?.getReader();
    const decoder = new TextDecoder();
    let size = 0;
    text = '';
    for (;;) {
      const { value, done } = reader ? await reader.read() : { value: undefined, done: true };
      if (done) break;
      size += value.byteLength;
      if (size > MAX_BODY) {
        await reader!.cancel().catch(() => undefined);
        throw new DirectoryError('apple', 'Apple Podcasts sent an oversized reply');
      }
      text += decoder.decode(value, { stream: true });
    }
    text += decoder.decode();
  } catch (err) {
    if (err instanceof DirectoryError) throw err;
    throw new DirectoryError('apple', timeout.aborted ? 'Apple Podcasts did not answer in time' : 'Apple Podcasts could not be reached');
  }

  let body: { results?: unknown };
  try {
    body = JSON.parse(text) as { results?: unknown };
  } catch {
    throw new DirectoryError('apple', 'Apple Podcasts sent a reply that is not JSON');
  }
  if (!body || typeof body !== 'object' || !Array.isArray(body.results)) {
    throw new DirectoryError('apple', 'Apple Podcasts sent a reply without results');
  }
  const results: DirectoryResult[] = [];
  for (const item of body.results.slice(0, MAX_RESULTS) as AppleItem[]) {
    if (!item || typeof item !== 'object') continue;
    const result = toResult(
      {
        title: item.collectionName || item.trackName,
        author: item.artistName,
        feedUrl: item.feedUrl,
        image: item.artworkUrl600 || item.artworkUrl100,
        // The search API carries no show description.
        description: '',
        episodeCount: item.trackCount,
      },
      'apple',
    );
    if (result) results.push(result);
  }
  return results;
}
