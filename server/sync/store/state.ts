import type { SqlDb } from '../db/types';
import { SyncError } from '../errors';
import { insertMany } from './bulk';

export const SECTIONS = ['queue', 'playlists', 'bookmarks'] as const;
export type Section = (typeof SECTIONS)[number];

/** One checked item: `body` is its whole JSON, kept verbatim. */
export interface StateItem {
  id: string;
  updatedAt: number;
  deleted: boolean;
  body: string;
}

export type StateChanges = Partial<Record<Section, StateItem[]>>;
export type StateDocument = Record<Section, unknown[]> & { updatedAt: number };

/**
 * Item ids as a text column: JSON-escaped, because Hopcast's episode ids hold U+0000 (feed URL, NUL, guid)
 * and PostgreSQL text cannot. The escaping is one-to-one, so ids stay distinct; the body keeps the real id.
 */
const columnId = (id: string) => JSON.stringify(id).slice(1, -1);

export const MAX_SECTION_ITEMS = 10_000;
export const TOMBSTONE_MS = 90 * 86_400_000;

/**
 * Merges items per section by id, the greater `updatedAt` winning (equal: the stored one stays, so
 * every device converges on the server's copy). All of it in one transaction: a section that would
 * pass its cap rolls the whole request back.
 */
export async function mergeState(db: SqlDb, userId: string, changes: StateChanges, now: number): Promise<void> {
  await db.transaction(async (tx) => {
    // Tombstones live 90 days on the server clock (device clocks vary) so every device learns of the removal, then go.
    await tx.exec('DELETE FROM sync_state_items WHERE user_id = ? AND deleted = 1 AND changed_ms < ?', [userId, now - TOMBSTONE_MS]);
    for (const section of SECTIONS) {
      const items = changes[section];
      if (!items?.length) continue;
      await insertMany(
        tx,
        'sync_state_items',
        ['user_id', 'section', 'item_id', 'updated_at', 'deleted', 'body', 'changed_ms'],
        items.map((i) => [userId, section, columnId(i.id), i.updatedAt, i.deleted ? 1 : 0, i.body, now]),
        `ON CONFLICT (user_id, section, item_id) DO UPDATE SET
           updated_at = excluded.updated_at, deleted = excluded.deleted, body = excluded.body, changed_ms = excluded.changed_ms
         WHERE excluded.updated_at > sync_state_items.updated_at`,
        [2],
      );
      const { rows } = await tx.exec('SELECT COUNT(*) AS n FROM sync_state_items WHERE user_id = ? AND section = ?', [userId, section]);
      if (Number(rows[0]?.n) > MAX_SECTION_ITEMS) {
        throw new SyncError(413, 'too_many_items', `The ${section} section can hold at most ${MAX_SECTION_ITEMS} items (removed ones included for 90 days)`);
      }
    }
  });
}

export async function readState(db: SqlDb, userId: string): Promise<StateDocument> {
  const { rows } = await db.exec('SELECT section, body, changed_ms FROM sync_state_items WHERE user_id = ? ORDER BY updated_at, item_id', [userId]);
  const doc: StateDocument = { queue: [], playlists: [], bookmarks: [], updatedAt: 0 };
  for (const r of rows) {
    const section = String(r.section) as Section;
    if (!SECTIONS.includes(section)) continue;
    doc[section].push(JSON.parse(String(r.body)));
    doc.updatedAt = Math.max(doc.updatedAt, Number(r.changed_ms));
  }
  return doc;
}
