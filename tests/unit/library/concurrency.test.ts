import { describe, expect, test } from 'vitest';
import { eachLimited } from '../../../src/core/library/concurrency';

describe('eachLimited', () => {
  test('never runs more than the limit at once, keeps results in input order and reports progress', async () => {
    // Each job waits for the test to finish it, so which jobs overlap is decided here, not by timers.
    const finish = new Map<number, () => void>();
    const started: number[] = [];
    const progress: number[] = [];
    const items = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    const all = eachLimited(
      items,
      3,
      async (n) => {
        started.push(n);
        await new Promise<void>((r) => finish.set(n, r));
        finish.delete(n);
        return n * 2;
      },
      (done) => progress.push(done),
    );
    await expect.poll(() => started).toEqual([0, 1, 2]);
    // Finishing out of order: each finish lets exactly one more start, never a fourth at once.
    for (const n of [1, 0, 2, 4, 3, 5, 8, 6, 9, 7]) {
      expect(finish.has(n), `job ${n} is running`).toBe(true);
      expect(finish.size).toBe(Math.min(3, items.length - progress.length));
      const before = progress.length;
      finish.get(n)!();
      await expect.poll(() => progress.length).toBe(before + 1);
    }
    expect(await all).toEqual(items.map((n) => n * 2));
    expect(started).toEqual(items);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  test('handles an empty list and a limit larger than the list', async () => {
    expect(await eachLimited([], 4, async (x: number) => x)).toEqual([]);
    expect(await eachLimited([1, 2], 10, async (x) => x + 1)).toEqual([2, 3]);
  });
});
