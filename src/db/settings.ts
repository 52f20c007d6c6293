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
