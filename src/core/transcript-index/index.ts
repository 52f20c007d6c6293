/**
 * The transcript index: one segment per episode (see segment.ts), searched segment by segment.
 * With a few hundred transcripts a query is a few hundred binary searches per term, well under a
 * millisecond each, so no global vocabulary is kept: adding and dropping an episode stays O(1).
 */
import { tokenize } from '../search/normalize';
import { indexable, lookup, segmentBytes, type TranscriptSegment } from './segment';

export interface TranscriptFilters {
  podcastId?: string | null;
  /** Only these episodes (the downloaded ones); null for no such filter. */
  onlyIds?: ReadonlySet<string> | null;
}

export interface MomentHit {
  /** Id within the episode's segment (a line, or a chapter when `chapter`). */
  id: number;
  /** Seconds; -1 when the transcript has no times. */
  start: number;
  chapter: boolean;
}

export interface TranscriptHit {
  episodeId: string;
  podcastId: string;
  published: number;
  score: number;
  /** Lines and chapters that matched, in all. */
  count: number;
  /** The first few of them: chapters first, then in time order. */
  moments: MomentHit[];
  /** Index terms that matched (prefixes expanded): what to highlight. */
  terms: string[];
}

export interface TranscriptOutcome {
  hits: TranscriptHit[];
  total: number;
}

/** Terms shorter than this match exactly: "a" as a prefix would match half the vocabulary. */
const MIN_PREFIX = 3;
const CHAPTER_BOOST = 1.5;
export const MOMENTS_PER_EPISODE = 3;

export function transcriptQueryTerms(query: string): string[] {
  return [...new Set(tokenize(query).filter(indexable))];
}

export class TranscriptIndex {
  private segments = new Map<string, TranscriptSegment>();

  get size(): number {
    return this.segments.size;
  }

  has(episodeId: string): boolean {
    return this.segments.has(episodeId);
  }

  ids(): string[] {
    return [...this.segments.keys()];
  }

  add(segment: TranscriptSegment): void {
    this.segments.set(segment.episodeId, segment);
  }

  remove(episodeId: string): void {
    this.segments.delete(episodeId);
  }

  reset(): void {
    this.segments.clear();
  }

  bytes(): number {
    let n = 0;
    for (const s of this.segments.values()) n += segmentBytes(s);
    return n;
  }

  search(query: string, filters: TranscriptFilters = {}, limit = 50): TranscriptOutcome {
    const terms = transcriptQueryTerms(query);
    if (terms.length === 0) return { hits: [], total: 0 };
    const { podcastId, onlyIds } = filters;
    const found: Array<{ segment: TranscriptSegment; lists: Array<{ ids: number[]; matched: string[] }> }> = [];
    const df = new Array<number>(terms.length).fill(0);
    for (const segment of this.segments.values()) {
      if (podcastId && segment.podcastId !== podcastId) continue;
      if (onlyIds && !onlyIds.has(segment.episodeId)) continue;
      const lists = [];
      for (const term of terms) {
        const list = lookup(segment, term, term.length >= MIN_PREFIX);
        if (list.ids.length === 0) break;
        lists.push(list);
      }
      if (lists.length < terms.length) continue;
      lists.forEach((_, i) => df[i]++);
      found.push({ segment, lists });
    }
    const n = Math.max(1, found.length);
    const hits: TranscriptHit[] = [];
    for (const { segment, lists } of found) {
      const moments = matchingIds(
        lists.map((l) => l.ids),
        segment.lineCount,
      );
      if (moments.length === 0) continue;
      let score = 0;
      lists.forEach((l, i) => (score += Math.log(1 + (this.segments.size + 1) / df[i]) * (1 + Math.log(l.ids.length))));
      if (moments.some((id) => id >= segment.lineCount)) score *= CHAPTER_BOOST;
      score *= 1 + Math.log(moments.length) / 4;
      const ordered = [...moments].sort((a, b) => Number(b >= segment.lineCount) - Number(a >= segment.lineCount) || segment.starts[a] - segment.starts[b] || a - b);
      hits.push({
        episodeId: segment.episodeId,
        podcastId: segment.podcastId,
        published: segment.published,
        score: score / Math.log(1 + n),
        count: moments.length,
        moments: ordered.slice(0, MOMENTS_PER_EPISODE).map((id) => ({ id, start: segment.starts[id], chapter: id >= segment.lineCount })),
        terms: [...new Set(lists.flatMap((l) => l.matched))],
      });
    }
    hits.sort((a, b) => b.score - a.score || b.published - a.published);
    return { hits: hits.slice(0, Math.max(0, limit)), total: hits.length };
  }
}

/**
 * Ids where every term is said: on that line, or running on into the next one (captions cut
 * sentences anywhere). A phrase never runs from a line into a chapter title.
 */
export function matchingIds(lists: readonly number[][], lineCount: number): number[] {
  if (lists.length === 1) return lists[0];
  const sets = lists.map((l) => new Set(l));
  const out: number[] = [];
  const candidates = new Set<number>();
  for (const l of lists) for (const id of l) candidates.add(id);
  for (const id of candidates) {
    const next = id + 1 < lineCount ? id + 1 : -1;
    if (sets.every((s) => s.has(id) || (id < lineCount && s.has(next)))) out.push(id);
  }
  return [...new Set(out)].sort((a, b) => a - b);
}
