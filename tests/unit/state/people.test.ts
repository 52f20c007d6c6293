import { beforeEach, describe, expect, test, vi } from 'vitest';
import type { Person } from '../../../src/core/types';
import { freshDb, storedEpisode, storedPodcast, storeShow } from './helpers';

/** People across shows, built from the stored episodes (fake-indexeddb) and rebuilt after library changes. */
const A = 'https://feeds.example/a.xml';
const B = 'https://feeds.example/b.xml';
const person = (name: string, role: string | null = 'host', href: string | null = null): Person => ({ name, role, group: null, img: null, href });

async function load() {
  vi.resetModules();
  await freshDb();
  // Show A names its host on the show only; show B names a guest on one episode.
  await storeShow({ ...storedPodcast(A, 'Show A'), persons: [person('Ethan Banks')] }, [storedEpisode(A, 'a1', 1000), storedEpisode(A, 'a2', 3000)]);
  await storeShow(storedPodcast(B, 'Show B', 1), [{ ...storedEpisode(B, 'b1', 2000), persons: [person('Ethan Banks', 'guest'), person('Drew Conry-Murray')] }, storedEpisode(B, 'b2', 4000)]);
  return {
    people: await import('../../../src/state/people'),
    library: await import('../../../src/state/library'),
  };
}
let s: Awaited<ReturnType<typeof load>>;
beforeEach(async () => {
  s = await load();
});

describe('people', () => {
  test('an episode without its own persons takes its show’s; one person across shows, newest episode first', async () => {
    const [ethan] = await s.people.findPeople('eth');
    expect(ethan).toMatchObject({ name: 'Ethan Banks', podcastIds: [A, B] });
    expect(ethan?.roles.sort()).toEqual(['guest', 'host']);
    expect(ethan?.episodes.map((e) => e.episodeId)).toEqual([`${A}\u0000a2`, `${B}\u0000b1`, `${A}\u0000a1`]);
    expect((await s.people.findPeople('drew'))[0]?.episodes.map((e) => e.episodeId)).toEqual([`${B}\u0000b1`]);
  });

  test('a person page lists their episodes with each show', async () => {
    const [ethan] = await s.people.findPeople('ethan banks');
    const page = await s.people.loadPerson(ethan.key);
    expect(page?.episodes.map((e) => [e.episode.guid, e.show?.title])).toEqual([
      ['a2', 'Show A'],
      ['b1', 'Show B'],
      ['a1', 'Show A'],
    ]);
    expect(await s.people.loadPerson('nobody')).toBeNull();
    expect(s.people.personHref('ethan banks|https://x.example/')).toBe('/person/ethan%20banks%7Chttps%3A%2F%2Fx.example%2F');
  });

  test('built once per library version: a change to the library is seen after libraryChanged', async () => {
    const first = await s.people.allPeople();
    expect(await s.people.allPeople()).toBe(first);
    await storeShow({ ...storedPodcast('https://feeds.example/c.xml', 'Show C', 2), persons: [person('Greg Ferro')] }, [storedEpisode('https://feeds.example/c.xml', 'c1', 5000)]);
    // Not yet announced: the cached list stands.
    expect(await s.people.findPeople('greg')).toEqual([]);
    await s.library.libraryChanged();
    expect((await s.people.findPeople('greg')).map((p) => p.name)).toEqual(['Greg Ferro']);
  });
});
