import { describe, expect, test } from 'vitest';
import { CHUNK_SIZE, chunksComplete } from '../../../src/core/byte-range';

describe('chunksComplete', () => {
  const full = (i: number) => ({ index: i, size: CHUNK_SIZE });
  test('all chunks present with the right sizes', () => {
    expect(chunksComplete([full(0), full(1), { index: 2, size: 10 }], 2 * CHUNK_SIZE + 10)).toBe(true);
    expect(chunksComplete([full(0)], CHUNK_SIZE)).toBe(true);
    expect(chunksComplete([], 0)).toBe(true);
  });
  test('a gap, a missing tail, a short middle chunk or nothing at all is incomplete', () => {
    expect(chunksComplete([full(0), { index: 2, size: 10 }], 2 * CHUNK_SIZE + 10)).toBe(false);
    expect(chunksComplete([full(0), full(1)], 2 * CHUNK_SIZE + 10)).toBe(false);
    expect(chunksComplete([full(0), { index: 1, size: 5 }, { index: 2, size: 10 }], 2 * CHUNK_SIZE + 10)).toBe(false);
    expect(chunksComplete([], 5)).toBe(false);
  });
});
