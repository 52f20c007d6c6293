import type { Context } from 'hono';
import { jsonError } from '../errors';
import { ProxyError } from '../proxy/errors';

/** Headers the app reads from proxy responses; listed so they stay readable if CORS is ever added. */
export const EXPOSE_HEADERS = 'X-Final-Url, X-Upstream-Status, ETag, Last-Modified, Content-Length, Content-Range, Accept-Ranges, Content-Type, Retry-After';

export function proxyFailure(c: Context, err: unknown): Response {
  if (!(err instanceof ProxyError)) throw err;
  c.header('Access-Control-Expose-Headers', EXPOSE_HEADERS);
  if (err.upstreamStatus !== undefined) c.header('X-Upstream-Status', String(err.upstreamStatus));
  return jsonError(c, err.status, err.code, err.message);
}
