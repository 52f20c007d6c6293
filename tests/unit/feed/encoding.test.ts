import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../../src/core/feed/index';
import { fixtureBytes } from './helpers';

describe('decoding bytes: BOM, declared encodings, and repair', () => {
  it.each([
    ['windows-1252.xml', '“Quoted” €5 – Café', 'Süß'],
    ['iso-8859-2.xml', 'Trącić myszką', 'Żółw'],
    ['windows-1251.xml', 'Церква', 'Привет'],
    ['nonstandard-label.xml', 'Frédéric', 'Été'], // encoding="ISO8859_1"
    ['utf16le-bom.xml', '日本語 ü', '第一話'],
    ['utf16be-bom.xml', '日本語 ü', '第一話'],
    ['utf16le-nobom.xml', '日本語 ü', '第一話'],
  ])('%s', (name, title, episode) => {
    const feed = parseFeed(fixtureBytes(name));
    expect(feed.title).toBe(title);
    expect(feed.episodes[0]?.title).toBe(episode);
    expect(feed.warnings).toEqual([]);
  });

  it('reads Latin-1 bytes in a file declared UTF-8 as Windows-1252, keeping the real UTF-8 around them', () => {
    const feed = parseFeed(fixtureBytes('latin1-in-utf8.xml'));
    expect(feed.title).toBe('Café €');
    expect(feed.episodes.map((e) => e.title)).toEqual(['Grüße aus München', 'Straße']);
    expect(feed.warnings).toEqual(['Read bytes that are not valid UTF-8 as Windows-1252 (Latin-1)']);
  });

  it('believes the bytes over a declaration: UTF-8 declared as ISO-8859-1 is read as UTF-8', () => {
    const feed = parseFeed(fixtureBytes('declared-latin1-is-utf8.xml'));
    expect([feed.title, feed.episodes[0]?.title]).toEqual(['São Paulo', 'Notícias']);
    expect(feed.warnings[0]).toMatch(/^Declared "ISO-8859-1" but the bytes are UTF-8/);
  });

  it('reads the C1 bytes of an ISO-8859-15 feed as the Windows-1252 dashes and quotes they are meant to be', () => {
    const xml =
      '<?xml version="1.0" encoding="ISO-8859-15"?><rss><channel><title>Caf\u00e9 \u0096 \u0093Bar\u0094 \u00a4</title>' + '<item><title>Europol \u0096 die Aufpasser</title></item></channel></rss>';
    const feed = parseFeed(new Uint8Array(Buffer.from(xml, 'latin1')));
    expect(feed.title).toBe('Café – “Bar” €'); // 0xA4 is € in ISO-8859-15 itself
    expect(feed.episodes[0]?.title).toBe('Europol – die Aufpasser');
    expect(feed.warnings).toEqual([]);
  });

  it('strips a UTF-8 BOM from bytes and from text', () => {
    const xml = '<rss><channel><title>BOM</title><item><title>x</title></item></channel></rss>';
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(xml)]);
    expect(parseFeed(bytes).title).toBe('BOM');
    expect(parseFeed('\uFEFF' + xml).title).toBe('BOM');
  });

  it('ignores the declared encoding of text that is already decoded', () => {
    const xml = '<?xml version="1.0" encoding="windows-1252"?><rss><channel><title>Ünïcödé “ok”</title></channel></rss>';
    expect(parseFeed(xml).title).toBe('Ünïcödé “ok”');
  });

  it('reads an unknown encoding label as UTF-8 and says so', () => {
    const xml = '<?xml version="1.0" encoding="x-klingon"?><rss><channel><title>Qapla’</title></channel></rss>';
    const feed = parseFeed(new TextEncoder().encode(xml));
    expect(feed.title).toBe('Qapla’');
    expect(feed.warnings).toEqual(['Unknown encoding "x-klingon": read as UTF-8']);
  });
});
