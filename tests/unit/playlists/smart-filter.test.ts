import { describe, expect, test } from 'vitest';
import { DEFAULT_FILTER, describeFilter, evaluateSmartFilter, type FilterEpisode } from '../../../src/core/playlists/smart-filter';
import type { SmartFilter } from '../../../src/core/playlists/types';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 0, 31);
const ep = (id: string, podcastId: string, daysAgo: number, minutes: number | null, played: 0 | 1 = 0): FilterEpisode => ({
  id,
  podcastId,
  published: daysAgo < 0 ? 0 : NOW - daysAgo * DAY,
  duration: minutes === null ? null : minutes * 60,
  played,
});

const episodes = [
  ep('hn1', 'HN', 1, 60),
  ep('hn2', 'HN', 3, 40),
  ep('hn3', 'HN', 10, 30, 1),
  ep('d2do1', 'D2DO', 2, 44),
  ep('d2do2', 'D2DO', 5, 45),
  ep('d2do3', 'D2DO', 40, null),
  ep('other', 'X', 0, 20),
  ep('undated', 'HN', -1, 10),
];
const ctx = { now: NOW, downloaded: new Set(['hn2', 'other']) };
const f = (over: Partial<SmartFilter>): SmartFilter => ({ ...DEFAULT_FILTER, ...over });

describe('smart playlist filter', () => {
  test('"unplayed from HN and D2DO, newest first, under 45 min"', () => {
    expect(evaluateSmartFilter(f({ podcastIds: ['HN', 'D2DO'], maxMinutes: 45 }), episodes, ctx)).toEqual(['d2do1', 'hn2', 'undated']);
  });

  test('every show when none is picked; unknown lengths stay out of a length bound but not out of the list', () => {
    expect(evaluateSmartFilter(f({}), episodes, ctx)).toEqual(['other', 'hn1', 'd2do1', 'hn2', 'd2do2', 'd2do3', 'undated']);
    expect(evaluateSmartFilter(f({ minMinutes: 45 }), episodes, ctx)).toEqual(['hn1', 'd2do2']);
  });

  test('played / any, published within days (undated never passes), downloaded only', () => {
    expect(evaluateSmartFilter(f({ played: 'played' }), episodes, ctx)).toEqual(['hn3']);
    expect(evaluateSmartFilter(f({ played: 'any', withinDays: 4 }), episodes, ctx)).toEqual(['other', 'hn1', 'd2do1', 'hn2']);
    expect(evaluateSmartFilter(f({ downloadedOnly: true }), episodes, ctx)).toEqual(['other', 'hn2']);
  });

  test('orders: oldest puts undated last, shortest/longest put unknown lengths last; limit caps', () => {
    expect(evaluateSmartFilter(f({ sort: 'oldest', podcastIds: ['HN'] }), episodes, ctx)).toEqual(['hn2', 'hn1', 'undated']);
    expect(evaluateSmartFilter(f({ sort: 'shortest' }), episodes, ctx)).toEqual(['undated', 'other', 'hn2', 'd2do1', 'd2do2', 'hn1', 'd2do3']);
    expect(evaluateSmartFilter(f({ sort: 'longest' }), episodes, ctx)).toEqual(['hn1', 'd2do2', 'd2do1', 'hn2', 'other', 'undated', 'd2do3']);
    expect(evaluateSmartFilter(f({ sort: 'longest', limit: 2 }), episodes, ctx)).toEqual(['hn1', 'd2do2']);
  });

  test('marking an episode played takes it out of an unplayed filter on the next evaluation', () => {
    const filter = f({ podcastIds: ['HN'] });
    const before = evaluateSmartFilter(filter, episodes, ctx);
    const after = evaluateSmartFilter(
      filter,
      episodes.map((e) => (e.id === 'hn1' ? { ...e, played: 1 as const } : e)),
      ctx,
    );
    expect(before).toContain('hn1');
    expect(after).not.toContain('hn1');
  });

  test('the description reads like the form', () => {
    const titles = new Map([
      ['HN', 'Heavy Networking'],
      ['D2DO', 'Day Two DevOps'],
    ]);
    expect(describeFilter(f({ podcastIds: ['HN', 'D2DO'], maxMinutes: 45 }), (id) => titles.get(id))).toBe('Unplayed · from Heavy Networking, Day Two DevOps · under 45 min · newest first');
    expect(describeFilter(f({ played: 'any', minMinutes: 10, maxMinutes: 30, withinDays: 7, downloadedOnly: true, sort: 'shortest', limit: 5 }), () => undefined)).toBe(
      'From every show · 10–30 min · last 7 days · downloaded · shortest first · at most 5',
    );
    expect(describeFilter(f({ podcastIds: ['gone'] }), () => undefined)).toContain('a show you no longer follow');
  });
});
