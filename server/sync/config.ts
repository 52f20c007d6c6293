import path from 'node:path';
import type { DatabaseSettings } from './db/open';

/** The sync server's settings (docs/SYNC.md lists each variable). */
export interface SyncSettings extends DatabaseSettings {
  enabled: boolean;
  signup: boolean;
  /** Most episode actions, subscription URLs or state items in one request. */
  maxActions: number;
  maxBodyBytes: number;
  sessionMs: number;
}

function flag(value: string | undefined, name: string): boolean {
  if (value === undefined || value === '' || value === '0' || value === 'false') return false;
  if (value === '1' || value === 'true') return true;
  throw new Error(`${name} must be 1 or 0, got "${value}"`);
}

function whole(value: string | undefined, fallback: number, name: string, min: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be a whole number of at least ${min}, got "${value}"`);
  return n;
}

function databaseUrl(value: string | undefined): string | null {
  const raw = value?.trim();
  if (!raw) return null;
  if (!/^postgres(ql)?:\/\//i.test(raw)) throw new Error('DATABASE_URL must start with postgres:// or postgresql://');
  return raw;
}

export function readSyncSettings(env: NodeJS.ProcessEnv, root: string): SyncSettings {
  return {
    enabled: flag(env.HOPCAST_SYNC, 'HOPCAST_SYNC'),
    signup: flag(env.HOPCAST_SYNC_SIGNUP, 'HOPCAST_SYNC_SIGNUP'),
    databaseUrl: databaseUrl(env.DATABASE_URL),
    dataDir: path.resolve(root, env.HOPCAST_DATA_DIR?.trim() || 'data'),
    maxActions: whole(env.HOPCAST_SYNC_MAX_ACTIONS, 1000, 'HOPCAST_SYNC_MAX_ACTIONS', 1),
    maxBodyBytes: whole(env.HOPCAST_SYNC_MAX_BODY_BYTES, 2 * 1024 * 1024, 'HOPCAST_SYNC_MAX_BODY_BYTES', 1024),
    sessionMs: 86_400_000 * whole(env.HOPCAST_SYNC_SESSION_DAYS, 30, 'HOPCAST_SYNC_SESSION_DAYS', 1),
  };
}
