import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { buildRangeAnswer, chunkCount, chunksFor, CHUNK_SIZE, parseContentLength, parseContentRange, parseRangeHeader } from '../../../src/core/byte-range';

const TOTAL = 480235;
const MP3 = 'audio/mpeg';

describe('buildRangeAnswer', () => {
  test('no Range header: 200 with the whole length, no Content-Range', () => {
    const a = buildRangeAnswer(null, TOTAL, MP3);
    expect(a.status).toBe(200);
    expect(a.span).toEqual({ start: 0, end: TOTAL - 1 });
    expect(a.headers).toEqual({ 'Accept-Ranges': 'bytes', 'Content-Type': MP3, 'Content-Length': String(TOTAL) });
  });

  test('bytes=N- runs to the end', () => {
    const a = buildRangeAnswer('bytes=1000-', TOTAL, MP3);
    expect(a.status).toBe(206);
    expect(a.span).toEqual({ start: 1000, end: TOTAL - 1 });
    expect(a.headers['Content-Range']).toBe(`bytes 1000-${TOTAL - 1}/${TOTAL}`);
    expect(a.headers['Content-Length']).toBe(String(TOTAL - 1000));
    expect(a.headers['Accept-Ranges']).toBe('bytes');
    expect(a.headers['Content-Type']).toBe(MP3);
  });

  test("Safari's probe bytes=0-1 gets exactly two bytes", () => {
    const a = buildRangeAnswer('bytes=0-1', TOTAL, MP3);
    expect(a.status).toBe(206);
    expect(a.headers['Content-Range']).toBe(`bytes 0-1/${TOTAL}`);
    expect(a.headers['Content-Length']).toBe('2');
  });

  test('bytes=N-M past the end is clamped to the last byte (not 416)', () => {
    const a = buildRangeAnswer(`bytes=480000-${TOTAL + 5000}`, TOTAL, MP3);
    expect(a.status).toBe(206);
    expect(a.span).toEqual({ start: 480000, end: TOTAL - 1 });
    expect(a.headers['Content-Range']).toBe(`bytes 480000-${TOTAL - 1}/${TOTAL}`);
    // The `end === size` mistake of workbox-range-requests must not happen.
    expect(buildRangeAnswer(`bytes=0-${TOTAL}`, TOTAL, MP3).headers['Content-Range']).toBe(`bytes 0-${TOTAL - 1}/${TOTAL}`);
  });

  test('suffix bytes=-N is the last N bytes (Kino read it as 0-N)', () => {
    const a = buildRangeAnswer('bytes=-500', TOTAL, MP3);
    expect(a.status).toBe(206);
    expect(a.span).toEqual({ start: TOTAL - 500, end: TOTAL - 1 });
    expect(a.headers['Content-Length']).toBe('500');
    expect(buildRangeAnswer(`bytes=-${TOTAL * 2}`, TOTAL, MP3).span).toEqual({ start: 0, end: TOTAL - 1 });
  });

  test('a start at or past the end is 416 with Content-Range */TOTAL', () => {
    for (const h of [`bytes=${TOTAL}-`, `bytes=${TOTAL + 1}-${TOTAL + 9}`, 'bytes=-0']) {
      const a = buildRangeAnswer(h, TOTAL, MP3);
      expect(a.status, h).toBe(416);
      expect(a.headers['Content-Range']).toBe(`bytes */${TOTAL}`);
      expect(a.span).toBeNull();
    }
  });

  test('malformed, multi-range and non-byte units are ignored: 200 with the whole body', () => {
    for (const h of ['bytes=', 'bytes=-', 'items=0-5', 'bytes=0-5,10-20', 'bytes=abc-', 'bytes=9-3', 'bytes=99999999999999999999-']) {
      expect(buildRangeAnswer(h, TOTAL, MP3).status, h).toBe(200);
    }
  });

  test('an empty file: 200 with no body; any range is 416', () => {
    expect(buildRangeAnswer(null, 0, MP3)).toMatchObject({ status: 200, span: null });
    expect(buildRangeAnswer('bytes=0-', 0, MP3).status).toBe(416);
    expect(buildRangeAnswer('bytes=-5', 0, MP3).status).toBe(416);
  });

  test('property: every 206 has a span inside the file and headers that agree with it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.option(fc.nat(2e9)), fc.option(fc.nat(2e9)), (total, a, b) => {
        if (a === null && b === null) return;
        const header = `bytes=${a ?? ''}-${b ?? ''}`;
        const ans = buildRangeAnswer(header, total, MP3);
        if (ans.status !== 206) return;
        const { start, end } = ans.span!;
        expect(start).toBeGreaterThanOrEqual(0);
        expect(end).toBeLessThan(total);
        expect(start).toBeLessThanOrEqual(end);
        expect(ans.headers['Content-Length']).toBe(String(end - start + 1));
        expect(parseContentRange(ans.headers['Content-Range'])).toEqual({ span: { start, end }, total });
      }),
    );
  });
});

describe('parseRangeHeader', () => {
  test('tolerates whitespace and case', () => {
    expect(parseRangeHeader(' Bytes = 10 - 20 ', 100)).toEqual({ kind: 'satisfiable', span: { start: 10, end: 20 } });
    expect(parseRangeHeader(undefined, 100)).toEqual({ kind: 'none' });
  });
});

describe('parseContentRange / parseContentLength', () => {
  test('reads the forms servers send', () => {
    expect(parseContentRange('bytes 200000-480234/480235')).toEqual({ span: { start: 200000, end: 480234 }, total: 480235 });
    expect(parseContentRange('bytes */480235')).toEqual({ span: null, total: 480235 });
    expect(parseContentRange('bytes 0-9/*')).toEqual({ span: { start: 0, end: 9 }, total: null });
  });
  test('rejects what would corrupt a download (the regex Kino used matched none of these correctly)', () => {
    for (const h of [null, '', 'bytes 9-0/10', 'bytes 0-10/10', 'bytes 0-9', 'items 0-9/10', 'bytes */*', 'bytes -1-9/10']) {
      expect(parseContentRange(h), String(h)).toBeNull();
    }
  });
  test('Content-Length must be a plain integer', () => {
    expect(parseContentLength('480235')).toBe(480235);
    expect(parseContentLength(' 12 ')).toBe(12);
    for (const h of [null, '', '-1', '1e6', '12, 12', '0x10']) expect(parseContentLength(h), String(h)).toBeNull();
  });
});

describe('chunk maths', () => {
  test('aligned chunks: byte N is in chunk floor(N / CHUNK_SIZE)', () => {
    expect(chunksFor({ start: 0, end: 0 })).toEqual({ first: 0, last: 0 });
    expect(chunksFor({ start: CHUNK_SIZE - 1, end: CHUNK_SIZE })).toEqual({ first: 0, last: 1 });
    expect(chunksFor({ start: 5 * CHUNK_SIZE, end: 7 * CHUNK_SIZE - 1 })).toEqual({ first: 5, last: 6 });
    expect(chunkCount(0)).toBe(0);
    expect(chunkCount(1)).toBe(1);
    expect(chunkCount(CHUNK_SIZE)).toBe(1);
    expect(chunkCount(CHUNK_SIZE + 1)).toBe(2);
  });
});
