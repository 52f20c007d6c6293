/**
 * Where to look for a default show's feed, in order, and how to tell the show from an impostor.
 * Pure: the state layer runs the steps (src/state/show-resolver.ts).
 */
import { NETWORK, type DefaultShow } from '../default-shows';
import { parseUrl } from '../feed/platform';

export type ResolutionStep =
  /** A feed address to fetch: remembered from last time, known, or the network's origin. */
  | { kind: 'feed'; via: 'remembered' | 'known' | 'origin'; url: string }
  /** Apple Podcasts lookup by id, through /api/lookup. */
  | { kind: 'apple-id'; via: 'apple-id'; id: string }
  /** Directory search by one title, through /api/search; results must pass `directoryEntryIsShow`. */
  | { kind: 'search'; via: 'search'; term: string };

export type ResolutionVia = ResolutionStep['via'];

/** The same address with and without its trailing slash, the given spelling first. */
function slashVariants(url: string): string[] {
  const parsed = parseUrl(url);
  if (!parsed || parsed.search || parsed.pathname === '/') return [url];
  const other = url.endsWith('/') ? url.slice(0, -1) : `${url}/`;
  return [url, other];
}

export function originFeedUrl(slug: string): string {
  return `https://packetpushers.net/podcast/${encodeURIComponent(slug)}/feed/`;
}

/**
 * The ways to find a show's feed, most direct first: what worked last time, the known feed URLs
 * (each with and without the trailing slash, since hosts disagree on which one redirects), the
 * network's origin feed, Apple lookup by id (survives renames), then a directory search by title
 * and by each former title. `skip` holds addresses already known to be gone.
 */
export function resolutionSteps(show: DefaultShow, remembered: string | null = null, skip: ReadonlySet<string> = new Set()): ResolutionStep[] {
  const steps: ResolutionStep[] = [];
  const seen = new Set<string>(skip);
  const addFeed = (via: 'remembered' | 'known' | 'origin', url: string) => {
    if (seen.has(url)) return;
    seen.add(url);
    steps.push({ kind: 'feed', via, url });
  };
  if (remembered) addFeed('remembered', remembered);
  for (const url of show.feedUrls) for (const variant of slashVariants(url)) addFeed('known', variant);
  if (show.slug) addFeed('origin', originFeedUrl(show.slug));
  if (show.appleId) steps.push({ kind: 'apple-id', via: 'apple-id', id: show.appleId });
  for (const term of [show.title, ...show.aliases]) steps.push({ kind: 'search', via: 'search', term });
  return steps;
}

export const foldTitle = (title: string): string =>
  title
    .normalize('NFKC')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/** The show's current title or one of its former ones, exactly (case and spacing aside). */
export function titleIsShow(show: DefaultShow, title: string | null | undefined): boolean {
  // Directory answers are outside input: a title of another type is no match, not a crash.
  if (typeof title !== 'string' || !title) return false;
  const wanted = [show.title, ...show.aliases].map(foldTitle);
  return wanted.includes(foldTitle(title));
}

/**
 * The network's name plus only company words around it ("Packet Pushers", "Packet Pushers
 * Interactive, LLC"). A substring test let any impostor in ("Packet Pushers Fan Club", "Not
 * Packet Pushers"): the author field is whatever a publisher types.
 */
const COMPANY_WORDS = new Set(['the', 'interactive', 'llc', 'inc', 'ltd', 'network', 'podcasts', 'podcast', 'media']);

export function isNetworkName(name: string | null | undefined): boolean {
  if (typeof name !== 'string' || !name) return false;
  const words = foldTitle(name)
    .replace(/[.,&()]/g, ' ')
    .split(' ')
    .filter(Boolean)
    .join(' ');
  return NETWORK.names.some((n) => {
    const at = ` ${words} `.indexOf(` ${n} `);
    if (at < 0) return false;
    const rest = `${words.slice(0, at)} ${words.slice(at + n.length)}`.split(' ').filter(Boolean);
    return rest.every((w) => COMPANY_WORDS.has(w));
  });
}

export function isNetworkHost(url: string | null | undefined): boolean {
  if (typeof url !== 'string' || !url) return false;
  const host = parseUrl(url)?.hostname.toLowerCase();
  return !!host && NETWORK.hosts.some((h) => host === h || host.endsWith(`.${h}`));
}

/**
 * A directory entry really is the show: its exact title (or former title), and made by the
 * network (author) or served from the network's hosts. "Network Automation Nerds Podcast", the
 * old Buzzsprout feed, fails the title; a namesake from another publisher fails the second part.
 */
export function directoryEntryIsShow(show: DefaultShow, entry: { title: string; author: string | null; feedUrl: string }): boolean {
  return titleIsShow(show, entry.title) && (isNetworkName(entry.author) || isNetworkHost(entry.feedUrl));
}

export interface FeedIdentity {
  title: string;
  author: string | null;
  owner?: { name: string | null } | null;
  link: string | null;
}

/**
 * A fetched, parsed feed really is the show: the title (or a former one), and the network as its
 * author, owner, web site or feed host. Null when it is; otherwise why not, for the card.
 */
export function feedMismatch(show: DefaultShow, feed: FeedIdentity, feedUrl: string): string | null {
  if (!titleIsShow(show, feed.title)) return `The feed found is “${feed.title || 'untitled'}”, not ${show.title}`;
  if (isNetworkName(feed.author) || isNetworkName(feed.owner?.name) || isNetworkHost(feed.link) || isNetworkHost(feedUrl)) return null;
  return `The feed titled ${show.title} is not published by Packet Pushers`;
}

/**
 * Which default show a followed show is, if any: the one whose remembered feed it was, else one
 * whose title it carries and whose feed is the network's. Used when its feed later goes away.
 */
export function defaultShowFor<S extends DefaultShow>(
  shows: readonly S[],
  podcast: { id: string; feedUrl: string; title: string; author: string | null },
  remembered: Readonly<Record<string, { url: string }>>,
): S | null {
  const byMemory = shows.find((s) => remembered[s.key]?.url === podcast.feedUrl || remembered[s.key]?.url === podcast.id);
  if (byMemory) return byMemory;
  return shows.find((s) => titleIsShow(s, podcast.title) && (isNetworkName(podcast.author) || isNetworkHost(podcast.feedUrl))) ?? null;
}
