/**
 * One episode's share of the transcript index: a compact inverted index from term to the cue ids
 * (local to the episode) that say it. An episode is indexed once, when its transcript arrives,
 * and the segment is stored as it is; the index is the set of segments, so adding or removing an
 * episode never rewrites the others (a whole-index serialization would, each time).
 */
import { tokenize } from '../search/normalize';
import { NOTES_STOP_WORDS } from '../search/stop-words';

/** Bump when the layout or the tokenizer changes: stored segments of another version are rebuilt. */
export const SEGMENT_VERSION = 1;

/** What is indexed: timed lines (start -1 when the transcript has no times) and chapter titles. */
export interface SegmentInput {
  episodeId: string;
  podcastId: string;
  published: number;
  lines: ReadonlyArray<{ start: number; text: string }>;
  chapters: ReadonlyArray<{ start: number; title: string }>;
}

export interface TranscriptSegment {
  version: number;
  episodeId: string;
  podcastId: string;
  published: number;
  /** Ids 0..lineCount-1 are transcript lines; lineCount.. are chapters. */
  lineCount: number;
  /** Start of every id, in seconds (-1: untimed). */
  starts: Float64Array;
  /** Sorted, so a prefix is a binary search away. */
  terms: string[];
  /** Postings of terms[i] are ids[offsets[i]..offsets[i+1]], ascending. */
  offsets: Uint32Array;
  ids: Uint32Array;
}

/**
 * Function words are most of what is said and say nothing to a search; leaving them out keeps
 * the postings about 40 % smaller. A query of only such words finds titles, not transcripts.
 */
export function indexable(term: string): boolean {
  return !NOTES_STOP_WORDS.has(term);
}

export function buildSegment(input: SegmentInput): TranscriptSegment {
  const postings = new Map<string, number[]>();
  const texts = [...input.lines.map((l) => l.text), ...input.chapters.map((c) => c.title)];
  const starts = new Float64Array(texts.length);
  input.lines.forEach((l, i) => (starts[i] = Number.isFinite(l.start) ? l.start : -1));
  input.chapters.forEach((c, i) => (starts[input.lines.length + i] = Number.isFinite(c.start) ? c.start : -1));
  let total = 0;
  texts.forEach((text, id) => {
    for (const term of tokenize(text)) {
      if (!indexable(term)) continue;
      let list = postings.get(term);
      if (!list) postings.set(term, (list = []));
      // Tokens of one line arrive together: a repeat within the line is the last entry.
      if (list[list.length - 1] !== id) {
        list.push(id);
        total++;
      }
    }
  });
  const terms = [...postings.keys()].sort();
  const offsets = new Uint32Array(terms.length + 1);
  const ids = new Uint32Array(total);
  let at = 0;
  terms.forEach((term, i) => {
    offsets[i] = at;
    const list = postings.get(term)!;
    ids.set(list, at);
    at += list.length;
  });
  offsets[terms.length] = at;
  return { version: SEGMENT_VERSION, episodeId: input.episodeId, podcastId: input.podcastId, published: input.published, lineCount: input.lines.length, starts, terms, offsets, ids };
}

/** First index in sorted `terms` whose term is >= `key`. */
function lowerBound(terms: readonly string[], key: string): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (terms[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The ids saying `term` (or, with `prefix`, any term starting with it), ascending, and the terms
 * that matched (for highlighting).
 */
export function lookup(segment: TranscriptSegment, term: string, prefix: boolean): { ids: number[]; matched: string[] } {
  const { terms, offsets, ids } = segment;
  const first = lowerBound(terms, term);
  if (!prefix) {
    if (terms[first] !== term) return { ids: [], matched: [] };
    return { ids: Array.from(ids.subarray(offsets[first], offsets[first + 1])), matched: [term] };
  }
  const matched: string[] = [];
  const seen = new Set<number>();
  for (let i = first; i < terms.length && terms[i].startsWith(term); i++) {
    matched.push(terms[i]);
    for (let k = offsets[i]; k < offsets[i + 1]; k++) seen.add(ids[k]);
  }
  return { ids: [...seen].sort((a, b) => a - b), matched };
}

/** Bytes the segment takes as stored (typed arrays plus UTF-16 terms): what the bench reports. */
export function segmentBytes(segment: TranscriptSegment): number {
  let chars = segment.episodeId.length + segment.podcastId.length;
  for (const t of segment.terms) chars += t.length;
  return segment.starts.byteLength + segment.offsets.byteLength + segment.ids.byteLength + chars * 2;
}

/** A stored value is a usable segment (IndexedDB data is as hostile as anything else). */
export function isSegment(value: unknown): value is TranscriptSegment {
  const s = value as Partial<TranscriptSegment> | null;
  return (
    !!s &&
    s.version === SEGMENT_VERSION &&
    typeof s.episodeId === 'string' &&
    typeof s.podcastId === 'string' &&
    s.starts instanceof Float64Array &&
    s.offsets instanceof Uint32Array &&
    s.ids instanceof Uint32Array &&
    Array.isArray(s.terms) &&
    s.offsets.length === s.terms.length + 1
  );
}
