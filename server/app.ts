import { Hono } from 'hono';
import type { AppSettings } from './settings';
import type { Platform } from './platform';
import { securityHeaders } from './security-headers';
import { jsonError } from './errors';
import { mountApiRoutes } from './routes';

/**
 * The whole HTTP surface as one Hono app. It runs unchanged on Node (server/index.ts) and on
 * workerd (server/edge/worker.ts): everything runtime-specific comes in through `platform`.
 */
export function createApp(settings: AppSettings, platform: Platform): Hono {
  const app = new Hono();
  app.use('*', securityHeaders);
  app.get('/api/health', (c) => c.json({ ok: true }));
  mountApiRoutes(app, settings, platform);
  // The gpodder sync API (/api/2/): its own auth, not behind the origin gate; Node only (a database).
  platform.mountSync(app);
  app.all('/api/*', (c) => jsonError(c, 404, 'not_found', `No API route ${c.req.method} ${c.req.path}`));
  platform.mountStatic(app);
  app.onError((err, c) => {
    console.error(err);
    return jsonError(c, 500, 'internal', 'The server hit an unexpected error');
  });
  return app;
}
