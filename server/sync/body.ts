import type { Context } from 'hono';
import { SyncError } from './errors';

/**
 * The request body as JSON whatever its Content-Type: mygpoclient labels its JSON
 * `application/x-www-form-urlencoded`. Size is capped by the body-limit middleware before this runs.
 */
export async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new SyncError(400, 'bad_json', 'The request body is not valid JSON');
  }
}
