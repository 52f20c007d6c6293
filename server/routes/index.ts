import type { Hono } from 'hono';
import type { ServerConfig } from '../config';
import { createProxyContext } from '../proxy/upstream';
import { ConcurrencyGate, rateLimit } from '../proxy/limits';
import { mountFeedRoute } from './feed';
import { mountAudioRoute } from './audio';
import { mountSearchRoute } from './search';
import { mountLookupRoute } from './lookup';

/** The proxy and directory routes, sharing one rate limiter, one upstream gate and one guarded pool. */
export function mountApiRoutes(app: Hono, config: ServerConfig): void {
  const ctx = createProxyContext(config.proxy);
  const gate = new ConcurrencyGate(config.limits.maxUpstream);
  const limited = rateLimit(config.limits);
  app.use('/api/feed', limited);
  app.use('/api/audio', limited);
  app.use('/api/search', limited);
  mountFeedRoute(app, ctx, gate);
  mountAudioRoute(app, ctx, gate);
  mountSearchRoute(app, config.directory, gate);
  mountLookupRoute(app, config.directory, gate, limited);
}
