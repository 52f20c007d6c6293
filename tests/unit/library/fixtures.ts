import type { Episode, ParsedEpisode, ParsedFeed, Podcast } from '../../../src/core/types';

export function parsedEpisode(n: number, over: Partial<ParsedEpisode> = {}): ParsedEpisode {
  return {
    guid: `guid-${n}`,
    title: `Episode ${n}`,
    pubDate: new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString(),
    enclosure: { url: `https://media.example/ep${n}.mp3?track=1`, type: 'audio/mpeg', length: 1000 },
    duration: 600 + n,
    season: null,
    episode: n,
    episodeType: null,
    explicit: null,
    chapters: null,
    chaptersType: null,
    transcripts: [],
    persons: [],
    funding: [],
    image: null,
    link: null,
    description: `<p>Notes for <b>episode ${n}</b> &amp; more</p>`,
    fingerprint: `fp-${n}`,
    ...over,
  };
}

export function parsedFeed(episodes: ParsedEpisode[], over: Partial<ParsedFeed> = {}): ParsedFeed {
  return {
    title: 'Test Show',
    warnings: [],
    link: 'https://show.example/',
    image: 'https://show.example/art.png',
    author: 'Tester',
    description: 'A show for tests',
    language: 'en',
    newFeedUrl: null,
    categories: [],
    explicit: null,
    complete: false,
    locked: false,
    podcastGuid: null,
    funding: [],
    persons: [],
    episodes,
    unchanged: [],
    ...over,
  };
}

export function podcast(id: string, over: Partial<Podcast> = {}): Podcast {
  return {
    id,
    feedUrl: id,
    title: `Show ${id}`,
    author: null,
    description: '',
    image: null,
    link: null,
    language: null,
    categories: [],
    funding: [],
    persons: [],
    subscribedAt: 1,
    lastRefreshAt: 1,
    lastError: null,
    etag: null,
    lastModified: null,
    newCount: 0,
    order: 0,
    ...over,
  };
}

export function episode(podcastId: string, n: number, over: Partial<Episode> = {}): Episode {
  const p = parsedEpisode(n);
  return {
    ...p,
    id: `${podcastId}\u0000${p.guid}`,
    podcastId,
    published: Date.parse(p.pubDate!),
    notesText: `Notes for episode ${n}`,
    played: 0,
    addedAt: 1,
    ...over,
  };
}
