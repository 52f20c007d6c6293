import { describe, expect, test } from 'vitest';
import { eachLimited } from '../../../src/core/library/concurrency';

describe('eachLimited', () => {
  test('never runs more than the limit at once, keeps results in input order and reports progress', async () => {
    let running = 0;
    let peak = 0;
    const progress: number[] = [];
    const delays = [30, 5, 20, 1, 15, 2, 8, 25, 3, 12];
    const results = await eachLimited(
      delays,
      3,
      async (ms) => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, ms));
        running--;
        return ms * 2;
      },
      (done) => progress.push(done),
    );
    expect(peak).toBe(3);
    expect(results).toEqual(delays.map((d) => d * 2));
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  test('handles an empty list and a limit larger than the list', async () => {
    expect(await eachLimited([], 4, async (x: number) => x)).toEqual([]);
    expect(await eachLimited([1, 2], 10, async (x) => x + 1)).toEqual([2, 3]);
  });
});
