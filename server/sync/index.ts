import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import type { ServerConfig } from '../config';
import { jsonError } from '../errors';
import { clientAddress, clientKey, rateLimit } from '../proxy/limits';
import { socketAddress } from '../node/conn';
import { onServerClose } from '../lifecycle';
import type { SyncEnv } from './env';
import { SyncError } from './errors';
import { createRequireUser } from './auth';
import { openDatabase } from './db/open';
import type { SqlDb } from './db/types';
import { mountAuthRoutes } from './routes/auth';
import { mountGpodderRoutes } from './routes/gpodder';
import { mountStateRoutes } from './routes/state';

/**
 * The sync server under /api/2/ (gpodder.net API v2 plus the Hopcast state extension), or, when
 * HOPCAST_SYNC is off, one JSON 404 for the whole prefix. The database opens (and migrates) at once;
 * requests wait for it, and while it cannot open they answer 503 (the log says why).
 */
export function mountSync(app: Hono, config: ServerConfig): void {
  const settings = { ...config.sync, trustProxy: config.limits.trustProxy };
  if (!settings.enabled) {
    app.all('/api/2/*', (c) => jsonError(c, 404, 'sync_disabled', 'Sync is off on this server (HOPCAST_SYNC=1 turns it on)'));
    return;
  }
  // Opened at start; if that fails (PostgreSQL not up yet), a request at least 5 s later tries again.
  let opening: Promise<SqlDb> | null = null;
  let failedAt = 0;
  const database = (): Promise<SqlDb> => {
    if (!opening || (failedAt && Date.now() - failedAt >= 5000)) {
      failedAt = 0;
      opening = openDatabase(settings);
      opening.catch((err: unknown) => {
        failedAt = Date.now();
        console.error(`sync database failed to open: ${err instanceof Error ? err.message : String(err)}`);
      });
    }
    return opening;
  };
  void database().catch(() => undefined);
  onServerClose(app, async () => (await opening?.catch(() => null))?.close());

  const api = new Hono<SyncEnv>();
  api.use('*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  // Any origin may call with its own credentials (Authorization); cookies never cross origins.
  api.use('*', cors({ origin: '*', allowMethods: ['GET', 'POST', 'PUT', 'OPTIONS'], allowHeaders: ['Authorization', 'Content-Type'], exposeHeaders: ['Retry-After'], maxAge: 600 }));
  api.use(
    '*',
    rateLimit(config.limits, (c) => clientKey(clientAddress(c, config.limits.trustProxy, socketAddress(c)))),
  );
  api.use(
    '*',
    bodyLimit({
      maxSize: settings.maxBodyBytes,
      onError: (c) => jsonError(c, 413, 'body_too_large', `Request bodies are limited to ${settings.maxBodyBytes} bytes; send actions in batches`),
    }),
  );
  api.use('*', async (c, next) => {
    let db: SqlDb;
    try {
      db = await database();
    } catch {
      // eslint-disable-next-line @typescript-eslint/no-unsafe-argument -- hono types a middleware's validated input as `any`; jsonError reads no input
      return jsonError(c, 503, 'sync_unavailable', 'The sync database is unavailable: the server log says why');
    }
    c.set('db', db);
    c.set('settings', settings);
    await next();
  });
  const requireUser = createRequireUser();
  mountAuthRoutes(api, requireUser);
  mountGpodderRoutes(api, requireUser);
  mountStateRoutes(api, requireUser);
  api.all('*', (c) => jsonError(c, 404, 'not_found', `No sync route ${c.req.method} ${c.req.path}`));
  api.onError((err, c) => {
    if (err instanceof SyncError) return jsonError(c, err.status, err.code, err.message);
    console.error(err);
    return jsonError(c, 500, 'internal', 'The sync server hit an unexpected error');
  });
  app.route('/api/2', api);
}
