/**
 * A backup is assembled from per-section providers: each knows how to list its items for export
 * and how to apply an import plan. Features that own a section register one provider with one
 * line in `register.ts`; the file format and its validation live in `src/core/backup/`.
 */
import type { BackupSections, ItemPlan, SectionName } from '../../core/backup';

export type ItemOf<K extends SectionName> = BackupSections[K][number];

export interface BackupProvider<K extends SectionName = SectionName> {
  section: K;
  /** Plural noun for the preview, e.g. "shows", "positions". */
  noun: string;
  exportItems(): Promise<BackupSections[K]>;
  keyOf(item: ItemOf<K>): string;
  /** 0 for items with no change time: they are added when missing and never overwrite. */
  updatedAt(item: ItemOf<K>): number;
  /** Whether `replace` mode may remove local items this backup lacks. */
  removable: boolean;
  /** Writes the plan: `add` and `change` are the winners; `remove` is empty unless asked. */
  apply(plan: ItemPlan<ItemOf<K>>): Promise<void>;
}

const registry = new Map<SectionName, BackupProvider>();

export function registerBackupProvider<K extends SectionName>(provider: BackupProvider<K>): void {
  registry.set(provider.section, provider);
}

export function backupProviders(): BackupProvider[] {
  return [...registry.values()];
}

export function backupProvider(section: SectionName): BackupProvider | undefined {
  return registry.get(section);
}

type Keyed = { id: string; updatedAt: number } | { podcastId: string; updatedAt: number };

/**
 * The provider for a section whose items carry an id (or podcastId) and an `updatedAt`, from a
 * feature's two functions: `exportX()` listing every item and `importX(items)` upserting the given
 * items by id (the winners of the merge only; it checks them again as hostile input). Such
 * sections are never thinned by "replace": removing a playlist or bookmark stays the listener's act.
 */
export function timestampedProvider<K extends 'playlists' | 'bookmarks' | 'showSettings'>(
  section: K,
  noun: string,
  exportItems: () => Promise<BackupSections[K]>,
  importItems: (winners: BackupSections[K]) => Promise<unknown>,
): BackupProvider<K> {
  const keyOf = (item: ItemOf<K>) => ('id' in (item as Keyed) ? (item as { id: string }).id : (item as { podcastId: string }).podcastId);
  return {
    section,
    noun,
    exportItems,
    keyOf,
    updatedAt: (item) => (item as Keyed).updatedAt,
    removable: false,
    async apply(plan) {
      await importItems([...plan.add, ...plan.change] as BackupSections[K]);
    },
  };
}
