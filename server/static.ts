import { serveStatic } from '@hono/node-server/serve-static';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Hono, Context } from 'hono';
import { cacheControlFor } from './static-headers';

function setHeaders(filePath: string, c: Context): void {
  c.header('Cache-Control', cacheControlFor(filePath));
  if (filePath.endsWith('.webmanifest')) c.header('Content-Type', 'application/manifest+json');
  if (filePath.endsWith('sw.js')) c.header('Service-Worker-Allowed', '/');
}

/**
 * Serves the built app: files as they are, and index.html for any other path that is not
 * under /api, so client-side routes survive a reload.
 */
export function mountStatic(app: Hono, distDir: string): void {
  const indexPath = path.join(distDir, 'index.html');
  const root = path.relative(process.cwd(), distDir) || '.';
  app.use(
    '*',
    serveStatic({
      root,
      onFound: (filePath, c) => setHeaders(filePath, c),
    }),
  );
  app.get('*', (c) => {
    if (!existsSync(indexPath)) {
      return c.text('Hopcast is not built yet: run `npm run build` (npm start does it for you).', 503);
    }
    c.header('Cache-Control', 'no-cache');
    return c.html(readFileSync(indexPath, 'utf8'));
  });
}
