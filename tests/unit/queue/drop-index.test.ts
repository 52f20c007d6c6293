import { describe, expect, test } from 'vitest';
import { dropIndex } from '../../../src/features/queue/QueueList';

describe('drag drop slot', () => {
  // Rows 100 px tall, midpoints at 50, 150, 250, 350.
  const mids = [50, 150, 250, 350];
  test('a row lands where its centre crosses the neighbours’ centres', () => {
    expect(dropIndex(mids, 0, 0)).toBe(0);
    expect(dropIndex(mids, 0, 99)).toBe(0);
    expect(dropIndex(mids, 0, 101)).toBe(1);
    expect(dropIndex(mids, 0, 260)).toBe(2);
    expect(dropIndex(mids, 0, 5000)).toBe(3);
    expect(dropIndex(mids, 3, -101)).toBe(2);
    expect(dropIndex(mids, 3, -5000)).toBe(0);
    expect(dropIndex(mids, 2, 30)).toBe(2);
  });
});
