import type { SqlDb } from '../db/types';
import { insertMany } from './bulk';
import { touchDevices } from './devices';

/**
 * Stores adds and removes for the user (all devices share one list) and registers the device.
 * Both lists hold normalised, distinct URLs, none in both.
 */
export async function changeSubscriptions(db: SqlDb, userId: string, device: string, add: readonly string[], remove: readonly string[], now: number): Promise<void> {
  await db.transaction(async (tx) => {
    await touchDevices(tx, userId, [device]);
    const rows = [...add.map((url) => [userId, url, 1, now]), ...remove.map((url) => [userId, url, 0, now])];
    await insertMany(
      tx,
      'sync_subscriptions',
      ['user_id', 'url', 'subscribed', 'changed_ms'],
      rows,
      'ON CONFLICT (user_id, url) DO UPDATE SET subscribed = excluded.subscribed, changed_ms = excluded.changed_ms',
      [1],
    );
  });
}

/** URLs added and removed at or after `sinceMs` (their latest state); since 0 = the whole list. */
export async function subscriptionChanges(db: SqlDb, userId: string, device: string, sinceMs: number): Promise<{ add: string[]; remove: string[] }> {
  await db.transaction((tx) => touchDevices(tx, userId, [device]));
  const { rows } = await db.exec('SELECT url, subscribed FROM sync_subscriptions WHERE user_id = ? AND changed_ms >= ? ORDER BY changed_ms, url', [userId, sinceMs]);
  const add: string[] = [];
  const remove: string[] = [];
  for (const r of rows) (Number(r.subscribed) === 1 ? add : remove).push(String(r.url));
  return { add, remove };
}
