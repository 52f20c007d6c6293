import { serveStatic } from '@hono/node-server/serve-static';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Hono, Context } from 'hono';
import { cacheControlFor } from './static-headers';
import { pickEncoding, withoutEncodingSuffix } from './encoding';

/** Files the build wrote Brotli and gzip twins for (vite.config.ts): their answer depends on Accept-Encoding. */
const COMPRESSIBLE = /\.(html|js|css|json|svg|webmanifest|txt|xml)$/;

function setHeaders(servedPath: string, c: Context): void {
  // The served path may be a precompressed twin (`index-abc.js.br`): headers follow the original file.
  const filePath = withoutEncodingSuffix(servedPath);
  c.header('Cache-Control', cacheControlFor(filePath));
  if (COMPRESSIBLE.test(filePath) && !c.res.headers.get('Vary')) c.header('Vary', 'Accept-Encoding');
  if (filePath.endsWith('.webmanifest')) c.header('Content-Type', 'application/manifest+json');
  if (filePath.endsWith('sw.js')) c.header('Service-Worker-Allowed', '/');
}

interface IndexVariant {
  body: Buffer;
  encoding: 'br' | 'gzip' | null;
}

/** index.html and its build-time twins, read once per start (a rebuild restarts the server). */
function readIndexVariants(indexPath: string): Map<string, IndexVariant> {
  const variants = new Map<string, IndexVariant>();
  variants.set('identity', { body: readFileSync(indexPath), encoding: null });
  for (const [encoding, suffix] of [
    ['br', '.br'],
    ['gzip', '.gz'],
  ] as const) {
    if (existsSync(indexPath + suffix)) variants.set(encoding, { body: readFileSync(indexPath + suffix), encoding });
  }
  return variants;
}

/**
 * Serves the built app: files as they are (or their precompressed twin the browser accepts), and
 * index.html for any other path that is not under /api, so client-side routes survive a reload.
 */
export function mountStatic(app: Hono, distDir: string): void {
  const indexPath = path.join(distDir, 'index.html');
  const root = path.relative(process.cwd(), distDir) || '.';
  let indexVariants: Map<string, IndexVariant> | null = null;
  app.use(
    '*',
    serveStatic({
      root,
      precompressed: true,
      onFound: (filePath, c) => setHeaders(filePath, c),
    }),
  );
  app.get('*', (c) => {
    if (!existsSync(indexPath)) {
      return c.text('Hopcast is not built yet: run `npm run build` (npm start does it for you).', 503);
    }
    indexVariants ??= readIndexVariants(indexPath);
    const encoding = pickEncoding(
      c.req.header('Accept-Encoding'),
      [...indexVariants.keys()].filter((k) => k !== 'identity'),
    );
    const variant = indexVariants.get(encoding ?? 'identity')!;
    c.header('Cache-Control', 'no-cache');
    c.header('Vary', 'Accept-Encoding');
    c.header('Content-Type', 'text/html; charset=UTF-8');
    if (variant.encoding) c.header('Content-Encoding', variant.encoding);
    c.header('Content-Length', String(variant.body.length));
    if (c.req.method === 'HEAD') return c.body(null);
    return c.body(new Uint8Array(variant.body));
  });
}
