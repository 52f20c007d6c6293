import type { SearchableEpisode } from '../../../src/core/search/index';

let n = 0;
/** An episode with only the fields the index reads; the rest of the model is irrelevant here. */
export function ep(fields: Partial<SearchableEpisode> & { title: string }): SearchableEpisode {
  n++;
  return {
    id: fields.id ?? `https://show.example/feed\u0000guid-${n}`,
    podcastId: fields.podcastId ?? 'https://show.example/feed',
    title: fields.title,
    notesText: fields.notesText ?? '',
    persons: fields.persons ?? [],
    published: fields.published ?? n * 1000,
    played: fields.played ?? 0,
    fingerprint: fields.fingerprint ?? `fp-${n}`,
  };
}

export function person(name: string) {
  return { name, role: null, group: null, img: null, href: null };
}
