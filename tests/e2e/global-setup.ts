import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM_PATH } from './browser';

/** Builds the app once per run into a folder of its own, so parallel runs never share dist/. */
export default function setup(): () => void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: run \`apt-get install -y chromium\` (.ci/run does it).`);
  }
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'hopcast-e2e-dist-'));
  const root = path.resolve(import.meta.dirname, '..', '..');
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', HOPCAST_OUT_DIR: outDir },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  process.env.HOPCAST_E2E_DIST = outDir;
  return () => rmSync(outDir, { recursive: true, force: true });
}
