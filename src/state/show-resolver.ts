/**
 * Runs a default show's resolution steps (src/core/library/show-resolution.ts) in order until one
 * gives a feed that parses and is the show. Each step's failure is kept, so a show that cannot be
 * found can say what was tried; no error is shown while a step remains. The network parts are
 * passed in, so each step and its failure is unit-tested without a server.
 */
import type { DefaultShow } from '../core/default-shows';
import type { Podcast } from '../core/types';
import { directoryEntryIsShow, feedMismatch, resolutionSteps, type FeedIdentity, type ResolutionVia } from '../core/library/show-resolution';
import type { DirectoryResult } from '../api/directory';
import { isHttpError } from '../api/http';
import { describeFeedError } from './errors';

export interface Attempt {
  via: ResolutionVia;
  /** The feed URL, Apple id or search term this step used. */
  target: string;
  message: string;
}

export interface Resolved {
  podcast: Podcast;
  /** The address that worked (before any redirect or `itunes:new-feed-url`). */
  url: string;
  via: ResolutionVia;
  attempts: Attempt[];
}

/** Every step failed; `attempts` says how, `offline` that this server could not be reached at all. */
export class ResolutionFailed extends Error {
  override name = 'ResolutionFailed';
  constructor(
    message: string,
    readonly attempts: Attempt[],
    readonly offline: boolean,
  ) {
    super(message);
  }
}

/** Refuses a fetched feed that is not the show: returns why, or null to accept it. */
export type FeedCheck = (feed: FeedIdentity, feedUrl: string) => string | null;

export interface ResolverDeps {
  /** Fetch, parse, check and store the feed at `url`; rejects on any failure, storing nothing. */
  follow(url: string, check: FeedCheck): Promise<Podcast>;
  lookup(appleId: string): Promise<DirectoryResult[]>;
  search(term: string): Promise<DirectoryResult[]>;
}

export interface ResolveOptions {
  remembered?: string | null;
  /** Addresses known to be gone (the one a refresh just found 404/410). */
  skip?: ReadonlySet<string>;
}

/** This server unreachable, or the browser offline: every further step would fail the same way. */
function isOffline(err: unknown): boolean {
  return isHttpError(err) && (err.code === 'network' || err.code === 'aborted');
}

export async function resolveShow(show: DefaultShow, deps: ResolverDeps, options: ResolveOptions = {}): Promise<Resolved> {
  const attempts: Attempt[] = [];
  const tried = new Set<string>(options.skip ?? []);
  const check: FeedCheck = (feed, feedUrl) => feedMismatch(show, feed, feedUrl);
  const stop = (err: unknown): never => {
    throw new ResolutionFailed(describeFeedError(err), attempts, true);
  };

  const tryFeed = async (via: ResolutionVia, url: string): Promise<Resolved | null> => {
    tried.add(url);
    try {
      return { podcast: await deps.follow(url, check), url, via, attempts };
    } catch (err) {
      if (isOffline(err)) stop(err);
      attempts.push({ via, target: url, message: describeFeedError(err) });
      return null;
    }
  };

  for (const step of resolutionSteps(show, options.remembered ?? null, options.skip)) {
    if (step.kind === 'feed') {
      const done = await tryFeed(step.via, step.url);
      if (done) return done;
      continue;
    }
    let entries: DirectoryResult[];
    const target = step.kind === 'apple-id' ? step.id : step.term;
    try {
      entries = step.kind === 'apple-id' ? await deps.lookup(step.id) : await deps.search(step.term);
    } catch (err) {
      if (isOffline(err)) stop(err);
      attempts.push({ via: step.via, target, message: describeFeedError(err) });
      continue;
    }
    const matching = entries.filter((e) => directoryEntryIsShow(show, e));
    const fresh = matching.filter((e) => !tried.has(e.feedUrl));
    if (fresh.length === 0) {
      const message =
        matching.length > 0
          ? 'The directory lists only addresses already tried'
          : step.kind === 'apple-id'
            ? `Apple Podcasts does not list ${show.title} under its id`
            : `No show titled “${step.term}” by Packet Pushers was found in the podcast directory`;
      attempts.push({ via: step.via, target, message });
      continue;
    }
    for (const entry of fresh) {
      const done = await tryFeed(step.via, entry.feedUrl);
      if (done) return done;
    }
  }
  // The first step is the show's own address: its fate is the most telling one-line reason; the
  // card lists the rest.
  const first = attempts[0];
  throw new ResolutionFailed(first ? first.message : `No way to find ${show.title} is known`, attempts, false);
}
