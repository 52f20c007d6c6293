import { hashString } from './hash';
import type { ItemDraft } from './item';

/**
 * Gives every episode an id that is unique within the feed and stable across refreshes: its guid,
 * else one derived from its content. Items sharing a guid are different episodes when their
 * content differs (publishers copy-paste guids), so the oldest (last in the feed) keeps the plain
 * guid, as it was most likely stored first, and each newer one gets a suffix from its own content.
 */
export function assignIds(drafts: ItemDraft[]): void {
  const used = new Set<string>();
  // Next ordinal to try per id, so a feed of thousands of identical items stays linear.
  const ordinals = new Map<string, number>();
  for (let i = drafts.length - 1; i >= 0; i--) {
    const draft = drafts[i];
    const base = draft.rawGuid ?? derivedId(draft.contentKey);
    let id = base;
    if (used.has(id)) {
      id = `${base}#${hashString(draft.contentKey).split('.')[1]}`;
      if (used.has(id)) {
        let n = ordinals.get(id) ?? 2;
        while (used.has(`${id}-${n}`)) n++;
        ordinals.set(id, n + 1);
        id = `${id}-${n}`;
      }
    }
    used.add(id);
    draft.episode.guid = id;
  }
}

/** Enclosure URLs and links are ids already; a title + date pair is hashed into one. */
function derivedId(contentKey: string): string {
  return contentKey.includes('\u0000') ? 'hopcast:' + hashString(contentKey) : contentKey;
}
