import type { ParsedFeed, Podcast } from '../types';

const fold = (text: string | null | undefined) => (text ?? '').normalize('NFKD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * A followed show this freshly fetched feed is the same as, though its address differs (an old
 * URL in an OPML file, a redirecting alias, a default show added by hand): same `podcast:guid`,
 * or the same title and author. The feed URL itself is compared before fetching.
 */
export function findSameShow(feed: Pick<ParsedFeed, 'podcastGuid' | 'title' | 'author'>, followed: readonly Podcast[]): Podcast | undefined {
  const guid = feed.podcastGuid?.trim().toLowerCase();
  if (guid) {
    const byGuid = followed.find((p) => p.podcastGuid?.trim().toLowerCase() === guid);
    if (byGuid) return byGuid;
  }
  const title = fold(feed.title);
  const author = fold(feed.author);
  // Both are needed: many shows share a title ("The Daily"), few share title and author.
  if (!title || !author) return undefined;
  return followed.find((p) => fold(p.title) === title && fold(p.author) === author);
}
