import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Every API error has the same shape, so the app can always show `message`. */
export function jsonError(c: Context, status: ContentfulStatusCode, error: string, message: string): Response {
  c.header('Cache-Control', 'no-store');
  return c.json({ error, message }, status);
}
