import { describe, expect, it } from 'vitest';
import { DEFAULT_SHOWS, type DefaultShow } from '../../../src/core/default-shows';
import { resolutionSteps, type FeedIdentity } from '../../../src/core/library/show-resolution';
import { resolveShow, ResolutionFailed, type ResolverDeps } from '../../../src/state/show-resolver';
import type { DirectoryResult } from '../../../src/api/directory';
import { HttpError } from '../../../src/api/http';
import type { Podcast } from '../../../src/core/types';

const show = (key: string): DefaultShow => DEFAULT_SHOWS.find((s) => s.key === key)!;
const HN = show('heavy-networking');
const NAN = show('network-automation-nerds');
const D2DO = show('day-two-devops');
const PP = show('packet-protector');

const PP_AUTHOR = 'Packet Pushers';
const feed = (title: string, author: string | null = PP_AUTHOR, link: string | null = 'https://packetpushers.net/'): FeedIdentity => ({ title, author, link, owner: null });
const gone = (status: 404 | 410) => new HttpError(502, 'upstream_status', `The feed host answered ${status}`, status);
const entry = (title: string, feedUrl: string, author = PP_AUTHOR): DirectoryResult => ({ title, author, feedUrl, image: null, description: null, episodeCount: null, source: 'apple' });

/** A pretend network: feeds by URL (a feed's identity, or the error fetching it), directory answers by id and term. */
function world(feeds: Record<string, FeedIdentity | Error>, lookups: Record<string, DirectoryResult[] | Error> = {}, searches: Record<string, DirectoryResult[] | Error> = {}) {
  const calls: string[] = [];
  const deps: ResolverDeps = {
    follow: async (url, check) => {
      calls.push(`feed ${url}`);
      const answer = feeds[url] ?? gone(404);
      if (answer instanceof Error) throw answer;
      const why = check(answer, url);
      if (why) throw new Error(why);
      return { id: url, feedUrl: url, title: answer.title } as Podcast;
    },
    lookup: async (id) => {
      calls.push(`lookup ${id}`);
      const answer = lookups[id] ?? [];
      if (answer instanceof Error) throw answer;
      return answer;
    },
    search: async (term) => {
      calls.push(`search ${term}`);
      const answer = searches[term] ?? [];
      if (answer instanceof Error) throw answer;
      return answer;
    },
  };
  return { deps, calls };
}

const HN_URL = 'https://feeds.packetpushers.net/PacketPushersWeeklyPodcast/';

describe('resolutionSteps', () => {
  it('orders remembered, known (both slash spellings), origin, Apple id, then title and former titles', () => {
    expect(resolutionSteps(D2DO, 'https://feeds.packetpushers.net/d2do/')).toEqual([
      { kind: 'feed', via: 'remembered', url: 'https://feeds.packetpushers.net/d2do/' },
      { kind: 'feed', via: 'known', url: 'https://feeds.packetpushers.net/day2cloud' },
      { kind: 'feed', via: 'known', url: 'https://feeds.packetpushers.net/day2cloud/' },
      { kind: 'feed', via: 'origin', url: 'https://packetpushers.net/podcast/day-two-devops/feed/' },
      { kind: 'apple-id', via: 'apple-id', id: '1460004936' },
      { kind: 'search', via: 'search', term: 'Day Two DevOps' },
      { kind: 'search', via: 'search', term: 'Day Two Cloud' },
    ]);
  });
  it('leaves out what is known to be gone, and steps a show does not have', () => {
    expect(resolutionSteps(PP, null, new Set(['https://packetpushers.net/podcast/packet-protector/feed/'])).map((s) => s.kind)).toEqual(['search']);
  });
});

describe('resolveShow, step by step', () => {
  it('known URL: the first step that parses wins, nothing else is asked', async () => {
    const { deps, calls } = world({ [HN_URL]: feed('Heavy Networking') });
    const found = await resolveShow(HN, deps);
    expect(found).toMatchObject({ url: HN_URL, via: 'known', attempts: [] });
    expect(calls).toEqual([`feed ${HN_URL}`]);
  });

  it('known URL without its trailing slash when the slashed one is gone', async () => {
    const bare = HN_URL.slice(0, -1);
    const { deps, calls } = world({ [HN_URL]: gone(404), [bare]: feed('Heavy Networking') });
    const found = await resolveShow(HN, deps);
    expect(found.url).toBe(bare);
    expect(found.attempts).toEqual([{ via: 'known', target: HN_URL, message: 'The feed is gone: its host answered 404' }]);
    expect(calls).toHaveLength(2);
  });

  it('origin feed on packetpushers.net when no known URL works', async () => {
    const origin = 'https://packetpushers.net/podcast/packet-protector/feed/';
    const { deps } = world({ [origin]: feed('Packet Protector') });
    expect(await resolveShow(PP, deps)).toMatchObject({ url: origin, via: 'origin' });
  });

  it('Apple lookup by id when the addresses fail', async () => {
    const current = 'https://feeds.packetpushers.net/nan/';
    const { deps, calls } = world({ [current]: feed('Network Automation Nerds') }, { '1730980821': [entry('Network Automation Nerds', current)] });
    const found = await resolveShow(NAN, deps);
    expect(found).toMatchObject({ url: current, via: 'apple-id' });
    expect(calls).toEqual(['feed https://packetpushers.net/podcast/network-automation-nerds/feed/', 'lookup 1730980821', `feed ${current}`]);
  });

  it('a lookup that answers an address already tried moves on to the search, which skips the impostors', async () => {
    const retired = 'https://feeds.packetpushers.net/day2cloud';
    const current = 'https://feeds.packetpushers.net/daytwodevops/';
    const { deps, calls } = world(
      { [retired]: new HttpError(502, 'upstream_status', 'gone', 410), [current]: feed('Day Two DevOps') },
      { '1460004936': [entry('Day Two Cloud', retired)] },
      {
        'Day Two DevOps': [entry('Day Two DevOps', 'https://fans.example/d2do.xml', 'A Fan'), entry('Day Two Cloud', retired), entry('Day Two DevOps', current)],
      },
    );
    const found = await resolveShow(D2DO, deps);
    expect(found).toMatchObject({ url: current, via: 'search' });
    expect(calls.filter((c) => c === `feed ${retired}`)).toHaveLength(1);
    expect(calls).not.toContain('feed https://fans.example/d2do.xml');
    expect(found.attempts.map((a) => a.via)).toEqual(['known', 'known', 'origin', 'apple-id']);
    expect(found.attempts[3].message).toBe('The directory lists only addresses already tried');
  });

  it('search: the old Buzzsprout "Network Automation Nerds Podcast" listed first is not taken for the show', async () => {
    const buzz = 'https://feeds.buzzsprout.com/1234567.rss';
    const current = 'https://feeds.packetpushers.net/nan/';
    const { deps, calls } = world(
      { [buzz]: feed('Network Automation Nerds Podcast', 'Eric Chou', null), [current]: feed('Network Automation Nerds') },
      { '1730980821': new HttpError(502, 'directory_unavailable', 'Directory lookup is unavailable right now') },
      { 'Network Automation Nerds': [entry('Network Automation Nerds Podcast', buzz, 'Eric Chou'), entry('Network Automation Nerds', current)] },
    );
    const found = await resolveShow(NAN, deps);
    expect(found).toMatchObject({ url: current, via: 'search' });
    expect(calls).not.toContain(`feed ${buzz}`);
    expect(found.attempts[1]).toEqual({ via: 'apple-id', target: '1730980821', message: 'Directory lookup is unavailable right now' });
  });

  it('a feed that parses but is not the show (the all-shows feed, a namesake) is refused and the next step tried', async () => {
    const namesake = 'https://fans.example/hn.xml';
    const current = 'https://feeds.packetpushers.net/hn2/';
    const { deps } = world(
      {
        [HN_URL]: feed('Packet Pushers (all shows)'),
        [namesake]: feed('Heavy Networking', 'Someone Else', 'https://else.example/'),
        [current]: feed('Heavy  networking'),
      },
      // The directory entry claims the network; the feed itself does not.
      { '370842767': [entry('Heavy Networking', namesake)] },
      { 'Heavy Networking': [entry('Heavy Networking', current)] },
    );
    const found = await resolveShow(HN, deps);
    expect(found).toMatchObject({ via: 'search', url: current });
    expect(found.attempts.map((a) => a.message)).toEqual([
      'The feed found is “Packet Pushers (all shows)”, not Heavy Networking',
      'The feed is gone: its host answered 404',
      'The feed is gone: its host answered 404',
      'The feed titled Heavy Networking is not published by Packet Pushers',
    ]);
  });

  it('the remembered address is tried first, and a skipped one never', async () => {
    const remembered = 'https://feeds.packetpushers.net/hn-new/';
    const { deps, calls } = world({ [remembered]: feed('Heavy Networking') });
    expect((await resolveShow(HN, deps, { remembered })).via).toBe('remembered');
    expect(calls).toEqual([`feed ${remembered}`]);
    const again = world({ [HN_URL]: feed('Heavy Networking') });
    await resolveShow(HN, again.deps, { remembered, skip: new Set([remembered]) });
    expect(again.calls).toEqual([`feed ${HN_URL}`]);
  });
});

describe('resolveShow failing', () => {
  it('every step failing gives one reason (the show’s own address) and the list of what was tried', async () => {
    const { deps } = world({}, {}, { 'Day Two DevOps': new HttpError(502, 'directory_unavailable', 'Directory search is unavailable right now') });
    const err = await resolveShow(D2DO, deps).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResolutionFailed);
    const failed = err as ResolutionFailed;
    expect(failed.offline).toBe(false);
    expect(failed.message).toBe('The feed is gone: its host answered 404');
    expect(failed.attempts.map((a) => `${a.via} ${a.target}`)).toEqual([
      'known https://feeds.packetpushers.net/day2cloud',
      'known https://feeds.packetpushers.net/day2cloud/',
      'origin https://packetpushers.net/podcast/day-two-devops/feed/',
      'apple-id 1460004936',
      'search Day Two DevOps',
      'search Day Two Cloud',
    ]);
    expect(failed.attempts[3].message).toBe('Apple Podcasts does not list Day Two DevOps under its id');
    expect(failed.attempts[5].message).toBe('No show titled “Day Two Cloud” by Packet Pushers was found in the podcast directory');
  });

  it('stops at once when this server cannot be reached: every other step would fail the same way', async () => {
    const { deps, calls } = world({ [HN_URL]: new HttpError(0, 'network', "You're offline") });
    const err = (await resolveShow(HN, deps).catch((e: unknown) => e)) as ResolutionFailed;
    expect(err.offline).toBe(true);
    expect(err.message).toBe("You're offline");
    expect(calls).toEqual([`feed ${HN_URL}`]);
  });
});

describe('the network as publisher, by name', async () => {
  const { directoryEntryIsShow, feedMismatch } = await import('../../../src/core/library/show-resolution');
  const elsewhere = 'https://fans.example/hn.xml';
  it.each(['Packet Pushers', 'packet pushers', 'Packet Pushers Interactive, LLC', 'Packet Pushers Interactive LLC', 'The Packet Pushers', 'Packet Pushers Network'])('%j is the network', (author) => {
    expect(directoryEntryIsShow(HN, entry('Heavy Networking', elsewhere, author))).toBe(true);
  });
  // An impostor only has to put the network's name somewhere in its author to pass a substring test.
  it.each(['Packet Pushers Fan Club', 'Not Packet Pushers', 'Packet Pushers fans: unofficial mirror', 'packetpushersfans', 'Someone'])('%j is not', (author) => {
    expect(directoryEntryIsShow(HN, entry('Heavy Networking', elsewhere, author))).toBe(false);
    expect(feedMismatch(HN, { title: 'Heavy Networking', author, owner: { name: author }, link: 'https://fans.example/' }, elsewhere)).toMatch(/not published by Packet Pushers/);
  });
  it('an author or title of the wrong type (a hostile directory answer) is not the network, and does not throw', () => {
    const odd = { title: 'Heavy Networking', author: 42, feedUrl: elsewhere } as unknown as DirectoryResult;
    expect(directoryEntryIsShow(HN, odd)).toBe(false);
    expect(directoryEntryIsShow(HN, { ...odd, title: ['Heavy Networking'], author: 'Packet Pushers' } as unknown as DirectoryResult)).toBe(false);
  });
});
