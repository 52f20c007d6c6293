import type { SqlDb } from './db/types';
import type { SyncSettings } from './config';

/** What the sync middleware hands each route: the open database, the settings, and the signed-in user. */
export interface SyncEnv {
  Variables: {
    db: SqlDb;
    settings: SyncSettings & { trustProxy: boolean };
    user: { id: string; name: string };
  };
}
