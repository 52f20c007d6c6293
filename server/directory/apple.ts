import type { DirectorySettings } from '../settings';
import type { DirectoryFetch } from './http';
import { DirectoryError, type DirectoryResult } from './types';
import { toResult } from './sanitize-text';
import { MAX_RESULTS } from './types';

const globalFetch: DirectoryFetch = (url, init) => fetch(url, init);

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
  collectionId?: unknown;
}

/** One GET to an Apple Podcasts API, bounded in time and size; every failure is a `DirectoryError`. */
async function appleJson(settings: DirectorySettings, url: URL, signal: AbortSignal | undefined, http: DirectoryFetch): Promise<unknown[]> {
  const timeout = AbortSignal.timeout(settings.timeoutMs);
  let text = '';
  try {
    const res = await http(url, {
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
    for (;;) {
      const { value, done } = reader ? await reader.read() : { value: undefined, done: true as const };
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
  return (body.results as unknown[]).slice(0, MAX_RESULTS);
}

function toResults(items: unknown[]): DirectoryResult[] {
  const results: DirectoryResult[] = [];
  for (const item of items as AppleItem[]) {
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

/**
 * The Apple Podcasts search API: no keys, so search works on a fresh install.
 * The base URL is configurable (HOPCAST_APPLE_SEARCH_URL) so tests answer it locally.
 */
export async function appleSearch(settings: DirectorySettings, q: string, signal?: AbortSignal, http: DirectoryFetch = globalFetch): Promise<DirectoryResult[]> {
  const url = new URL(settings.appleSearchUrl);
  url.searchParams.set('media', 'podcast');
  url.searchParams.set('entity', 'podcast');
  url.searchParams.set('term', q);
  url.searchParams.set('limit', String(MAX_RESULTS));
  return toResults(await appleJson(settings, url, signal, http));
}

/**
 * A show by its Apple Podcasts id (HOPCAST_APPLE_LOOKUP_URL): the id survives renames and feed
 * moves, so this gives a show's current feed URL where a title search may find an old one.
 */
export async function appleLookup(settings: DirectorySettings, id: string, signal?: AbortSignal, http: DirectoryFetch = globalFetch): Promise<DirectoryResult[]> {
  const url = new URL(settings.appleLookupUrl);
  url.searchParams.set('id', id);
  url.searchParams.set('entity', 'podcast');
  // The answer may carry other entries (an artist's shows, or whatever a tampered reply adds):
  // only the one filed under the id asked for is that show.
  const items = await appleJson(settings, url, signal, http);
  return toResults(items.filter((item) => !!item && typeof item === 'object' && String((item as AppleItem).collectionId) === id));
}
