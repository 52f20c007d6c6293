import { Hono } from 'hono';
import type { ServerConfig } from './config';
import { mountStatic } from './static';
import { securityHeaders } from './security-headers';
import { jsonError } from './errors';
import { mountApiRoutes } from './routes';
import { mountSync } from './sync';

/** The whole HTTP surface, as a Hono app so it could run on an edge runtime unchanged. */
export function createApp(config: ServerConfig): Hono {
  const app = new Hono();
  app.use('*', securityHeaders);
  app.get('/api/health', (c) => c.json({ ok: true }));
  mountApiRoutes(app, config);
  mountSync(app, config);
  app.all('/api/*', (c) => jsonError(c, 404, 'not_found', `No API route ${c.req.method} ${c.req.path}`));
  mountStatic(app, config.distDir);
  app.onError((err, c) => {
    console.error(err);
    return jsonError(c, 500, 'internal', 'The server hit an unexpected error');
  });
  return app;
}
