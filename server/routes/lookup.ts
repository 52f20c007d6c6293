import type { Hono } from 'hono';
import type { DirectorySettings } from '../settings';
import { jsonError } from '../errors';
import { appleLookup } from '../directory/apple';
import type { DirectoryFetch } from '../directory/http';
import { DirectoryError } from '../directory/types';
import { acquire, type Share } from './share';

/** Apple ids are decimal and, so far, ten digits at most; a little room for growth. */
const APPLE_ID = /^\d{1,15}$/;

/**
 * GET /api/lookup?id=…: one show by its Apple Podcasts id → `{results: [show]}`, the same shape,
 * limits and errors as /api/search. The id outlives renames and moved feeds, which is why the
 * default shows look themselves up by it. An unknown id is a 404 `not_found`. The origin gate and
 * rate limit come from UPSTREAM_ROUTES; the slot from the client's fair share.
 */
export function mountLookupRoute(app: Hono, settings: DirectorySettings, share: Share, http: DirectoryFetch): void {
  app.get('/api/lookup', async (c) => {
    const id = (c.req.query('id') ?? '').trim();
    if (!id) return jsonError(c, 400, 'missing_id', 'Give the Apple Podcasts id of a show in the id parameter');
    if (!APPLE_ID.test(id)) return jsonError(c, 400, 'bad_id', 'An Apple Podcasts id is a number, like 370842767');
    // Apple files shows under the bare number: `0370842767` is that id, and only that entry is taken.
    const appleId = id.replace(/^0+(?=\d)/, '');
    const slot = acquire(share, c);
    if (slot instanceof Response) return slot;
    try {
      const results = await appleLookup(settings, appleId, c.req.raw.signal, http);
      if (results.length === 0) return jsonError(c, 404, 'not_found', `Apple Podcasts lists no show with the id ${appleId}`);
      c.header('Cache-Control', 'private, max-age=300');
      return c.json({ results: results.slice(0, 1) });
    } catch (err) {
      if (!(err instanceof DirectoryError)) console.error(err);
      const reason = err instanceof DirectoryError ? err.message : 'Apple Podcasts failed';
      return jsonError(c, 502, 'directory_unavailable', `Directory lookup is unavailable right now: ${reason}`);
    } finally {
      slot.release();
    }
  });
}
