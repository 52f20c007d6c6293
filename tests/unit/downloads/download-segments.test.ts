import { describe, expect, test } from 'vitest';
import { judgeSegment, planSegments, rangeHeader, SEGMENT_BYTES, spanOfRange } from '../../../src/core/download-segments';

describe('planSegments', () => {
  test('covers the file from the stored bytes to the end, in order, without overlap', () => {
    const total = 5 * SEGMENT_BYTES + 17;
    const spans = planSegments(SEGMENT_BYTES + 3, total);
    expect(spans[0]).toEqual({ start: SEGMENT_BYTES + 3, end: 2 * SEGMENT_BYTES + 2 });
    expect(spans.at(-1)!.end).toBe(total - 1);
    for (let i = 1; i < spans.length; i++) expect(spans[i].start).toBe(spans[i - 1].end + 1);
  });

  test('nothing left, nothing asked; an empty file has no segments', () => {
    expect(planSegments(100, 100)).toEqual([]);
    expect(planSegments(0, 0)).toEqual([]);
  });
});

describe('Range headers', () => {
  test('round trip', () => {
    expect(spanOfRange(rangeHeader({ start: 5, end: 9 }))).toEqual({ start: 5, end: 9 });
  });
  test.each(['bytes=5-', 'bytes=-5', 'bytes=9-5', 'items=1-2', '', null])('%j is not a segment', (h) => {
    expect(spanOfRange(h)).toBeNull();
  });
});

describe('judgeSegment', () => {
  const asked = { start: 100, end: 199 };
  test('a 206 for exactly the asked bytes of the same file is stored', () => {
    expect(judgeSegment(asked, 1000, 206, 'bytes 100-199/1000')).toBe('store');
  });
  test('a 200 means Range was ignored or If-Range no longer matched: start over', () => {
    expect(judgeSegment(asked, 1000, 200, null)).toBe('restart');
  });
  test('a file of another size: start over', () => {
    expect(judgeSegment(asked, 1000, 206, 'bytes 100-199/2000')).toBe('restart');
  });
  test('other bytes than asked, no Content-Range, an error status: stop and keep what is stored', () => {
    expect(judgeSegment(asked, 1000, 206, 'bytes 100-150/1000')).toBe('stop');
    expect(judgeSegment(asked, 1000, 206, null)).toBe('stop');
    expect(judgeSegment(asked, 1000, 206, 'bytes 100-199/*')).toBe('stop');
    expect(judgeSegment(asked, 1000, 502, null)).toBe('stop');
    expect(judgeSegment(asked, 1000, 416, 'bytes */1000')).toBe('stop');
  });
});
