import type { Context, Hono } from 'hono';
import type { AppSettings } from '../settings';
import type { Platform } from '../platform';
import { clientAddress, clientKey, rateLimit } from '../proxy/limits';
import { ByteBudget, FairGate } from '../proxy/fair-share';
import { originGate } from '../origin-gate';
import { mountFeedRoute } from './feed';
import { mountAudioRoute } from './audio';
import { mountSearchRoute } from './search';
import type { Share } from './share';
import { mountLookupRoute } from './lookup';

/**
 * The routes that make the server reach out to other hosts on a client's behalf: each gets the
 * origin gate (not an open relay) and the per-client rate limit. A new upstream-reaching route
 * joins this list. Routes for non-browser clients (the gpodder sync API under /api/2/) must NOT:
 * their callers send no Origin or Fetch Metadata.
 */
export const UPSTREAM_ROUTES = ['/api/feed', '/api/audio', '/api/search', '/api/lookup'] as const;

/** The proxy and directory routes, sharing one rate limiter, one fair-share gate and one way out. */
export function mountApiRoutes(app: Hono, settings: AppSettings, platform: Platform): void {
  const ctx = platform.proxy(settings.proxy);
  const { limits } = settings;
  const keyOf = (c: Context) => clientKey(clientAddress(c, limits.trustProxy, platform.socketAddress(c)));
  const share: Share = {
    gate: new FairGate(limits.maxUpstream, limits.clientMaxStreams, limits.upstreamReserve),
    budget: new ByteBudget(limits.clientBytesPerMinute),
    keyOf,
    hangUp: (c) => platform.hangUp(c),
  };
  const gate = originGate(settings.access);
  const limited = rateLimit(limits, keyOf);
  for (const path of UPSTREAM_ROUTES) app.use(path, gate, limited);
  mountFeedRoute(app, ctx, share);
  mountAudioRoute(app, ctx, share);
  const directoryFetch = platform.directoryFetch(settings.directory);
  mountSearchRoute(app, settings.directory, share, platform.podcastIndex(settings.directory), directoryFetch);
  mountLookupRoute(app, settings.directory, share, directoryFetch);
}
