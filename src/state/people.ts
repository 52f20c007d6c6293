/**
 * People across shows, built from the stored episodes (`podcast:person`; an episode without its
 * own persons takes its show's, as the Episode page does). Rebuilt lazily after library changes.
 */
import { buildPeople, matchPeople, type PersonEntry } from '../core/people';
import type { Episode, Podcast } from '../core/types';
import { getEpisodes, listAllEpisodes } from '../db/episodes';
import { listPodcasts } from '../db/podcasts';
import { libraryVersion } from './library';

export type { PersonEntry };

let built: { version: number; people: Promise<PersonEntry[]> } | null = null;

export function allPeople(): Promise<PersonEntry[]> {
  const version = libraryVersion.peek();
  if (!built || built.version !== version) {
    const people = (async () => {
      const [episodes, podcasts] = await Promise.all([listAllEpisodes(), listPodcasts()]);
      const shows = new Map(podcasts.map((p) => [p.id, p]));
      return buildPeople(
        episodes.map((e) => ({
          episodeId: e.id,
          podcastId: e.podcastId,
          published: e.published,
          persons: e.persons.length > 0 ? e.persons : (shows.get(e.podcastId)?.persons ?? []),
        })),
      );
    })();
    built = { version, people };
    people.catch(() => (built = null));
  }
  return built.people;
}

export async function findPeople(query: string, limit = 8): Promise<PersonEntry[]> {
  return matchPeople(await allPeople(), query, limit);
}

export interface PersonPage {
  person: PersonEntry;
  episodes: Array<{ episode: Episode; show: Podcast | null }>;
}

export async function loadPerson(key: string): Promise<PersonPage | null> {
  const people = await allPeople();
  // An Episode page links by name (and page, when the feed gives one); a name alone may have
  // been merged with the same name's page elsewhere.
  const person = people.find((p) => p.key === key) ?? people.filter((p) => !key.includes('|') && p.key.startsWith(`${key}|`)).sort((a, b) => b.episodes.length - a.episodes.length)[0];
  if (!person) return null;
  const [episodes, podcasts] = await Promise.all([getEpisodes(person.episodes.map((e) => e.episodeId)), listPodcasts()]);
  const shows = new Map(podcasts.map((p) => [p.id, p]));
  const byId = new Map(episodes.map((e) => [e.id, e]));
  return {
    person,
    episodes: person.episodes.flatMap((ref) => {
      const episode = byId.get(ref.episodeId);
      return episode ? [{ episode, show: shows.get(episode.podcastId) ?? null }] : [];
    }),
  };
}

export function personHref(key: string): string {
  return `/person/${encodeURIComponent(key)}`;
}
