/**
 * `npm run serve:edge`: bundles the same Hono createApp() for workerd (Cloudflare's open-source
 * Workers runtime) and serves the built app plus /api/* from it on PORT (default 8787), with the
 * same HOPCAST_* settings as `npm run serve`. Build the app first (`npm run build`).
 */
import path from 'node:path';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchEdge } from './edge/launch';
import { edgeVars } from './edge/config';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const distDir = path.resolve(root, process.env.HOPCAST_DIST_DIR || 'dist');
if (!existsSync(path.join(distDir, 'index.html'))) {
  console.error(`No built app in ${distDir}: run \`npm run build\` first (the API still works).`);
}
const port = Number(process.env.PORT || 8787);
const edge = await launchEdge({
  vars: edgeVars(process.env),
  distDir: existsSync(distDir) ? distDir : null,
  host: process.env.HOST || '127.0.0.1',
  port,
});
console.log(`Hopcast (workerd) is running at ${edge.url}`);
const stop = () => void edge.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
edge.process.once('exit', (code) => process.exit(code ?? 1));
