import type { Podcast } from '../../core/types';
import type { DefaultShowIssue } from '../../state/first-run-status';

export type GridTile = { kind: 'show'; podcast: Podcast } | { kind: 'issue'; issue: DefaultShowIssue };

/**
 * The Library grid in order: shows by their order, each default show in its own slot among them,
 * whether still being looked for or not found (so its show card, or its failure tile, lands where
 * its placeholder was and nothing reshuffles while the first run fills in).
 */
export function gridTiles(podcasts: readonly Podcast[], issues: readonly DefaultShowIssue[]): GridTile[] {
  const placed: Array<{ at: number; tile: GridTile }> = [
    ...podcasts.map((podcast) => ({ at: podcast.order, tile: { kind: 'show' as const, podcast } })),
    ...issues.map((issue) => ({ at: issue.slot ?? Infinity, tile: { kind: 'issue' as const, issue } })),
  ];
  // Stable: a show and a placeholder claiming the same slot keep the show first.
  placed.sort((a, b) => a.at - b.at);
  return placed.map((p) => p.tile);
}
