/**
 * One ranking from two: the episode index (titles, notes, people) and the transcript index score
 * on different scales, so their scores cannot be added. Reciprocal rank fusion adds 1/(k + rank)
 * from each list instead: an episode found by both rises above one found by either alone, and a
 * title hit keeps its place next to a transcript hit of the same rank.
 */
export const FUSION_K = 20;

export function fuseRankings(lists: ReadonlyArray<readonly string[]>, k = FUSION_K): string[] {
  const score = new Map<string, number>();
  const firstSeen = new Map<string, number>();
  let order = 0;
  for (const list of lists) {
    list.forEach((id, rank) => {
      score.set(id, (score.get(id) ?? 0) + 1 / (k + rank + 1));
      if (!firstSeen.has(id)) firstSeen.set(id, order++);
    });
  }
  return [...score.keys()].sort((a, b) => score.get(b)! - score.get(a)! || firstSeen.get(a)! - firstSeen.get(b)!);
}
