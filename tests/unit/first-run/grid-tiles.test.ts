import { describe, expect, it } from 'vitest';
import { gridTiles } from '../../../src/features/library/grid-tiles';
import type { Podcast } from '../../../src/core/types';

describe('the Library grid during a first run', () => {
  const pod = (id: string, order: number) => ({ id, order }) as Podcast;
  const issue = (key: string, slot: number, status: 'working' | 'failed' = 'working') => ({ key, title: key, slot, status, message: '' });
  const names = (tiles: ReturnType<typeof gridTiles>) => tiles.map((t) => (t.kind === 'show' ? t.podcast.id : `…${t.issue.key}`));
  it('keeps each default show in its slot: found, still looked for, or not found', () => {
    expect(names(gridTiles([pod('hn', 0), pod('pp', 3)], [issue('nan', 1), issue('d2do', 2)]))).toEqual(['hn', '…nan', '…d2do', 'pp']);
    // A lookup failing turns its placeholder into a failure tile in place: nothing after it moves.
    expect(names(gridTiles([pod('hn', 0), pod('pp', 3)], [issue('nan', 1, 'failed'), issue('d2do', 2)]))).toEqual(['hn', '…nan', '…d2do', 'pp']);
    expect(names(gridTiles([pod('hn', 0), pod('nan', 1), pod('pp', 3)], [issue('d2do', 2, 'failed')]))).toEqual(['hn', 'nan', '…d2do', 'pp']);
  });
  it('hides a placeholder whose slot its show already holds (found a moment before the lookup is marked done)', () => {
    expect(names(gridTiles([pod('hn', 0)], [issue('hn', 0), issue('nan', 1)]))).toEqual(['hn', '…nan']);
  });
  it('keeps a failure tile even when a show added later took its slot number', () => {
    expect(names(gridTiles([pod('hn', 0), pod('nan', 1), pod('d2do', 2), pod('mine', 3)], [issue('pp', 3, 'failed')]))).toEqual(['hn', 'nan', 'd2do', '…pp', 'mine']);
  });
  it('places the tiles by slot among shows in any chosen order', () => {
    expect(names(gridTiles([pod('zeta', 5), pod('alpha', 4)], [issue('hn', 0, 'failed')]))).toEqual(['…hn', 'zeta', 'alpha']);
  });
  it('puts a show whose slot is unknown after the rest', () => {
    const unslotted = { key: 'x', title: 'x', status: 'failed' as const, message: '' };
    expect(names(gridTiles([pod('hn', 0)], [unslotted, issue('nan', 1)]))).toEqual(['hn', '…nan', '…x']);
  });
});
