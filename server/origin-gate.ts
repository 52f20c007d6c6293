import type { Context, MiddlewareHandler } from 'hono';
import type { AccessSettings } from './settings';
import { jsonError } from './errors';

/** The app's requests set If-None-Match / Range / If-Range; an allowed origin's preflight must pass them. */
const ALLOWED_REQUEST_HEADERS = 'If-None-Match, If-Modified-Since, Range, If-Range';

/** The Origin header, when it names this server by the Host the request came in on (any scheme: a TLS proxy may sit in front). */
function isOwnOrigin(origin: string, c: Context): boolean {
  const host = c.req.header('host');
  if (!host) return false;
  try {
    return new URL(origin).host === host.toLowerCase();
  } catch {
    return false;
  }
}

/**
 * Keeps the upstream-reaching routes from being anyone's relay: only the app's own pages (and its
 * service worker, and Background Fetch) — `Sec-Fetch-Site: same-origin`, or `none` for an address
 * the user typed — or a page whose Origin is this server's or is listed in HOPCAST_ALLOW_ORIGINS.
 * A request carrying neither header is refused too: browsers that send no Fetch Metadata are
 * not supported, and a non-browser client can say anything, which the rate limit and fair share
 * then bound.
 */
export function originGate(access: AccessSettings): MiddlewareHandler {
  return async (c, next) => {
    const site = c.req.header('sec-fetch-site');
    const origin = c.req.header('origin');
    const listed = origin !== undefined && access.allowOrigins.has(origin);
    if (listed) {
      c.header('Access-Control-Allow-Origin', origin);
      c.header('Vary', 'Origin');
      if (c.req.method === 'OPTIONS') {
        c.header('Access-Control-Allow-Methods', 'GET, HEAD');
        c.header('Access-Control-Allow-Headers', ALLOWED_REQUEST_HEADERS);
        c.header('Access-Control-Max-Age', '600');
        return c.body(null, 204);
      }
    }
    if (site === 'same-origin' || site === 'none' || listed || (origin !== undefined && isOwnOrigin(origin, c))) {
      await next();
      return;
    }
    return jsonError(c, 403, 'cross_origin', 'This server only answers the Hopcast app itself; its proxy is not open to other sites');
  };
}
