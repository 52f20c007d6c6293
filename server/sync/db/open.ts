import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { SqlDb } from './types';
import { SqliteDb } from './sqlite';
import { PostgresDb } from './postgres';
import { migrate } from './migrations';

export interface DatabaseSettings {
  /** PostgreSQL when set (DATABASE_URL), else SQLite in `dataDir`. */
  databaseUrl: string | null;
  dataDir: string;
}

export const SQLITE_FILE = 'sync.sqlite';

/** Opens the configured database and brings its schema up to date. */
export async function openDatabase(settings: DatabaseSettings): Promise<SqlDb> {
  let db: SqlDb;
  if (settings.databaseUrl) {
    db = new PostgresDb(settings.databaseUrl);
  } else {
    mkdirSync(settings.dataDir, { recursive: true });
    db = new SqliteDb(path.join(settings.dataDir, SQLITE_FILE));
  }
  try {
    await migrate(db);
  } catch (err) {
    await db.close().catch(() => undefined);
    throw err;
  }
  return db;
}
