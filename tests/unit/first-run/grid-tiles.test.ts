import { describe, expect, it } from 'vitest';
import { gridTiles } from '../../../src/features/library/grid-tiles';
import type { Podcast } from '../../../src/core/types';

describe('the Library grid', () => {
  const pod = (id: string, order: number) => ({ id, order }) as Podcast;
  const issue = (key: string, slot: number, status: 'working' | 'failed' = 'working') => ({ key, title: key, slot, status, message: '' });
  const names = (tiles: ReturnType<typeof gridTiles>) => tiles.map((t) => (t.kind === 'show' ? t.podcast.id : `…${t.issue.key}`));

  describe('while the first run looks for default shows', () => {
    it('keeps each default show in its slot: found, still looked for, or not found', () => {
      expect(names(gridTiles([pod('hn', 0), pod('pp', 3)], [issue('nan', 1), issue('d2do', 2)]))).toEqual(['hn', '…nan', '…d2do', 'pp']);
      // A lookup failing turns its placeholder into a failure tile in place: nothing after it moves.
      expect(names(gridTiles([pod('hn', 0), pod('pp', 3)], [issue('nan', 1, 'failed'), issue('d2do', 2)]))).toEqual(['hn', '…nan', '…d2do', 'pp']);
    });
    it('hides a placeholder whose slot its show already holds (found a moment before the lookup is marked done)', () => {
      expect(names(gridTiles([pod('hn', 0)], [issue('hn', 0), issue('nan', 1)]))).toEqual(['hn', '…nan']);
    });
    it('puts a tile whose slot is unknown after the rest', () => {
      const unslotted = { key: 'x', title: 'x', status: 'failed' as const, message: '' };
      expect(names(gridTiles([pod('hn', 0)], [unslotted, issue('nan', 1)]))).toEqual(['hn', '…nan', '…x']);
    });
  });

  describe('once no lookup runs', () => {
    it('lists the shows first, in the order given (a show just added on top), then the shows not found by slot', () => {
      expect(names(gridTiles([pod('mine', 4), pod('hn', 0)], [issue('pp', 3, 'failed'), issue('nan', 1, 'failed')]))).toEqual(['mine', 'hn', '…nan', '…pp']);
    });
    it('keeps the same order at the end of a first run where every lookup failed (nothing moves)', () => {
      const failed = [issue('hn', 0, 'failed'), issue('nan', 1, 'failed'), issue('d2do', 2, 'failed')];
      expect(names(gridTiles([], [...failed, issue('pp', 3)]))).toEqual(names(gridTiles([], [...failed, issue('pp', 3, 'failed')])));
    });
  });
});
