/**
 * Planning an import: which items of a backup are new here, which are newer than what is here
 * (the newer change wins, item by item), and, only when the listener asks for it, which local
 * items the backup does not have. Pure, so the preview and the import agree exactly.
 */

export interface ItemPlan<T> {
  add: T[];
  change: T[];
  /** Local items missing from the backup; filled only in `replace` mode. */
  remove: T[];
  /** Items equal to or older than the local copy: left alone. */
  keep: number;
}

export type ImportMode = 'merge' | 'replace';

/**
 * Newest-wins per key. An item with no timestamp of its own passes `() => 0`: it is added when
 * missing and otherwise never overwrites local data. Equal timestamps keep the local copy.
 */
export function planItems<T>(local: readonly T[], incoming: readonly T[], keyOf: (item: T) => string, updatedAt: (item: T) => number, mode: ImportMode = 'merge'): ItemPlan<T> {
  const here = new Map(local.map((item) => [keyOf(item), item]));
  const seen = new Set<string>();
  const plan: ItemPlan<T> = { add: [], change: [], remove: [], keep: 0 };
  for (const item of incoming) {
    const key = keyOf(item);
    // A file listing one key twice: the first occurrence counts, as a tolerant reader would.
    if (seen.has(key)) continue;
    seen.add(key);
    const mine = here.get(key);
    if (!mine) plan.add.push(item);
    else if (updatedAt(item) > updatedAt(mine)) plan.change.push(item);
    else plan.keep++;
  }
  if (mode === 'replace') for (const [key, item] of here) if (!seen.has(key)) plan.remove.push(item);
  return plan;
}

export function planSize(plan: ItemPlan<unknown>): number {
  return plan.add.length + plan.change.length + plan.remove.length;
}
