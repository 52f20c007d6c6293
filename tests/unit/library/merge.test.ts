import { describe, expect, test } from 'vitest';
import { parseFeed } from '../../../src/core/feed';
import { episodeId, mergeEpisodes, podcastFromFeed, toEpisode } from '../../../src/core/library/merge';
import { htmlToText } from '../../../src/core/library/notes-text';
import type { Episode } from '../../../src/core/types';
import { parsedEpisode, parsedFeed, podcast } from './fixtures';
import { cpuMs } from '../cpu-time';

const ID = 'https://feeds.example/show';
const NOW = 1_000;

function item(n: number, extra = '') {
  return `<item><title>Episode ${n}${extra}</title><guid>g-${n}</guid><pubDate>Wed, 0${n} Jan 2026 09:00:00 GMT</pubDate>
    <enclosure url="https://m.example/e${n}.mp3" type="audio/mpeg" length="10"/><description>Notes ${n}</description></item>`;
}
const rss = (...items: string[]) => `<?xml version="1.0"?><rss version="2.0"><channel><title>Show</title>${items.join('')}</channel></rss>`;

describe('mergeEpisodes', () => {
  test('a first load adds every episode with ids from the guid', () => {
    const feed = parseFeed(rss(item(2), item(1)), ID);
    const result = mergeEpisodes(ID, feed, [], NOW);
    expect(result.added.map((e) => e.id)).toEqual([episodeId(ID, 'g-2'), episodeId(ID, 'g-1')]);
    expect(result.added[0]).toMatchObject({ podcastId: ID, played: 0, addedAt: NOW, notesText: 'Notes 2', published: Date.UTC(2026, 0, 2, 9) });
    expect(result.changed).toEqual([]);
  });

  test('on refresh with stored fingerprints, unchanged items are skipped, changed ones keep play state, new ones are added', () => {
    const first = mergeEpisodes(ID, parseFeed(rss(item(2), item(1)), ID), [], NOW).added;
    const stored: Episode[] = first.map((e) => (e.guid === 'g-1' ? { ...e, played: 1 as const } : e));
    const known = new Set(stored.map((e) => e.fingerprint));

    const next = parseFeed(rss(item(3), item(2), item(1, ' (remastered)')), ID, { known });
    expect(next.unchanged).toHaveLength(1);
    const result = mergeEpisodes(ID, next, stored, 2_000);
    expect(result.added.map((e) => e.guid)).toEqual(['g-3']);
    expect(result.changed).toHaveLength(1);
    expect(result.changed[0]).toMatchObject({ id: episodeId(ID, 'g-1'), title: 'Episode 1 (remastered)', played: 1, addedAt: NOW });
    expect(result.unchanged).toBe(1);
  });

  test('a guid rewritten by a host migration keeps the stored episode when the enclosure matches', () => {
    const stored = [toEpisode(parsedEpisode(1), ID, NOW)];
    stored[0].played = 1;
    const moved = parsedEpisode(1, { guid: 'new-guid-1', fingerprint: 'fp-new', enclosure: { url: 'https://media.example/ep1.mp3?track=2', type: 'audio/mpeg', length: 1 } });
    const result = mergeEpisodes(ID, parsedFeed([moved]), stored, 2_000);
    expect(result.added).toEqual([]);
    expect(result.changed).toEqual([expect.objectContaining({ id: stored[0].id, guid: 'guid-1', played: 1, fingerprint: 'fp-new' })]);
  });

  test('an enclosure match never steals an episode the feed still lists under its own guid', () => {
    const stored = [toEpisode(parsedEpisode(1), ID, NOW)];
    const same = parsedEpisode(1, { fingerprint: 'fp-1b' });
    const copy = parsedEpisode(9, { enclosure: parsedEpisode(1).enclosure });
    const result = mergeEpisodes(ID, parsedFeed([same, copy]), stored, 2_000);
    expect(result.changed.map((e) => e.guid)).toEqual(['guid-1']);
    expect(result.added.map((e) => e.guid)).toEqual(['guid-9']);
  });

  test('episodes gone from the feed are kept, duplicates are written once, blocked new items are skipped', () => {
    const stored = [toEpisode(parsedEpisode(1), ID, NOW)];
    const result = mergeEpisodes(ID, parsedFeed([parsedEpisode(2), parsedEpisode(2, { fingerprint: 'other' }), parsedEpisode(3, { block: true })]), stored, 2_000);
    expect(result.added.map((e) => e.guid)).toEqual(['guid-2']);
    expect(result.changed).toEqual([]);
  });

  test('an unparseable date sorts as 0 rather than NaN', () => {
    expect(toEpisode(parsedEpisode(1, { pubDate: null }), ID, NOW).published).toBe(0);
    expect(toEpisode(parsedEpisode(1, { pubDate: 'garbage' }), ID, NOW).published).toBe(0);
  });
});

describe('podcastFromFeed', () => {
  test('takes metadata from the feed and keeps bookkeeping from the stored show', () => {
    const previous = podcast(ID, { subscribedAt: 5, order: 3, newCount: 2, etag: '"e"', image: 'https://old/art.png' });
    const next = podcastFromFeed(parsedFeed([], { title: '  ', image: null }), previous, { id: 'ignored', feedUrl: 'https://moved/feed', now: 50, order: 9 });
    expect(next).toMatchObject({
      id: ID,
      feedUrl: 'https://moved/feed',
      title: previous.title,
      image: 'https://old/art.png',
      subscribedAt: 5,
      order: 3,
      newCount: 2,
      etag: '"e"',
      lastRefreshAt: 50,
      lastError: null,
    });
    const fresh = podcastFromFeed(parsedFeed([]), undefined, { id: ID, feedUrl: ID, now: 7, order: 9 });
    expect(fresh).toMatchObject({ id: ID, title: 'Test Show', subscribedAt: 7, order: 9, newCount: 0 });
  });
});

describe('htmlToText', () => {
  test('strips tags, scripts and styles, decodes entities and keeps paragraph breaks', () => {
    expect(htmlToText('<p>Hello&nbsp;<b>world</b> &amp; &#8220;friends&#x201D;</p><script>alert(1)</script><style>p{}</style><p>Line&eacute;</p>')).toBe('Hello world & “friends”\nLineé');
    expect(htmlToText('<!-- hidden --><div>a<br/>b</div>')).toBe('a\nb');
    expect(htmlToText('')).toBe('');
  });

  test('stays linear on hostile markup and caps its output', { timeout: 60_000 }, () => {
    // CPU time: on a loaded machine the wall clock also counts waiting for a core.
    expect(cpuMs(() => htmlToText('<'.repeat(200_000) + '<script'.repeat(20_000) + '<!--'.repeat(20_000)))).toBeLessThan(500);
    expect(htmlToText('word '.repeat(10_000), 100)).toHaveLength(100);
  });
});
