import type { Podcast } from '../../core/types';
import type { DefaultShowIssue } from '../../state/first-run-status';

export type GridTile = { kind: 'show'; podcast: Podcast } | { kind: 'issue'; issue: DefaultShowIssue };

/**
 * The Library grid in order: shows by their order, each default show still being looked for in
 * its own slot among them (so its card lands where its placeholder was and nothing reshuffles
 * while the first run fills in), and the full-width cards of shows not found at the end.
 */
export function gridTiles(podcasts: readonly Podcast[], issues: readonly DefaultShowIssue[]): GridTile[] {
  const placed: Array<{ at: number; tile: GridTile }> = [
    ...podcasts.map((podcast) => ({ at: podcast.order, tile: { kind: 'show' as const, podcast } })),
    ...issues.filter((i) => i.status === 'working').map((issue) => ({ at: issue.slot ?? Infinity, tile: { kind: 'issue' as const, issue } })),
  ];
  // Stable: a show and a placeholder claiming the same slot keep the show first.
  placed.sort((a, b) => a.at - b.at);
  return [...placed.map((p) => p.tile), ...issues.filter((i) => i.status !== 'working').map((issue): GridTile => ({ kind: 'issue', issue }))];
}
