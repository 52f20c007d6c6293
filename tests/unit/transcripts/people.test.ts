import { describe, expect, test } from 'vitest';
import { buildPeople, matchPeople, personKey } from '../../../src/core/people';
import type { Person } from '../../../src/core/types';

const p = (name: string, href: string | null = null, role = 'guest', img: string | null = null): Person => ({ name, role, group: null, img, href });

describe('People index', () => {
  const people = buildPeople([
    { episodeId: 'a1', podcastId: 'A', published: 1, persons: [p('Zoë Quartermaine', 'https://zoe.example/', 'guest', 'https://img.example/z.png'), p('Ada Lovelace', null, 'host')] },
    { episodeId: 'b1', podcastId: 'B', published: 2, persons: [p('ZOE QUARTERMAINE', 'HTTPS://ZOE.example')] },
    { episodeId: 'b2', podcastId: 'B', published: 3, persons: [p('zoe quartermaine')] },
    { episodeId: 'c1', podcastId: 'C', published: 4, persons: [p('Zoe Quartermaine', 'https://another-zoe.example')] },
  ]);

  test('the same name and page across shows is one person, case- and accent-insensitive; a page-less mention joins only an unambiguous page', () => {
    const zoes = people.filter((x) => x.name.toLowerCase().startsWith('zo'));
    // Two different pages for that name: the page-less mention stays on its own.
    expect(zoes).toHaveLength(3);
    const main = zoes.find((x) => x.key === personKey('Zoë Quartermaine', 'https://zoe.example/'))!;
    expect(main.name).toBe('Zoë Quartermaine');
    expect(main.img).toBe('https://img.example/z.png');
    expect(main.podcastIds).toEqual(['A', 'B']);
    expect(main.episodes.map((e) => e.episodeId)).toEqual(['b1', 'a1']);
  });

  test('with one page for a name, mentions without a page merge into it', () => {
    const merged = buildPeople([
      { episodeId: 'a1', podcastId: 'A', published: 1, persons: [p('Jürgen Müller', 'https://j.example')] },
      { episodeId: 'b1', podcastId: 'B', published: 2, persons: [p('jurgen muller')] },
    ]);
    expect(merged).toHaveLength(1);
    expect(merged[0].episodes).toHaveLength(2);
  });

  test('search by name: word prefixes, any order, accents ignored', () => {
    expect(matchPeople(people, 'quarterm zoe').length).toBe(3);
    expect(matchPeople(people, 'lovel')[0].name).toBe('Ada Lovelace');
    expect(matchPeople(people, 'nobody')).toEqual([]);
  });
});
