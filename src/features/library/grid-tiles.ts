import type { Podcast } from '../../core/types';
import type { DefaultShowIssue } from '../../state/first-run-status';

export type GridTile = { kind: 'show'; podcast: Podcast } | { kind: 'issue'; issue: DefaultShowIssue };

/**
 * The Library grid: the shows in the chosen order, and each default show's tile (still looked for,
 * or not found) at its slot's position among them, so its show card, or its failure tile, lands
 * where its placeholder was and nothing reshuffles while the first run fills in. A placeholder
 * whose slot a show already holds is that show, found a moment before its lookup was marked done.
 */
export function gridTiles(shows: readonly Podcast[], issues: readonly DefaultShowIssue[]): GridTile[] {
  const tiles: GridTile[] = shows.map((podcast) => ({ kind: 'show', podcast }));
  const held = new Set(shows.map((p) => p.order));
  const placed = issues.filter((i) => i.status !== 'working' || i.slot === undefined || !held.has(i.slot)).sort((a, b) => (a.slot ?? Infinity) - (b.slot ?? Infinity));
  for (const issue of placed) tiles.splice(Math.min(issue.slot ?? Infinity, tiles.length), 0, { kind: 'issue', issue });
  return tiles;
}
