import { randomUUID } from 'node:crypto';
import type { SqlDb } from '../db/types';
import { hashPassword } from '../password';

export interface SyncUser {
  id: string;
  name: string;
  passwordHash: string;
}

export async function findUser(db: SqlDb, name: string): Promise<SyncUser | null> {
  const { rows } = await db.exec('SELECT id, name, password_hash FROM sync_users WHERE name = ?', [name]);
  const row = rows[0];
  return row ? { id: String(row.id), name: String(row.name), passwordHash: String(row.password_hash) } : null;
}

/** Creates the account; false when the name is taken (the unique index decides, so two sign-ups cannot race). */
export async function createUser(db: SqlDb, name: string, password: string): Promise<boolean> {
  const hash = await hashPassword(password);
  const { changes } = await db.exec('INSERT INTO sync_users (id, name, password_hash, created_ms) VALUES (?, ?, ?, ?) ON CONFLICT (name) DO NOTHING', [randomUUID(), name, hash, Date.now()]);
  return changes === 1;
}

/** New password; every session of the user ends with the old one. False when there is no such user. */
export async function resetPassword(db: SqlDb, name: string, password: string): Promise<boolean> {
  const hash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const { rows } = await tx.exec('SELECT id FROM sync_users WHERE name = ?', [name]);
    if (!rows[0]) return false;
    await tx.exec('UPDATE sync_users SET password_hash = ? WHERE id = ?', [hash, String(rows[0].id)]);
    await tx.exec('DELETE FROM sync_sessions WHERE user_id = ?', [String(rows[0].id)]);
    return true;
  });
}
