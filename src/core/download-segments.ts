/**
 * Background Fetch downloads a file as a list of ranged segments, so a transfer cut part-way loses
 * at most the segment it cut (Chromium hands back no body for a failed record), and the service
 * worker keeps every segment that arrived whole. Pure rules, shared by the page and the worker.
 */
import { parseContentRange, type ByteSpan } from './byte-range';

/**
 * 2 MiB. Measured in Chromium 156: a record cut part-way comes back with no body at all (and the
 * browser does not resume a ranged request itself), so a cut costs the whole segment in flight;
 * the per-request cost of a Background Fetch segment is small next to 2 MiB on the wire.
 */
export const SEGMENT_BYTES = 2 * 1024 * 1024;

/** The spans from `from` to the end of a `total`-byte file, in order. */
export function planSegments(from: number, total: number, size = SEGMENT_BYTES): ByteSpan[] {
  const spans: ByteSpan[] = [];
  for (let start = Math.max(0, from); start < total; start += size) {
    spans.push({ start, end: Math.min(total, start + size) - 1 });
  }
  return spans;
}

/** The `Range` header value of a span. */
export function rangeHeader(span: ByteSpan): string {
  return `bytes=${span.start}-${span.end}`;
}

/** The span a `Range: bytes=S-E` request header asked for; null for anything else. */
export function spanOfRange(header: string | null | undefined): ByteSpan | null {
  const m = /^bytes=(\d+)-(\d+)$/.exec(header?.trim() ?? '');
  if (!m) return null;
  const start = Number(m[1]);
  const end = Number(m[2]);
  return Number.isSafeInteger(start) && Number.isSafeInteger(end) && end >= start ? { start, end } : null;
}

/**
 * What to do with one segment's answer:
 * - `store`: a 206 for exactly the asked bytes of a file of the expected size;
 * - `restart`: the server ignored the Range or the validator no longer matched (a 200), or the file's
 *   size changed: the stored bytes cannot be continued, start over cleanly;
 * - `stop`: no usable answer (an error status, a missing body); keep what is stored, the rest is fetched again.
 */
export function judgeSegment(asked: ByteSpan, total: number, status: number, contentRange: string | null): 'store' | 'restart' | 'stop' {
  if (status === 200) return 'restart';
  if (status !== 206) return 'stop';
  const range = parseContentRange(contentRange);
  if (!range?.span || range.total === null) return 'stop';
  if (range.total !== total) return 'restart';
  return range.span.start === asked.start && range.span.end === asked.end ? 'store' : 'stop';
}
