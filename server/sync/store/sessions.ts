import { createHash, randomBytes } from 'node:crypto';
import type { SqlDb } from '../db/types';

/** Only a hash of the token is stored: a copy of the database opens no session. */
const digest = (token: string) => createHash('sha256').update(token).digest('base64url');

export async function createSession(db: SqlDb, userId: string, lifeMs: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const now = Date.now();
  await db.exec('INSERT INTO sync_sessions (token_hash, user_id, expires_ms) VALUES (?, ?, ?)', [digest(token), userId, now + lifeMs]);
  // Expired sessions are swept by whoever signs in next; no timer, no other instance to coordinate.
  await db.exec('DELETE FROM sync_sessions WHERE expires_ms < ?', [now]);
  return token;
}

/** The session's user, when the token is known and not expired. */
export async function sessionUser(db: SqlDb, token: string): Promise<{ id: string; name: string } | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const { rows } = await db.exec('SELECT u.id, u.name FROM sync_sessions s JOIN sync_users u ON u.id = s.user_id WHERE s.token_hash = ? AND s.expires_ms > ?', [digest(token), Date.now()]);
  const row = rows[0];
  return row ? { id: String(row.id), name: String(row.name) } : null;
}

export async function deleteSession(db: SqlDb, token: string): Promise<void> {
  await db.exec('DELETE FROM sync_sessions WHERE token_hash = ?', [digest(token)]);
}
