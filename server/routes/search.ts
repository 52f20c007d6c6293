import type { Hono } from 'hono';
import type { DirectorySettings } from '../settings';
import { jsonError } from '../errors';
import { acquire, type Share } from './share';
import { appleSearch } from '../directory/apple';
import type { PodcastIndexSearch } from '../directory/podcast-index';
import type { DirectoryFetch } from '../directory/http';
import { mergeResults } from '../directory/sanitize-text';
import { DIRECTORY_NAMES, DirectoryError, type DirectoryResult, type DirectorySource } from '../directory/types';

const MAX_QUERY = 200;

/**
 * GET /api/search?q=…: Podcast Index (when keys are set) and Apple Podcasts, asked together,
 * merged and de-duplicated by feed URL. One directory failing leaves the other's results
 * (named in `unavailable`); both failing is a 502 whose message the Search screen shows.
 */
export function mountSearchRoute(app: Hono, settings: DirectorySettings, share: Share, podcastIndex: PodcastIndexSearch | null, http: DirectoryFetch): void {
  app.get('/api/search', async (c) => {
    const q = (c.req.query('q') ?? '').trim();
    if (!q) return jsonError(c, 400, 'missing_query', 'Type something to search for');
    if (q.length > MAX_QUERY) return jsonError(c, 400, 'bad_query', `Searches are limited to ${MAX_QUERY} characters`);
    const slot = acquire(share, c);
    if (slot instanceof Response) return slot;

    try {
      const signal = c.req.raw.signal;
      const asked: Array<[DirectorySource, Promise<DirectoryResult[]>]> = [];
      if (podcastIndex) asked.push(['podcastindex', podcastIndex(q, signal)]);
      asked.push(['apple', appleSearch(settings, q, signal, http)]);
      const settled = await Promise.allSettled(asked.map(([, p]) => p));

      const lists: DirectoryResult[][] = [];
      const failures: string[] = [];
      const unavailable: DirectorySource[] = [];
      settled.forEach((outcome, i) => {
        const source = asked[i][0];
        if (outcome.status === 'fulfilled') {
          lists.push(outcome.value);
          return;
        }
        unavailable.push(source);
        const reason: unknown = outcome.reason;
        failures.push(reason instanceof DirectoryError ? reason.message : `${DIRECTORY_NAMES[source]} failed`);
        if (!(reason instanceof DirectoryError)) console.error(reason);
      });

      if (lists.length === 0) {
        return jsonError(c, 502, 'directory_unavailable', `Directory search is unavailable right now: ${failures.join('; ')}`);
      }
      c.header('Cache-Control', 'private, max-age=300');
      return c.json(unavailable.length ? { results: mergeResults(lists), unavailable } : { results: mergeResults(lists) });
    } finally {
      slot.release();
    }
  });
}
