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
