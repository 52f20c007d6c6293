import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const EDGE_OUT_DIR = path.join(root, 'node_modules/.hopcast-edge');

/**
 * Bundles server/edge/worker.ts (the same createApp as the Node server) into one ES module for
 * workerd / Cloudflare Workers. `platform: 'neutral'` with no Node built-ins allowed: a node:*
 * import creeping into the shared server code fails this build instead of failing at the edge.
 */
export async function buildWorker(outDir = EDGE_OUT_DIR): Promise<string> {
  const outfile = path.join(outDir, 'worker.js');
  await build({
    entryPoints: [path.join(root, 'server/edge/worker.ts')],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    conditions: ['workerd', 'worker', 'browser'],
    mainFields: ['module', 'main'],
    minify: false,
    logLevel: 'warning',
  });
  return outfile;
}
