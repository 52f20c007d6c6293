import type { StoredSearchIndex } from '../core/search/engine';
import { db } from './open';

const KEY = 'episodes';

/** The persisted episode search index, or undefined when none was saved (or it was unreadable). */
export async function loadSearchIndex(): Promise<StoredSearchIndex | undefined> {
  const value = await (await db()).get('searchIndex', KEY);
  if (!value || typeof value.json !== 'string' || !Array.isArray(value.signatures)) return undefined;
  return value;
}

export async function saveSearchIndex(value: StoredSearchIndex): Promise<void> {
  await (await db()).put('searchIndex', value, KEY);
}
