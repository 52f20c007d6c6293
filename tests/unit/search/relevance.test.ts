import { describe, expect, test } from 'vitest';
import { createEpisodeIndex, searchEpisodes, toSearchDoc } from '../../../src/core/search/index';
import { FEW_MATCHES } from '../../../src/core/search/query';
import { ep } from './fixtures';

const SHOW = 'https://a.example/feed';

function index(extraReasons = 0) {
  const episodes = [
    ep({ id: 'z', podcastId: SHOW, title: 'ZaReason laptops on the bench', notesText: 'Linux on a ZaReason machine.', published: 1 }),
    ep({ id: 'r1', podcastId: SHOW, title: 'Reasonable defaults', notesText: 'Why defaults matter.', published: 2 }),
    ep({ id: 'r2', podcastId: SHOW, title: 'The reason we automate', notesText: 'Reasons and reasoning.', published: 3 }),
    ep({ id: 'r3', podcastId: SHOW, title: 'Reasons to keep a lab', notesText: 'Gear.', published: 4 }),
    ...Array.from({ length: extraReasons }, (_, i) => ep({ id: `x${i}`, podcastId: SHOW, title: `Another reason ${i}`, notesText: '', published: 10 + i })),
  ];
  const idx = createEpisodeIndex();
  idx.addAll(episodes.map((e) => toSearchDoc(e, 'Show')));
  return idx;
}

describe('search relevance', () => {
  test('"ZaReason" finds the one episode that says it; "reason" episodes come after, marked similar', () => {
    const out = searchEpisodes(index(), 'ZaReason');
    expect(out.hits[0]).toMatchObject({ id: 'z', similar: false });
    expect(out.hits.slice(1).every((h) => h.similar)).toBe(true);
    expect(out.total - out.similar).toBe(1);
  });

  test('with enough real matches, no similar ones are added', () => {
    const out = searchEpisodes(index(FEW_MATCHES), 'reason');
    expect(out.similar).toBe(0);
    expect(out.hits.some((h) => h.id === 'z')).toBe(false);
  });

  test('a whole word as typed ranks before words it only begins', () => {
    const out = searchEpisodes(index(), 'reason');
    // r2 has "reason" itself; r1 (reasonable) and r3 (reasons) match it only as a prefix.
    expect(out.hits[0].id).toBe('r2');
    expect(
      out.hits
        .filter((h) => !h.similar)
        .map((h) => h.id)
        .sort(),
    ).toEqual(['r1', 'r2', 'r3']);
  });
});
