import { termSpans } from './normalize';

/** A half-open character range [start, end) of the original text. */
export interface Range {
  start: number;
  end: number;
}

/**
 * Where `terms` (index terms, as a search hit reports them) occur in `text`. Matching goes through
 * the same tokenizer as indexing, so "Café" is highlighted for the term "cafe".
 */
export function highlightRanges(text: string, terms: readonly string[]): Range[] {
  if (terms.length === 0 || text.length === 0) return [];
  const wanted = new Set(terms);
  const ranges: Range[] = [];
  for (const span of termSpans(text)) {
    if (!wanted.has(span.term)) continue;
    const last = ranges[ranges.length - 1];
    // Adjacent CJK characters read as one highlighted word.
    if (last && last.end === span.start) last.end = span.end;
    else ranges.push({ start: span.start, end: span.end });
  }
  return ranges;
}

export interface Segment {
  text: string;
  hit: boolean;
}

/** Cuts `text` into plain and highlighted pieces for rendering. */
export function segments(text: string, ranges: readonly Range[]): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const r of ranges) {
    if (r.start < at || r.end > text.length || r.start >= r.end) continue;
    if (r.start > at) out.push({ text: text.slice(at, r.start), hit: false });
    out.push({ text: text.slice(r.start, r.end), hit: true });
    at = r.end;
  }
  if (at < text.length) out.push({ text: text.slice(at), hit: false });
  return out;
}

export interface Snippet {
  text: string;
  ranges: Range[];
  /** Text was cut before / after the snippet. */
  cutStart: boolean;
  cutEnd: boolean;
}

/**
 * A window of about `width` characters of `text` around its first highlighted range, cut at
 * word boundaries, with the ranges shifted into it. Without ranges it is the text's start.
 */
export function snippet(text: string, ranges: readonly Range[], width = 160): Snippet {
  const clean = text.replace(/\s+/g, ' ');
  // Collapsing whitespace moves characters; recompute ranges on the collapsed text by mapping offsets.
  const map = offsetMap(text);
  const mapped = ranges.map((r) => ({ start: map[r.start] ?? clean.length, end: map[r.end] ?? clean.length }));
  const first = mapped[0];
  let start = 0;
  if (first && first.end > width * 0.6) start = Math.max(0, first.start - Math.floor(width * 0.3));
  let end = Math.min(clean.length, start + width);
  if (start > 0) {
    const space = clean.indexOf(' ', start);
    if (space !== -1 && space < (first?.start ?? end)) start = space + 1;
  }
  if (end < clean.length) {
    const space = clean.lastIndexOf(' ', end);
    if (space > start && space >= (first?.end ?? start)) end = space;
  }
  const inside = mapped.filter((r) => r.start >= start && r.end <= end).map((r) => ({ start: r.start - start, end: r.end - start }));
  return { text: clean.slice(start, end), ranges: inside, cutStart: start > 0, cutEnd: end < clean.length };
}

/** For each offset of `text`, the offset in `text.replace(/\s+/g, ' ')`. */
function offsetMap(text: string): number[] {
  const map = new Array<number>(text.length + 1);
  let out = 0;
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    map[i] = out;
    const space = /\s/.test(text[i]);
    if (!space) out++;
    else if (!inSpace) out++;
    inSpace = space;
  }
  map[text.length] = out;
  return map;
}
