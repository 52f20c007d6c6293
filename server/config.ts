import { fileURLToPath } from 'node:url';
import path from 'node:path';

/**
 * Every setting of the server, read from the environment in one place.
 * README's "Configuration" section documents each variable.
 */
export interface ServerConfig {
  port: number;
  host: string;
  /** The built app (vite build output). */
  distDir: string;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function intFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got "${value}"`);
  return n;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    port: intFrom(env.PORT, 4173, 'PORT'),
    host: env.HOST || 'localhost',
    distDir: path.resolve(root, env.HOPCAST_DIST_DIR || 'dist'),
  };
}
