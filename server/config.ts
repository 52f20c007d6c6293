import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { intFrom, readSettings, type AppSettings } from './settings';
import { readSyncSettings, type SyncSettings } from './sync/config';

export * from './settings';

/**
 * The Node server's settings: the app's (settings.ts, shared with the workerd bundle) plus
 * where to listen, which build to serve and the sync server. docs/CONFIG.md documents each variable.
 */
export interface ServerConfig extends AppSettings {
  port: number;
  host: string;
  /** The built app (vite build output). */
  distDir: string;
  /** The gpodder-compatible sync server (docs/SYNC.md): Node only (SQLite/PostgreSQL). */
  sync: SyncSettings;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    ...readSettings(env),
    port: intFrom(env.PORT, 4173, 'PORT'),
    host: env.HOST || 'localhost',
    distDir: path.resolve(root, env.HOPCAST_DIST_DIR || 'dist'),
    sync: readSyncSettings(env, root),
  };
}
