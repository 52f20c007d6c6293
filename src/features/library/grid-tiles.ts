import type { Podcast } from '../../core/types';
import type { DefaultShowIssue } from '../../state/first-run-status';

export type GridTile = { kind: 'show'; podcast: Podcast } | { kind: 'issue'; issue: DefaultShowIssue };

/**
 * The Library grid. While the first run is still looking for default shows, each default show's
 * tile sits at its slot's position among the shows (already sorted), so its show card or its
 * failure tile lands where its placeholder was and nothing reshuffles as they arrive; a
 * placeholder whose slot a show already holds is that show, found a moment before its lookup was
 * marked done. Once no lookup is running, the shows come first in the chosen order and the tiles
 * of shows not found after them (a show just added stays at the top).
 */
export function gridTiles(shows: readonly Podcast[], issues: readonly DefaultShowIssue[]): GridTile[] {
  const tiles: GridTile[] = shows.map((podcast) => ({ kind: 'show', podcast }));
  const bySlot = [...issues].sort((a, b) => (a.slot ?? Infinity) - (b.slot ?? Infinity));
  if (!issues.some((i) => i.status === 'working')) return [...tiles, ...bySlot.map((issue): GridTile => ({ kind: 'issue', issue }))];
  const held = new Set(shows.map((p) => p.order));
  for (const issue of bySlot) {
    if (issue.status === 'working' && issue.slot !== undefined && held.has(issue.slot)) continue;
    tiles.splice(Math.min(issue.slot ?? Infinity, tiles.length), 0, { kind: 'issue', issue });
  }
  return tiles;
}
