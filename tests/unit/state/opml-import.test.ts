import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { FakeNet, feedXml, freshDb, parseInThread } from './helpers';

/**
 * Importing and exporting the followed shows as OPML, through the real subscribe path and stores;
 * the feed proxy is a fetch stub.
 */
vi.mock('../../../src/workers/feed-bridge', () => ({ parseFeedOffThread: parseInThread }));

const url = (n: number) => `https://feeds.example/${n}.xml`;
const outline = (n: number, title = `Show ${n}`) => `<outline type="rss" text="${title}" xmlUrl="${url(n)}" htmlUrl="https://show${n}.example/"/>`;
const opml = (...outlines: string[]) => `<?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body>${outlines.join('')}</body></opml>`;

let net: FakeNet;
async function load() {
  vi.resetModules();
  await freshDb();
  return {
    opml: await import('../../../src/state/opml'),
    subscribe: await import('../../../src/state/subscribe'),
    library: await import('../../../src/state/library'),
    podcasts: await import('../../../src/db/podcasts'),
  };
}
let s: Awaited<ReturnType<typeof load>>;

beforeEach(async () => {
  net = new FakeNet();
  vi.stubGlobal('fetch', net.fetch);
  s = await load();
  for (const n of [1, 2, 3, 4, 5, 6]) net.feeds.set(url(n), { feed: feedXml(`Show ${n}`, [{ guid: `s${n}e1` }]) });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('OPML import', () => {
  test('each feed is followed, or reported as already followed, failed or listed twice', async () => {
    await s.subscribe.subscribe(url(1));
    net.feeds.set(url(3), { error: 'dns_failed', status: 502, message: 'feeds.example could not be found' });
    const report = await s.opml.importOpml(opml(outline(1), outline(2), outline(3), outline(2, 'Again'), '<outline type="rss" text="No URL"/>', outline(4)));
    // Feeds are fetched side by side: the report lists them as they finished.
    report.imported.sort((a, b) => a.url.localeCompare(b.url));
    expect(report).toEqual({
      imported: [
        { url: url(2), title: 'Show 2' },
        { url: url(4), title: 'Show 4' },
      ],
      alreadyFollowed: [{ url: url(1), title: 'Show 1' }],
      failed: [
        { title: 'No URL', url: null, reason: 'It has no feed URL (xmlUrl)' },
        { title: 'Show 3', url: url(3), reason: 'feeds.example could not be found' },
      ],
      duplicates: 1,
    });
    expect((await s.podcasts.listPodcasts()).map((p) => p.id).sort()).toEqual([url(1), url(2), url(4)]);
    expect(s.opml.importProgress.value).toBeNull();
  });

  test('feeds are fetched a few at a time, with progress', async () => {
    const gates = [1, 2, 3, 4, 5, 6].map((n) => net.hold(url(n)));
    const running = s.opml.importOpml(opml(...[1, 2, 3, 4, 5, 6].map((n) => outline(n))));
    await vi.waitFor(() => expect(net.inFlight).toBe(4));
    expect(s.opml.importProgress.value).toEqual({ done: 0, total: 6 });
    gates[0]();
    await vi.waitFor(() => expect(s.opml.importProgress.value).toEqual({ done: 1, total: 6 }));
    for (const open of gates) open();
    expect((await running).imported).toHaveLength(6);
    expect(net.maxInFlight).toBe(4);
  });

  test('a file that is not OPML is refused before anything is fetched', async () => {
    await expect(s.opml.importOpml('<html><body>hello')).rejects.toMatchObject({ name: 'OpmlError' });
    expect(net.calls).toEqual([]);
  });
});

describe('OPML export', () => {
  test('lists every followed show, and imports back to the same shows', async () => {
    for (const n of [1, 2]) await s.subscribe.subscribe(url(n));
    const text = s.opml.exportOpml();
    expect(text).toContain(`xmlUrl="${url(1)}"`);
    expect(text).toContain('text="Show 2"');

    s = await load();
    const report = await s.opml.importOpml(text);
    expect(report.imported.map((f) => f.url).sort()).toEqual([url(1), url(2)]);
    expect(report.failed).toEqual([]);
  });
});
