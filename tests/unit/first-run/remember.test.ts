import { describe, expect, it } from 'vitest';
import { rememberFeed, rememberedFeeds } from '../../../src/state/first-run';
import { getSetting, setSetting, updateSetting } from '../../../src/db/settings';
import { DEFAULT_SHOWS, type DefaultShow } from '../../../src/core/default-shows';
import { defaultShowFor } from '../../../src/core/library/show-resolution';

describe('remembering what found each default show', () => {
  it('keeps every entry when the four shows are remembered at the same moment', async () => {
    // Each resolution finishes on its own; a read-then-write per show lost all but one in the e2e.
    await Promise.all(DEFAULT_SHOWS.map((s, i) => rememberFeed(s.key, `https://feeds.example/${i}/`, 'known')));
    const feeds = await rememberedFeeds();
    expect(Object.keys(feeds).sort()).toEqual(DEFAULT_SHOWS.map((s) => s.key).sort());
    expect(feeds['day-two-devops']).toMatchObject({ url: 'https://feeds.example/2/', via: 'known' });
  });

  it('reads the bare URLs older installs stored', async () => {
    await setSetting('library.defaultShowFeeds', { 'heavy-networking': 'https://old.example/hn' });
    expect(await rememberedFeeds()).toEqual({ 'heavy-networking': { url: 'https://old.example/hn', via: 'known', at: 0 } });
    await rememberFeed('packet-protector', 'https://pp.example/', 'search');
    expect(Object.keys(await rememberedFeeds()).sort()).toEqual(['heavy-networking', 'packet-protector']);
  });

  it('updateSetting applies concurrent updates one after another', async () => {
    await Promise.all(Array.from({ length: 20 }, () => updateSetting<number>('test.counter', 0, (n) => n + 1)));
    expect(await getSetting('test.counter', 0)).toBe(20);
  });
});

describe('defaultShowFor: which default show a followed show is', () => {
  const shows: readonly DefaultShow[] = DEFAULT_SHOWS;
  const podcast = (title: string, feedUrl: string, author: string | null = null) => ({ id: feedUrl, feedUrl, title, author });
  it('by the feed remembered for it', () => {
    expect(defaultShowFor(shows, podcast('Whatever', 'https://x.example/f'), { 'packet-protector': { url: 'https://x.example/f' } })?.key).toBe('packet-protector');
  });
  it('by title and the network as publisher or host, former titles included', () => {
    expect(defaultShowFor(shows, podcast('Day Two Cloud', 'https://feeds.packetpushers.net/day2cloud'), {})?.key).toBe('day-two-devops');
    expect(defaultShowFor(shows, podcast('Heavy Networking', 'https://mirror.example/hn', 'Packet Pushers'), {})?.key).toBe('heavy-networking');
  });
  it('not a namesake from elsewhere, nor an unrelated show', () => {
    expect(defaultShowFor(shows, podcast('Heavy Networking', 'https://mirror.example/hn', 'Someone'), {})).toBeNull();
    expect(defaultShowFor(shows, podcast('Other Show', 'https://feeds.packetpushers.net/other/'), {})).toBeNull();
  });
});
