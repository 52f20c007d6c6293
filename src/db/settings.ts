import { db } from './open';

/**
 * When each setting last changed (key → epoch ms), kept beside the values so a backup import can
 * let the newer of two values win. Written in the same transaction as the value.
 */
export const SETTING_TIMES_KEY = 'meta.settingsUpdatedAt';

/** A stored setting, or `fallback` when it was never set (or the store holds `undefined`). */
export async function getSetting<T>(key: string, fallback: T): Promise<T> {
  const value = await (await db()).get('settings', key);
  return value === undefined ? fallback : (value as T);
}

export async function setSetting(key: string, value: unknown, now = Date.now()): Promise<void> {
  const tx = (await db()).transaction('settings', 'readwrite');
  const times = ((await tx.store.get(SETTING_TIMES_KEY)) ?? {}) as Record<string, number>;
  void tx.store.put(value, key);
  void tx.store.put({ ...times, [key]: now }, SETTING_TIMES_KEY);
  await tx.done;
}

export async function deleteSetting(key: string): Promise<void> {
  await (await db()).delete('settings', key);
}

export interface StoredSetting {
  key: string;
  value: unknown;
  /** 0 when the value predates change tracking. */
  updatedAt: number;
}

/** Every setting with its change time (the times map itself excluded). */
export async function listSettings(): Promise<StoredSetting[]> {
  const tx = (await db()).transaction('settings');
  const [keys, values, times] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll(), tx.store.get(SETTING_TIMES_KEY)]);
  const when = (times ?? {}) as Record<string, number>;
  return keys.flatMap((key, i) => (key === SETTING_TIMES_KEY ? [] : [{ key, value: values[i], updatedAt: when[key] ?? 0 }]));
}

/**
 * Read-modify-write of one setting in a single transaction, so concurrent updates (four default
 * shows resolved at once, each adding its entry to one map) never overwrite each other.
 */
export async function updateSetting<T>(key: string, fallback: T, update: (current: T) => T): Promise<T> {
  const tx = (await db()).transaction('settings', 'readwrite');
  const stored = await tx.store.get(key);
  const times = ((await tx.store.get(SETTING_TIMES_KEY)) ?? {}) as Record<string, number>;
  const next = update(stored === undefined ? fallback : (stored as T));
  await tx.store.put(next, key);
  await tx.store.put({ ...times, [key]: Date.now() }, SETTING_TIMES_KEY);
  await tx.done;
  return next;
}
