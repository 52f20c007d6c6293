/** The browser's storage promises: persistence (exempt from eviction) and the quota estimate. */

export type Persistence = 'persisted' | 'best-effort' | 'unsupported';

export interface StorageEstimateInfo {
  usage: number;
  quota: number;
}

export async function currentPersistence(): Promise<Persistence> {
  if (typeof navigator === 'undefined' || !navigator.storage?.persisted) return 'unsupported';
  return (await navigator.storage.persisted().catch(() => false)) ? 'persisted' : 'best-effort';
}

/**
 * Asks for persistent storage. Chromium decides silently (installed, bookmarked or engaged sites
 * get it; headless says no), Safari 15.2+ and Firefox may ask the user.
 */
export async function askPersistence(): Promise<Persistence> {
  if (typeof navigator === 'undefined' || !navigator.storage?.persist) return 'unsupported';
  return (await navigator.storage.persist().catch(() => false)) ? 'persisted' : 'best-effort';
}

export async function storageEstimate(): Promise<StorageEstimateInfo | null> {
  if (typeof navigator === 'undefined' || !navigator.storage?.estimate) return null;
  const estimate = await navigator.storage.estimate().catch(() => null);
  if (!estimate || estimate.quota === undefined || estimate.usage === undefined) return null;
  return { usage: estimate.usage, quota: estimate.quota };
}
