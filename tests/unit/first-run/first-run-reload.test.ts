import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Podcast } from '../../../src/core/types';
import type { FeedIdentity } from '../../../src/core/library/show-resolution';
import { HttpError } from '../../../src/api/http';

/**
 * A first run interrupted by a reload: the settings store is the real one (fake-indexeddb, kept
 * across the "reload"), the network and the library list are pretend, and a "reload" is
 * `vi.resetModules()` so first-run.ts starts again with none of its in-memory state.
 */
const net = vi.hoisted(() => ({
  library: { value: [] as Array<{ id: string; feedUrl: string; title: string; author: string | null }> },
  /** Feed URLs that answer (title per URL); anything else is a 404. */
  feeds: new Map<string, string>(),
  /** URLs whose fetch never finishes in this "page load" (the reload interrupts them). */
  hang: new Set<string>(),
  subscribed: [] as string[],
  /** URLs whose fetch fails as the network drops and comes back while it is in flight (once each). */
  flaky: new Set<string>(),
  /** The settings key after whose write this "page load" ends: that write lands, nothing after it does. */
  cutAfter: null as string | null,
  cut: false,
}));

vi.mock('../../../src/db/settings', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/db/settings')>();
  return {
    ...real,
    setSetting: async (key: string, value: unknown) => {
      await real.setSetting(key, value);
      if (key !== net.cutAfter) return;
      net.cut = true;
      return new Promise(() => undefined);
    },
  };
});

vi.mock('../../../src/state/library', () => ({ podcasts: net.library }));
vi.mock('../../../src/api/directory', () => ({ lookupDirectory: async () => [], searchDirectory: async () => [] }));
vi.mock('../../../src/state/subscribe', () => ({
  subscribe: async (url: string, options: { accept?: (feed: FeedIdentity, url: string) => string | null } = {}) => {
    if (net.hang.has(url)) return new Promise(() => undefined);
    if (net.flaky.delete(url)) {
      // The modules of the current "page load", so instanceof and the signal are the ones first-run sees.
      const { online } = await import('../../../src/state/online');
      const { HttpError: PageHttpError } = await import('../../../src/api/http');
      online.value = false;
      online.value = true;
      throw new PageHttpError(0, 'network', 'This server could not be reached');
    }
    const title = net.feeds.get(url);
    if (!title) throw new HttpError(502, 'upstream_status', 'The feed host answered 404', 404);
    const why = options.accept?.({ title, author: 'Packet Pushers', link: 'https://packetpushers.net/', owner: null }, url);
    if (why) throw new Error(why);
    const known = net.library.value.find((p) => p.feedUrl === url);
    if (known) return { podcast: known, existed: true };
    const podcast = { id: url, feedUrl: url, title, author: 'Packet Pushers' };
    net.subscribed.push(url);
    net.library.value = [...net.library.value, podcast];
    return { podcast: podcast as unknown as Podcast, existed: false };
  },
}));

const HN = 'https://feeds.packetpushers.net/PacketPushersWeeklyPodcast/';
const NAN = 'https://packetpushers.net/podcast/network-automation-nerds/feed/';
const D2DO = 'https://packetpushers.net/podcast/day-two-devops/feed/';
const PP = 'https://packetpushers.net/podcast/packet-protector/feed/';
const everyShow = () => {
  net.feeds = new Map([
    [HN, 'Heavy Networking'],
    [NAN, 'Network Automation Nerds'],
    [D2DO, 'Day Two DevOps'],
    [PP, 'Packet Protector'],
  ]);
};
const loadPage = async () => {
  vi.resetModules();
  return import('../../../src/state/first-run');
};

/** Every test starts as a fresh install with a quiet network. */
beforeEach(async () => {
  net.library.value = [];
  net.hang.clear();
  net.flaky.clear();
  net.subscribed.length = 0;
  net.cutAfter = null;
  net.cut = false;
  const { deleteSetting } = await import('../../../src/db/settings');
  for (const key of ['library.firstRunDone', 'library.firstRunStarted', 'library.defaultShowIssues', 'library.defaultShowFeeds', 'library.defaultShowsDismissed']) await deleteSetting(key);
});
afterEach(() => vi.resetModules());

describe('a reload during the first run', () => {
  it('carries on with the shows not yet followed, without following any twice', async () => {
    everyShow();
    net.hang = new Set([NAN, D2DO, PP]);
    const first = await loadPage();
    void first.runFirstRun(); // never finishes: the page goes away first
    await expect.poll(() => net.subscribed).toEqual([HN]);

    net.hang.clear();
    const second = await loadPage();
    await second.runFirstRun();
    expect(net.library.value.map((p) => p.title).sort()).toEqual(['Day Two DevOps', 'Heavy Networking', 'Network Automation Nerds', 'Packet Protector']);
    expect(new Set(net.subscribed).size).toBe(net.subscribed.length);
    expect(second.defaultShowIssues.value).toEqual([]);
  });

  it('keeps a show dismissed before the reload dismissed, though it can now be found', async () => {
    everyShow();
    net.feeds.delete(PP); // Packet Protector cannot be found this time
    net.hang = new Set([NAN]); // and the first run is still busy with another show
    const first = await loadPage();
    void first.runFirstRun();
    await expect.poll(() => first.defaultShowIssues.value.find((i) => i.key === 'packet-protector')?.status).toBe('failed');
    await first.dismissDefaultShow('packet-protector');

    everyShow();
    net.hang.clear();
    const second = await loadPage();
    await second.runFirstRun();
    expect(net.subscribed).not.toContain(PP);
    expect(net.library.value.map((p) => p.title)).not.toContain('Packet Protector');
    expect(second.defaultShowIssues.value.map((i) => i.key)).not.toContain('packet-protector');
    expect(net.library.value).toHaveLength(3);
  });
});

describe('a reload as the first run saves its outcome', () => {
  // Seen in e2e on a busy machine: reloaded between "first run done" and the cards being saved, the
  // next start had no cards and looked for no show again, so the four shows were gone for good.
  it.each(['library.firstRunDone', 'library.defaultShowIssues'])('keeps the shows not found when it lands right after %s is saved', async (key) => {
    net.feeds = new Map(); // no show can be found this time
    net.cutAfter = key;
    const first = await loadPage();
    void first.runFirstRun();
    await expect.poll(() => net.cut).toBe(true);

    net.cutAfter = null;
    const second = await loadPage();
    await second.runFirstRun();
    expect(second.defaultShowIssues.value.map((i) => [i.key, i.status])).toEqual([
      ['heavy-networking', 'failed'],
      ['network-automation-nerds', 'failed'],
      ['day-two-devops', 'failed'],
      ['packet-protector', 'failed'],
    ]);
  });
});

describe('a dismissed show on a later start', () => {
  it('stays away even when a card list saved in the same moment as the dismissal still holds it', async () => {
    // retryFailedDefaultShows saves the cards it sees; a Dismiss landing while it saves can lose that race.
    const page = await loadPage();
    const { setSetting } = await import('../../../src/db/settings');
    await setSetting('library.firstRunDone', true);
    await page.dismissDefaultShow('packet-protector');
    await setSetting('library.defaultShowIssues', [{ key: 'packet-protector', title: 'Packet Protector', status: 'failed', message: 'gone' }]);
    const next = await loadPage();
    await next.runFirstRun();
    expect(next.defaultShowIssues.value).toEqual([]);
    await next.retryFailedDefaultShows(true);
    expect(net.subscribed).not.toContain(PP);
  });
});

describe('the network going away mid-resolution and coming back', () => {
  it('a show whose lookup failed while the network was away is tried again once it is back', async () => {
    everyShow();
    net.flaky = new Set([HN]);
    const page = await loadPage();
    page.retryWhenOnline();
    await page.runFirstRun();
    await expect.poll(() => net.library.value.map((p) => p.title)).toContain('Heavy Networking');
    await expect.poll(() => page.defaultShowIssues.value).toEqual([]);
  });
});
