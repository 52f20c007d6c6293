import type { SqlDb, SqlTx } from '../db/types';

export const DEVICE_TYPES = ['desktop', 'laptop', 'mobile', 'server', 'other'] as const;
export type DeviceType = (typeof DEVICE_TYPES)[number];
export const DEVICE_ID = /^[A-Za-z0-9._-]{1,64}$/;

export interface Device {
  id: string;
  caption: string;
  type: DeviceType;
  subscriptions: number;
}

/** Registers a device the first time it is used; changes nothing for a known one. */
export async function touchDevices(tx: SqlTx, userId: string, deviceIds: Iterable<string>): Promise<void> {
  const now = Date.now();
  for (const id of new Set(deviceIds)) {
    await tx.exec("INSERT INTO sync_devices (user_id, device_id, caption, type, updated_ms) VALUES (?, ?, '', 'other', ?) ON CONFLICT (user_id, device_id) DO NOTHING", [userId, id, now]);
  }
}

/** Creates or updates a device; a field left undefined keeps its value. */
export async function saveDevice(db: SqlDb, userId: string, id: string, caption: string | undefined, type: DeviceType | undefined): Promise<void> {
  await db.exec(
    `INSERT INTO sync_devices (user_id, device_id, caption, type, updated_ms) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (user_id, device_id) DO UPDATE SET
       caption = CASE WHEN ? = 1 THEN excluded.caption ELSE sync_devices.caption END,
       type = CASE WHEN ? = 1 THEN excluded.type ELSE sync_devices.type END,
       updated_ms = excluded.updated_ms`,
    [userId, id, caption ?? '', type ?? 'other', Date.now(), caption === undefined ? 0 : 1, type === undefined ? 0 : 1],
  );
}

/** Subscriptions are per user, so every device reports the user's count. */
export async function listDevices(db: SqlDb, userId: string): Promise<Device[]> {
  const [devices, count] = await Promise.all([
    db.exec('SELECT device_id, caption, type FROM sync_devices WHERE user_id = ? ORDER BY device_id', [userId]),
    db.exec('SELECT COUNT(*) AS n FROM sync_subscriptions WHERE user_id = ? AND subscribed = 1', [userId]),
  ]);
  const subscriptions = Number(count.rows[0]?.n ?? 0);
  return devices.rows.map((r) => ({ id: String(r.device_id), caption: String(r.caption), type: String(r.type) as DeviceType, subscriptions }));
}
