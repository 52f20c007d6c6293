import { describe, expect, test } from 'vitest';
import { cleanFilter, cleanName, cleanNote, NOTE_MAX, parseAll, parseBookmark, parsePlaylist, PlaylistInputError } from '../../../src/core/playlists/validate';
import { DEFAULT_FILTER } from '../../../src/core/playlists/smart-filter';
import { groupByEpisode } from '../../../src/core/playlists/bookmarks';

const NOW = 1_700_000_000_000;

describe('names, notes and filters from the UI', () => {
  test('names are trimmed and collapsed; empty and over-long ones are refused with a sentence', () => {
    expect(cleanName('  Road \n trip ')).toBe('Road trip');
    expect(() => cleanName('   ')).toThrow(/Give the playlist a name/);
    expect(() => cleanName('x'.repeat(81))).toThrow(PlaylistInputError);
    expect(() => cleanName(42)).toThrow(PlaylistInputError);
  });

  test('a name with nothing visible (zero-width or control characters only) is refused; emoji and marks are kept', () => {
    for (const invisible of ['\u200b\u200b', '\u2060\ufeff', '\u0000\u0007', ' \u200b \u200d ', '\u00ad']) expect(() => cleanName(invisible)).toThrow(/Give the playlist a name/);
    expect(cleanName('Road\u0000 trip\u0007')).toBe('Road trip');
    expect(cleanName('👩‍👩‍👧 family')).toBe('👩‍👩‍👧 family');
    expect(cleanName('Café <b>')).toBe('Café <b>');
  });

  test('notes may be empty, not over-long', () => {
    expect(cleanNote('  the BGP bit \n')).toBe('the BGP bit');
    expect(cleanNote(undefined)).toBe('');
    expect(() => cleanNote('x'.repeat(NOTE_MAX + 1))).toThrow(/at most/);
  });

  test('filter numbers come as form strings; bad ones are named', () => {
    const ok = cleanFilter({ ...DEFAULT_FILTER, podcastIds: ['a', 'a', 'b'], maxMinutes: '45', minMinutes: '', limit: ' 10 ' });
    expect(ok).toMatchObject({ podcastIds: ['a', 'b'], maxMinutes: 45, minMinutes: null, limit: 10 });
    expect(() => cleanFilter({ ...DEFAULT_FILTER, maxMinutes: '4.5' })).toThrow(/The longest length must be a whole number/);
    expect(() => cleanFilter({ ...DEFAULT_FILTER, maxMinutes: 10, minMinutes: 20 })).toThrow(/less than the longest/);
    expect(() => cleanFilter({ ...DEFAULT_FILTER, sort: 'random' })).toThrow(/order is not valid/);
    expect(() => cleanFilter({ ...DEFAULT_FILTER, played: 'maybe' })).toThrow(/played setting/);
    expect(() => cleanFilter({ ...DEFAULT_FILTER, podcastIds: 'HN' })).toThrow(/list of shows/);
    expect(() => cleanFilter(null)).toThrow(/no filter/);
  });

  test('"at least 0 min" is no bound at all: it must not quietly drop episodes whose feed gives no length', () => {
    expect(cleanFilter({ ...DEFAULT_FILTER, minMinutes: '0' })).toMatchObject({ minMinutes: null });
    expect(cleanFilter({ ...DEFAULT_FILTER, minMinutes: 0, maxMinutes: 30 })).toMatchObject({ minMinutes: null, maxMinutes: 30 });
  });
});

describe('records from a backup (hostile)', () => {
  test('good playlists of both kinds come through clean', () => {
    expect(parsePlaylist({ id: 'p1', kind: 'manual', name: ' Trip ', episodeIds: ['e1', 'e1', 'e2'], order: 3, createdAt: 5, updatedAt: 6, extra: 'x' }, NOW)).toEqual({
      id: 'p1',
      kind: 'manual',
      name: 'Trip',
      episodeIds: ['e1', 'e2'],
      order: 3,
      createdAt: 5,
      updatedAt: 6,
    });
    const smart = parsePlaylist({ id: 'p2', kind: 'smart', name: 'New', filter: DEFAULT_FILTER }, NOW);
    expect(smart).toMatchObject({ kind: 'smart', order: 0, createdAt: NOW, filter: DEFAULT_FILTER });
  });

  test('bad entries are reported one by one and the good ones kept', () => {
    const report = parseAll(
      [
        { id: 'ok', kind: 'manual', name: 'Fine', episodeIds: [] },
        'nope',
        { id: 'k', kind: 'weird', name: 'Odd' },
        { id: 'm', kind: 'manual', name: 'Many', episodeIds: new Array(6000).fill('e') },
        { id: '', kind: 'manual', name: 'No id', episodeIds: [] },
        { id: 'n', kind: 'manual', name: 'Bad ids', episodeIds: [1, 2] },
      ],
      parsePlaylist,
      NOW,
      'playlists',
    );
    expect(report.items.map((p) => p.id)).toEqual(['ok']);
    expect(report.skipped).toHaveLength(5);
    expect(report.skipped[1]).toMatch(/^Entry 3: .*unknown kind/);
    expect(() => parseAll({}, parsePlaylist, NOW, 'playlists')).toThrow(/not a list/);
  });

  test('bookmarks need an episode and a finite, non-negative time', () => {
    const b = parseBookmark({ id: 'b', episodeId: 'e', podcastId: 'p', time: 12.5, note: ' hi ', episodeTitle: 'T'.repeat(900), podcastTitle: 7 }, NOW);
    expect(b).toMatchObject({ time: 12.5, note: 'hi', podcastTitle: '', createdAt: NOW });
    expect(b.episodeTitle).toHaveLength(500);
    for (const time of [-1, Number.NaN, Infinity, '12']) expect(() => parseBookmark({ id: 'b', episodeId: 'e', time }, NOW)).toThrow(/not a valid time/);
    expect(() => parseBookmark({ id: 'b', time: 1 }, NOW)).toThrow(/episode/);
  });
});

describe('bookmark grouping', () => {
  const bm = (id: string, episodeId: string, time: number, createdAt: number) => ({
    id,
    episodeId,
    podcastId: 'p',
    time,
    note: '',
    episodeTitle: episodeId,
    podcastTitle: 'Show',
    createdAt,
    updatedAt: createdAt,
  });
  test('one group per episode, most recently bookmarked first, bookmarks by time inside', () => {
    const groups = groupByEpisode([bm('1', 'A', 300, 1), bm('2', 'B', 50, 2), bm('3', 'A', 100, 3)]);
    expect(groups.map((g) => g.episodeId)).toEqual(['A', 'B']);
    expect(groups[0].bookmarks.map((b) => b.id)).toEqual(['3', '1']);
  });
});
