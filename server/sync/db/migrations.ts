import type { SqlDb } from './types';

/**
 * The one schema of the sync server, as ordered migrations in the SQL both SQLite and PostgreSQL
 * accept (TEXT, INTEGER, BIGINT, composite keys, ON CONFLICT upserts; no serials, no booleans).
 * Append a migration to change it; never edit one that has shipped.
 */
export const MIGRATIONS: ReadonlyArray<{ version: number; name: string; statements: readonly string[] }> = [
  {
    version: 1,
    name: 'accounts, devices, subscriptions, episode actions, Hopcast state',
    statements: [
      `CREATE TABLE sync_users (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        password_hash TEXT NOT NULL,
        created_ms BIGINT NOT NULL
      )`,
      `CREATE TABLE sync_sessions (
        token_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES sync_users(id) ON DELETE CASCADE,
        expires_ms BIGINT NOT NULL
      )`,
      `CREATE INDEX sync_sessions_user ON sync_sessions (user_id)`,
      // Expired sessions are swept at each sign-in: by index, not by a scan of every session.
      `CREATE INDEX sync_sessions_expires ON sync_sessions (expires_ms)`,
      `CREATE TABLE sync_devices (
        user_id TEXT NOT NULL REFERENCES sync_users(id) ON DELETE CASCADE,
        device_id TEXT NOT NULL,
        caption TEXT NOT NULL,
        type TEXT NOT NULL,
        updated_ms BIGINT NOT NULL,
        PRIMARY KEY (user_id, device_id)
      )`,
      // Per user, not per device: one row per feed URL, its latest state (subscribed 1/0).
      `CREATE TABLE sync_subscriptions (
        user_id TEXT NOT NULL REFERENCES sync_users(id) ON DELETE CASCADE,
        url TEXT NOT NULL,
        subscribed INTEGER NOT NULL,
        changed_ms BIGINT NOT NULL,
        PRIMARY KEY (user_id, url)
      )`,
      `CREATE INDEX sync_subscriptions_changed ON sync_subscriptions (user_id, changed_ms)`,
      // The latest action of each kind per episode (enclosure URL): ts_ms is the device's time, changed_ms the server's.
      `CREATE TABLE sync_episode_actions (
        user_id TEXT NOT NULL REFERENCES sync_users(id) ON DELETE CASCADE,
        episode TEXT NOT NULL,
        action TEXT NOT NULL,
        podcast TEXT NOT NULL,
        guid TEXT,
        device TEXT,
        ts_ms BIGINT NOT NULL,
        started INTEGER,
        position INTEGER,
        total INTEGER,
        changed_ms BIGINT NOT NULL,
        PRIMARY KEY (user_id, episode, action)
      )`,
      `CREATE INDEX sync_episode_actions_changed ON sync_episode_actions (user_id, changed_ms)`,
      `CREATE TABLE sync_state_items (
        user_id TEXT NOT NULL REFERENCES sync_users(id) ON DELETE CASCADE,
        section TEXT NOT NULL,
        item_id TEXT NOT NULL,
        updated_at BIGINT NOT NULL,
        deleted INTEGER NOT NULL,
        body TEXT NOT NULL,
        changed_ms BIGINT NOT NULL,
        PRIMARY KEY (user_id, section, item_id)
      )`,
    ],
  },
];

/** Any number, as long as every Hopcast instance uses the same: it serialises instances migrating at once. */
const PG_MIGRATION_LOCK = 7_324_014;

/** Brings the database to the newest schema; safe when several server instances start together. */
export async function migrate(db: SqlDb): Promise<number[]> {
  return db.transaction(async (tx) => {
    if (db.dialect === 'postgres') await tx.exec(`SELECT pg_advisory_xact_lock(${PG_MIGRATION_LOCK})`);
    await tx.exec('CREATE TABLE IF NOT EXISTS sync_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_ms BIGINT NOT NULL)');
    const done = new Set((await tx.exec('SELECT version FROM sync_migrations')).rows.map((r) => Number(r.version)));
    const applied: number[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      for (const sql of m.statements) await tx.exec(sql);
      await tx.exec('INSERT INTO sync_migrations (version, name, applied_ms) VALUES (?, ?, ?)', [m.version, m.name, Date.now()]);
      applied.push(m.version);
    }
    return applied;
  });
}
