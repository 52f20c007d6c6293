import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { applyWrites, insert, keyBetween, nextAfter, placeAt, sortQueue, ORDER_STEP } from '../../../src/core/queue';
import type { QueueEntry } from '../../../src/core/types';

const ids = (q: QueueEntry[]) => sortQueue(q).map((e) => e.episodeId);
const build = (...names: string[]) => names.map((episodeId, i) => ({ episodeId, order: (i + 1) * ORDER_STEP }));

describe('queue rules', () => {
  test('"next" goes to the top, "last" to the bottom, writing one entry', () => {
    const q = build('a', 'b');
    const w1 = insert(q, 'c', 'next');
    expect(w1).toHaveLength(1);
    expect(ids(applyWrites(q, w1))).toEqual(['c', 'a', 'b']);
    expect(ids(applyWrites(q, insert(q, 'c', 'last')))).toEqual(['a', 'b', 'c']);
    expect(ids(applyWrites([], insert([], 'x', 'next')))).toEqual(['x']);
  });

  test('adding an already queued episode moves it instead of duplicating it', () => {
    const q = build('a', 'b', 'c');
    const after = applyWrites(q, insert(q, 'c', 'next'));
    expect(ids(after)).toEqual(['c', 'a', 'b']);
    expect(after).toHaveLength(3);
    // Already at the bottom: nothing to write.
    expect(insert(q, 'c', 'last')).toEqual([]);
  });

  test('move to an index counted in the queue without the moved entry; out-of-range indexes clamp', () => {
    const q = build('a', 'b', 'c', 'd');
    expect(ids(applyWrites(q, placeAt(q, 'a', 2)))).toEqual(['b', 'c', 'a', 'd']);
    expect(ids(applyWrites(q, placeAt(q, 'd', 0)))).toEqual(['d', 'a', 'b', 'c']);
    expect(ids(applyWrites(q, placeAt(q, 'b', 99)))).toEqual(['a', 'c', 'd', 'b']);
    expect(ids(applyWrites(q, placeAt(q, 'c', -5)))).toEqual(['c', 'a', 'b', 'd']);
    expect(ids(applyWrites(q, placeAt(q, 'c', Number.NaN)))).toEqual(['a', 'b', 'd', 'c']);
  });

  test('when keys get too close the whole queue is renumbered, keeping the order', () => {
    expect(keyBetween(1, 1 + 1e-9)).toBeNull();
    const q: QueueEntry[] = [
      { episodeId: 'a', order: 1 },
      { episodeId: 'b', order: 1 + 1e-9 },
      { episodeId: 'c', order: 5 },
    ];
    const writes = placeAt(q, 'c', 1);
    expect(writes).toHaveLength(3);
    expect(ids(applyWrites(q, writes))).toEqual(['a', 'c', 'b']);
    expect(writes.map((w) => w.order)).toEqual([ORDER_STEP, 2 * ORDER_STEP, 3 * ORDER_STEP]);
  });

  test('any sequence of moves keeps every episode exactly once, in the order a plain array would have', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(7), fc.integer({ min: -2, max: 10 }), fc.boolean()), { maxLength: 200 }), (ops) => {
        let q: QueueEntry[] = [];
        let model: string[] = [];
        for (const [n, to, isInsert] of ops) {
          const id = `e${n}`;
          if (isInsert) {
            q = applyWrites(q, insert(q, id, to % 2 === 0 ? 'next' : 'last'));
            model = model.filter((x) => x !== id);
            if (to % 2 === 0) model.unshift(id);
            else model.push(id);
          } else if (model.includes(id)) {
            q = applyWrites(q, placeAt(q, id, to));
            model = model.filter((x) => x !== id);
            model.splice(Math.max(0, Math.min(model.length, to)), 0, id);
          }
        }
        expect(ids(q)).toEqual(model);
      }),
      { numRuns: 300 },
    );
  });

  test('next after finishing skips the finished episode if it was queued again', () => {
    const q = build('a', 'b');
    expect(nextAfter(q, 'a')).toBe('b');
    expect(nextAfter(q, 'z')).toBe('a');
    expect(nextAfter(q, null)).toBe('a');
    expect(nextAfter(build('a'), 'a')).toBeNull();
    expect(nextAfter([], 'a')).toBeNull();
  });
});
