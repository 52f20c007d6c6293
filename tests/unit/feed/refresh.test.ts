import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../../src/core/feed/index';
import type { ParsedEpisode } from '../../../src/core/types';
import { rss } from './helpers';

const item = (n: number, extra = ''): string =>
  `<item><title>Episode ${n}</title><guid>ep-${n}</guid><pubDate>Mon, 0${n} Mar 2021 10:00:00 GMT</pubDate>` +
  `<enclosure url="https://example.com/${n}.mp3" type="audio/mpeg" length="${n}"/>${extra}</item>\n`;
const enc = (text: string): Uint8Array => new TextEncoder().encode(text);
const fps = (episodes: ParsedEpisode[]): Set<string> => new Set(episodes.map((e) => e.fingerprint));

describe('refresh with known fingerprints', () => {
  for (const [kind, toInput] of [
    ['bytes', enc],
    ['text', (t: string) => t],
  ] as const) {
    describe(`given ${kind}`, () => {
      const v1 = rss(item(3) + item(2) + item(1));
      const first = parseFeed(toInput(v1));

      it('lists unchanged items by fingerprint, in feed order, and parses none of them', () => {
        const again = parseFeed(toInput(v1), undefined, { known: fps(first.episodes) });
        expect(again.episodes).toEqual([]);
        expect(again.unchanged).toEqual(first.episodes.map((e) => e.fingerprint));
        expect(again.title).toBe('Show');
      });

      it('parses only a new item and an edited one, with the same result a first parse gives', () => {
        const v2 = rss(item(4) + item(3) + item(2, '<description>edited</description>') + item(1));
        const refreshed = parseFeed(toInput(v2), undefined, { known: fps(first.episodes) });
        const full = parseFeed(toInput(v2));
        expect(refreshed.episodes.map((e) => e.guid)).toEqual(['ep-4', 'ep-2']);
        expect(refreshed.episodes).toEqual([full.episodes[0], full.episodes[2]]);
        expect(refreshed.unchanged).toEqual([first.episodes[0]?.fingerprint, first.episodes[2]?.fingerprint]);
      });

      it('leaves out of `unchanged` the known items that are gone from the feed', () => {
        const v3 = rss(item(3) + item(2));
        const refreshed = parseFeed(toInput(v3), undefined, { known: fps(first.episodes) });
        expect(refreshed.unchanged).toHaveLength(2);
        expect(refreshed.unchanged).not.toContain(first.episodes[2]?.fingerprint);
      });

      it('gives a new item that reuses an old guid its own id, as a full parse does', () => {
        const dup = '<item><title>Copy-paste</title><guid>ep-1</guid><enclosure url="https://example.com/new.mp3" type="audio/mpeg" length="9"/></item>';
        const v4 = rss(dup + item(3) + item(2) + item(1));
        const refreshed = parseFeed(toInput(v4), undefined, { known: fps(first.episodes) });
        const full = parseFeed(toInput(v4));
        expect(refreshed.episodes).toHaveLength(1);
        expect(refreshed.episodes[0]?.guid).toMatch(/^ep-1#/);
        expect(refreshed.episodes[0]?.guid).toBe(full.episodes[0]?.guid);
        expect(full.episodes[3]?.guid).toBe('ep-1'); // the older one keeps the plain guid
      });
    });
  }

  it('gives the same fingerprint to an item wherever it moves in the feed', () => {
    const a = parseFeed(enc(rss(item(2) + item(1))));
    const b = parseFeed(enc(rss(item(3) + ' <!-- moved --> ' + item(2) + item(1))));
    expect(b.episodes.slice(1).map((e) => e.fingerprint)).toEqual(a.episodes.map((e) => e.fingerprint));
  });

  it('changes the fingerprint on any edit, even one byte', () => {
    const a = parseFeed(enc(rss(item(1)))).episodes[0]?.fingerprint;
    const b = parseFeed(enc(rss(item(1).replace('Episode 1', 'Episode l')))).episodes[0]?.fingerprint;
    expect(a).not.toBe(b);
  });
});

describe('episode ids', () => {
  it('derives a stable id from the enclosure URL, else the link, else title and date', () => {
    const xml = rss(
      '<item><title>A</title><enclosure url="https://example.com/a.mp3" type="audio/mpeg" length="1"/></item>' +
        '<item><title>B</title><link>https://example.com/b</link></item>' +
        '<item><title>C</title><pubDate>Mon, 01 Mar 2021 10:00:00 GMT</pubDate></item>',
    );
    const [a, b, c] = parseFeed(xml).episodes;
    expect(a?.guid).toBe('https://example.com/a.mp3');
    expect(b?.guid).toBe('https://example.com/b');
    expect(c?.guid).toMatch(/^hopcast:/);
    // The same on every refresh, and independent of the other items.
    expect(parseFeed(rss('<item><title>New</title></item>' + xml.slice(xml.indexOf('<item>'), xml.lastIndexOf('</item>') + 7))).episodes[3]?.guid).toBe(c?.guid);
  });

  it('never merges different episodes that share a guid; the oldest keeps it', () => {
    const xml = rss(
      '<item><title>Newer</title><guid>same</guid><enclosure url="https://example.com/2.mp3" type="audio/mpeg"/></item>' +
        '<item><title>Older</title><guid>same</guid><enclosure url="https://example.com/1.mp3" type="audio/mpeg"/></item>' +
        '<item><title>Older</title><guid>same</guid><enclosure url="https://example.com/1.mp3" type="audio/mpeg"/></item>',
    );
    const ids = parseFeed(xml).episodes.map((e) => e.guid);
    expect(new Set(ids).size).toBe(3);
    expect(ids[2]).toBe('same');
    expect(ids[0]).toMatch(/^same#/);
    expect(parseFeed(xml).episodes.map((e) => e.guid)).toEqual(ids); // deterministic
  });
});
