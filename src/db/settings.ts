import { db } from './open';

/** A stored setting, or `fallback` when it was never set (or the store holds `undefined`). */
export async function getSetting<T>(key: string, fallback: T): Promise<T> {
  const value = await (await db()).get('settings', key);
  return value === undefined ? fallback : (value as T);
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  await (await db()).put('settings', value, key);
}

export async function deleteSetting(key: string): Promise<void> {
  await (await db()).delete('settings', key);
}

/** Every setting whose key starts with `prefix` (per-show keys such as `show:<podcastId>`). */
export async function listSettingsWithPrefix(prefix: string): Promise<Array<[string, unknown]>> {
  const database = await db();
  const range = IDBKeyRange.bound(prefix, `${prefix}\uffff`);
  const [keys, values] = await Promise.all([database.getAllKeys('settings', range), database.getAll('settings', range)]);
  return keys.map((k, i) => [k, values[i]]);
}

/**
 * Read-modify-write of one setting in a single transaction, so concurrent updates (four default
 * shows resolved at once, each adding its entry to one map) never overwrite each other.
 */
export async function updateSetting<T>(key: string, fallback: T, update: (current: T) => T): Promise<T> {
  const tx = (await db()).transaction('settings', 'readwrite');
  const stored = await tx.store.get(key);
  const next = update(stored === undefined ? fallback : (stored as T));
  await tx.store.put(next, key);
  await tx.done;
  return next;
}
