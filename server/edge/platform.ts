import type { Hono } from 'hono';
import { jsonError } from '../errors';
import type { Platform } from '../platform';
import { edgeHop } from './hop';
import { cacheControlFor, contentTypeFor } from '../static-headers';

/** A service that answers GETs for the built files: workerd's disk service, or Workers static assets. */
export interface AssetFetcher {
  fetch(request: Request): Promise<Response>;
}

async function asset(assets: AssetFetcher, base: Request, path: string): Promise<Response | null> {
  const res = await assets.fetch(new Request(new URL(path, base.url), { method: 'GET' }));
  if (!res.ok) {
    res.body?.cancel().catch(() => undefined);
    return null;
  }
  const headers = new Headers(res.headers);
  headers.set('Content-Type', contentTypeFor(path));
  headers.set('Cache-Control', cacheControlFor(path));
  if (path.endsWith('sw.js')) headers.set('Service-Worker-Allowed', '/');
  return new Response(res.body, { status: 200, headers });
}

/** workerd / Cloudflare Workers: fetch for the way out, the client address from cf-connecting-ip. */
export function edgePlatform(assets: AssetFetcher | undefined): Platform {
  return {
    proxy: (settings) => ({ settings, hop: edgeHop }),
    socketAddress: (c) => c.req.header('cf-connecting-ip') ?? null,
    // A worker cannot reset its client's socket; the stream errors instead and the runtime ends it.
    hangUp: () => null,
    // The podcast-index-api client is Node-only; on the edge search asks Apple Podcasts.
    podcastIndex: () => null,
    directoryFetch: () => (url, init) => fetch(url, init),
    // The sync server keeps its accounts in SQLite/PostgreSQL, which a Worker has not got.
    mountSync(app: Hono) {
      app.all('/api/2/*', (c) => jsonError(c, 404, 'sync_unavailable', 'Sync runs on the Node server only (it needs its database); this edge deployment has none'));
    },
    mountStatic(app: Hono) {
      app.get('*', async (c) => {
        if (!assets) return c.text('Hopcast is not built yet: run `npm run build`.', 503);
        const path = c.req.path.endsWith('/') ? `${c.req.path}index.html` : c.req.path;
        const file = path.includes('..') ? null : await asset(assets, c.req.raw, path);
        if (file) return file;
        // Client-side routes survive a reload: any other path is the app's shell.
        const shell = await asset(assets, c.req.raw, '/index.html');
        if (shell) return shell;
        return c.text('Hopcast is not built yet: run `npm run build`.', 503);
      });
    },
  };
}
