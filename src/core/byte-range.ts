/**
 * HTTP byte ranges (RFC 9110 §14), pure: the service worker answers stored audio with them and
 * the downloader reads servers' answers with them. Safari refuses a 200 to a range request, so
 * every satisfiable Range gets a 206 with exact headers.
 */

/** Size of one stored piece of audio. Pieces are aligned: byte N lives in chunk ⌊N / CHUNK_SIZE⌋. */
export const CHUNK_SIZE = 1024 * 1024;

export interface ByteSpan {
  /** First byte, inclusive. */
  start: number;
  /** Last byte, inclusive. */
  end: number;
}

export type RangeRequest = { kind: 'none' } | { kind: 'satisfiable'; span: ByteSpan } | { kind: 'unsatisfiable' };

/**
 * Reads a `Range` header against a resource of `total` bytes. A header that is absent, not in
 * bytes, malformed or asks for several ranges is ignored (`none` → 200 with the whole body), as
 * RFC 9110 allows; a well-formed single range that misses the resource is `unsatisfiable` (416).
 */
export function parseRangeHeader(header: string | null | undefined, total: number): RangeRequest {
  if (header == null) return { kind: 'none' };
  const m = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!m || (m[1] === '' && m[2] === '')) return { kind: 'none' };
  const first = m[1] === '' ? null : Number(m[1]);
  const last = m[2] === '' ? null : Number(m[2]);
  if ((first !== null && !Number.isSafeInteger(first)) || (last !== null && !Number.isSafeInteger(last))) return { kind: 'none' };
  if (first === null) {
    // Suffix range `bytes=-N`: the last N bytes; N = 0 selects nothing.
    const length = last!;
    if (length === 0 || total === 0) return { kind: 'unsatisfiable' };
    return { kind: 'satisfiable', span: { start: Math.max(0, total - length), end: total - 1 } };
  }
  if (last !== null && last < first) return { kind: 'none' };
  if (first >= total) return { kind: 'unsatisfiable' };
  return { kind: 'satisfiable', span: { start: first, end: last === null ? total - 1 : Math.min(last, total - 1) } };
}

export interface RangeAnswer {
  status: 200 | 206 | 416;
  headers: Record<string, string>;
  /** Bytes to send; null for a 416. */
  span: ByteSpan | null;
}

/** Status, headers and byte span of the answer to `rangeHeader` for a stored file. */
export function buildRangeAnswer(rangeHeader: string | null | undefined, total: number, contentType: string): RangeAnswer {
  const request = parseRangeHeader(rangeHeader, total);
  const base = { 'Accept-Ranges': 'bytes', 'Content-Type': contentType };
  if (request.kind === 'unsatisfiable') {
    return { status: 416, headers: { ...base, 'Content-Range': `bytes */${total}`, 'Content-Length': '0' }, span: null };
  }
  if (request.kind === 'none') {
    return { status: 200, headers: { ...base, 'Content-Length': String(total) }, span: total === 0 ? null : { start: 0, end: total - 1 } };
  }
  const { start, end } = request.span;
  return {
    status: 206,
    headers: { ...base, 'Content-Range': `bytes ${start}-${end}/${total}`, 'Content-Length': String(end - start + 1) },
    span: request.span,
  };
}

export interface ContentRange {
  /** null for the `bytes *\/TOTAL` form a 416 carries. */
  span: ByteSpan | null;
  /** null for `bytes S-E/*` (total unknown to the server). */
  total: number | null;
}

/** Parses a `Content-Range` response header; null when it is missing or malformed. */
export function parseContentRange(header: string | null | undefined): ContentRange | null {
  if (!header) return null;
  const m = /^\s*bytes\s+(?:(\d+)-(\d+)|\*)\s*\/\s*(\d+|\*)\s*$/i.exec(header);
  if (!m) return null;
  const total = m[3] === '*' ? null : Number(m[3]);
  if (total !== null && !Number.isSafeInteger(total)) return null;
  if (m[1] === undefined) return total === null ? null : { span: null, total };
  const start = Number(m[1]);
  const end = Number(m[2]);
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || end < start) return null;
  if (total !== null && end >= total) return null;
  return { span: { start, end }, total };
}

/** Parses a `Content-Length` header; null when missing or not a plain non-negative integer. */
export function parseContentLength(header: string | null | undefined): number | null {
  if (!header || !/^\s*\d+\s*$/.test(header)) return null;
  const n = Number(header);
  return Number.isSafeInteger(n) ? n : null;
}

/** Chunk indexes (inclusive) that hold the bytes of `span`. */
export function chunksFor(span: ByteSpan, chunkSize = CHUNK_SIZE): { first: number; last: number } {
  return { first: Math.floor(span.start / chunkSize), last: Math.floor(span.end / chunkSize) };
}

/** How many chunks a complete file of `total` bytes is stored in. */
export function chunkCount(total: number, chunkSize = CHUNK_SIZE): number {
  return Math.ceil(total / chunkSize);
}

/**
 * Whether stored chunk sizes (in index order, as read) hold exactly `bytes` bytes of a complete
 * download: chunks 0…n-1 present, all full but the last. A gap means the browser evicted some.
 */
export function chunksComplete(rows: ReadonlyArray<{ index: number; size: number }>, bytes: number): boolean {
  const n = Math.ceil(bytes / CHUNK_SIZE);
  if (rows.length !== n) return false;
  return rows.every((row, i) => row.index === i && row.size === (i < n - 1 ? CHUNK_SIZE : bytes - (n - 1) * CHUNK_SIZE));
}
