import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../../src/core/feed/index';
import { fixtureBytes, rss } from './helpers';

const FEED_URL = 'https://example.com/feeds/show.xml';

describe('podcast20.xml: the model, field by field', () => {
  const feed = parseFeed(fixtureBytes('podcast20.xml'), FEED_URL);
  const [first, second] = feed.episodes;

  it('reads the channel, resolving relative URLs against the feed URL', () => {
    expect(feed).toMatchObject({
      title: 'Hopcast & Friends',
      link: 'https://example.com/show',
      image: 'https://example.com/art/show.jpg',
      author: 'Ada Lovelace',
      description: '<p>A show about <b>feeds</b>.</p>',
      language: 'en-gb',
      newFeedUrl: 'https://feeds.example.com/moved.xml',
      categories: ['Technology', 'Software How-To', 'News'],
      explicit: false,
      complete: true,
      locked: true,
      podcastGuid: '917393e3-1b1e-5cef-ace4-edaa54e1f810',
      funding: [{ url: 'https://example.com/donate', title: 'Support the show!' }],
      persons: [{ name: 'Ada Lovelace', role: 'host', group: 'cast', img: 'https://example.com/ada.jpg', href: 'https://example.com/ada' }],
      owner: { name: 'Ada L.', email: 'ada@example.com' },
      itunesType: 'serial',
      medium: 'podcast',
      license: { name: 'cc-by-4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
      warnings: [],
      unchanged: [],
    });
    expect(feed.trailers).toEqual([{ url: 'https://example.com/trailer.mp3', title: 'Coming soon', pubDate: '2021-04-01T13:00:00.000Z', type: 'audio/mpeg', length: 12345678, season: 2 }]);
    expect(feed.value?.recipients.map((r) => [r.name, r.split, r.fee])).toEqual([
      ['Ada', 95, false],
      ['Host', 5, true],
    ]);
  });

  it('keeps values as the exact strings they are: no number parsing of guids or titles', () => {
    expect(first?.guid).toBe('626005748647800012270518');
    expect(first?.title).toBe('1e3');
    expect(second?.title).toBe('0042');
    expect(first?.episode).toBe(42);
  });

  it('reads an episode with iTunes and Podcasting 2.0 fields', () => {
    expect(first).toMatchObject({
      pubDate: '2021-03-02T09:30:00.000Z',
      link: 'https://example.com/episodes/1000',
      enclosure: { url: 'https://example.com/audio/ep1000.mp3?x=1&y=2', type: 'audio/mpeg', length: 34216300 },
      duration: 1590,
      season: 2,
      episodeType: 'full',
      explicit: true,
      image: 'https://example.com/ep1000.jpg',
      chapters: 'https://example.com/ep1000/chapters.json',
      chaptersType: 'application/json+chapters',
      transcripts: [
        { url: 'https://example.com/ep1000/transcript.vtt', type: 'text/vtt', language: 'en', rel: 'captions' },
        { url: 'https://example.com/ep1000/transcript.srt', type: 'application/x-subrip', language: null, rel: null },
      ],
      persons: [
        { name: 'Charles Babbage', role: 'guest', group: 'cast', img: null, href: 'https://example.com/charles' },
        { name: 'Ada Lovelace', role: 'host', group: 'cast', img: null, href: null },
      ],
      soundbites: [{ startTime: 73, duration: 60, title: 'The best minute' }],
      location: { name: 'London', geo: 'geo:51.5074,-0.1278', osm: 'R65606' },
      alternateEnclosures: [{ type: 'audio/opus', length: 12000000, bitrate: 64000, title: 'Opus', isDefault: false, sources: ['https://example.com/ep1000.opus'] }],
    });
    expect(first?.fingerprint).toMatch(/^[0-9a-z]+:[0-9A-Za-z_-]{12}$/);
  });

  it('prefers content:encoded for show notes and unwraps CDATA', () => {
    expect(first?.description).toBe('<p>Long notes with <a href="https://example.com">a link</a> &amp; an escaped ampersand.</p>');
    expect(second?.description).toBe('Notes only in description.');
  });

  it('falls back to podcast:season / podcast:episode, and reads a zero length as unknown', () => {
    expect(second).toMatchObject({ season: 1, episode: 7, duration: 95, enclosure: { length: null } });
  });
});

describe('other shapes of feed', () => {
  it('reads Atom entries with link rel="enclosure"', () => {
    const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">
      <title type="text">Atom Show</title><subtitle>About things</subtitle>
      <link rel="self" href="https://example.com/atom.xml"/><link href="https://example.com/"/>
      <author><name>Grace</name></author><logo>https://example.com/logo.png</logo>
      <entry><title>First</title><id>tag:example.com,2020:1</id><updated>2020-05-01T12:00:00+02:00</updated>
        <link rel="alternate" href="https://example.com/1"/>
        <link rel="enclosure" type="audio/mpeg" length="123" href="/1.mp3"/>
        <summary>Short</summary><content type="html">&lt;p&gt;Full&lt;/p&gt;</content></entry>
    </feed>`;
    const feed = parseFeed(atom, 'https://example.com/atom.xml');
    expect(feed).toMatchObject({ title: 'Atom Show', description: 'About things', author: 'Grace', link: 'https://example.com/', image: 'https://example.com/logo.png' });
    expect(feed.episodes).toEqual([
      expect.objectContaining({
        guid: 'tag:example.com,2020:1',
        title: 'First',
        pubDate: '2020-05-01T10:00:00.000Z',
        link: 'https://example.com/1',
        enclosure: { url: 'https://example.com/1.mp3', type: 'audio/mpeg', length: 123 },
        description: '<p>Full</p>',
      }),
    ]);
  });

  it('dates an Atom entry by <published>, with <updated> (the last edit) only as a fallback', () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="es"><title type="html">A &amp;amp; B</title>
      <icon>https://example.com/favicon.ico</icon><logo>https://example.com/art.png</logo>
      <entry><id>1</id><title type="html">&lt;b&gt;Bold&lt;/b&gt;&lt;br/&gt;move</title>
        <updated>2009-07-20T15:25:50Z</updated><published>2009-07-21T07:00:28Z</published></entry>
      <entry><id>2</id><title type="html"><![CDATA[Q&amp;A]]></title><updated>2009-07-19T10:00:00Z</updated></entry>
    </feed>`;
    const feed = parseFeed(atom);
    expect(feed).toMatchObject({ title: 'A & B', language: 'es', image: 'https://example.com/art.png' });
    expect(feed.episodes.map((e) => [e.title, e.pubDate])).toEqual([
      ['Bold move', '2009-07-21T07:00:28.000Z'],
      ['Q&A', '2009-07-19T10:00:00.000Z'],
    ]);
  });

  it('reads RSS 1.0 (RDF), whose items sit beside the channel', () => {
    const rdf = `<?xml version="1.0"?>
      <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel rdf:about="https://example.com/"><title>RDF Show</title><link>https://example.com/</link><description>d</description></channel>
        <item rdf:about="https://example.com/a"><title>A</title><link>https://example.com/a</link><dc:date>2009-01-02T03:04:05Z</dc:date>
          <enclosure url="https://example.com/a.mp3" type="audio/mpeg" length="5"/></item>
        <item rdf:about="https://example.com/b"><title>B</title><link>https://example.com/b</link></item>
      </rdf:RDF>`;
    const feed = parseFeed(rdf);
    expect(feed.title).toBe('RDF Show');
    expect(feed.episodes.map((e) => [e.title, e.pubDate, e.enclosure?.url ?? null])).toEqual([
      ['A', '2009-01-02T03:04:05.000Z', 'https://example.com/a.mp3'],
      ['B', null, null],
    ]);
  });

  it('uses media:content (also inside media:group) when an item has no enclosure', () => {
    const ns = ' xmlns:media="http://search.yahoo.com/mrss/"';
    const feed = parseFeed(
      rss(
        '<item><title>A</title><media:content url="https://x.test/a.jpg" medium="image"/>' +
          '<media:content url="https://x.test/a.m4a" type="audio/mp4" fileSize="99" duration="61"/></item>' +
          '<item><title>B</title><media:group><media:content url="https://x.test/b.mp3" medium="audio"/></media:group></item>' +
          '<item><title>C</title><enclosure url="https://x.test/c.mp3" type="audio/mpeg" length="1"/>' +
          '<media:content url="https://x.test/c-alt.mp3" medium="audio"/></item>',
        '<title>S</title>',
        ns,
      ),
    );
    expect(feed.episodes.map((e) => [e.enclosure?.url, e.duration])).toEqual([
      ['https://x.test/a.m4a', 61],
      ['https://x.test/b.mp3', null],
      ['https://x.test/c.mp3', null],
    ]);
  });

  it('reads itunes:image written as text, as apps do, but not text that is no URL', () => {
    const feed = parseFeed(
      rss(
        '<item><title>A</title><itunes:image>https://example.com/a.jpg</itunes:image></item>' +
          '<item><title>B</title><itunes:image>http:&#47;&#47;example.com&#47;b.jpg</itunes:image></item>' +
          '<item><title>C</title><itunes:image>href=http://example.com/c.png"&gt;</itunes:image></item>',
        '<title>S</title><itunes:image> https://example.com/show.jpg </itunes:image>',
      ),
      'https://example.com/feed.xml',
    );
    expect(feed.image).toBe('https://example.com/show.jpg');
    expect(feed.episodes.map((e) => e.image)).toEqual(['https://example.com/a.jpg', 'http://example.com/b.jpg', null]);
  });

  it('falls back from show notes to itunes:summary, then itunes:subtitle', () => {
    const feed = parseFeed(
      rss(
        '<item><title>A</title><itunes:subtitle>Sub</itunes:subtitle><itunes:summary><![CDATA[<p>Sum</p>]]></itunes:summary></item>' +
          '<item><title>B</title><itunes:subtitle>Only &lt;a&gt; subtitle</itunes:subtitle></item>' +
          '<item><title>C</title><itunes:subtitle>Sub</itunes:subtitle><description>Desc</description></item>',
        '<title>S</title><itunes:subtitle>Show subtitle</itunes:subtitle>',
      ),
    );
    expect(feed.description).toBe('Show subtitle');
    expect(feed.episodes.map((e) => e.description)).toEqual(['<p>Sum</p>', 'Only <a> subtitle', 'Desc']);
    const summarised = parseFeed(rss('', '<title>S</title><itunes:subtitle>Sub</itunes:subtitle><itunes:summary>Summary</itunes:summary>'));
    expect(summarised.description).toBe('Summary');
  });

  it('keeps a decimal podcast:episode (a bonus between two episodes)', () => {
    const ns = ' xmlns:podcast="https://podcastindex.org/namespace/1.0"';
    const feed = parseFeed(
      rss('<item><title>A</title><podcast:episode display="Bonus">10.5</podcast:episode></item>' + '<item><title>B</title><podcast:episode>-1</podcast:episode></item>', '<title>S</title>', ns),
    );
    expect(feed.episodes.map((e) => e.episode)).toEqual([10.5, null]);
  });

  it('reads channel block and episode funding, license and value', () => {
    const ns = ' xmlns:podcast="https://podcastindex.org/namespace/1.0"';
    const feed = parseFeed(
      rss(
        '<item><title>A</title><podcast:funding url="https://example.com/ep-tip">Tip this one</podcast:funding>' +
          '<podcast:license>cc0</podcast:license>' +
          '<podcast:value type="lightning" method="keysend"><podcast:valueRecipient name="Guest" type="node" address="02ab" split="100"/></podcast:value></item>',
        '<title>S</title><itunes:block>Yes</itunes:block>',
        ns,
      ),
    );
    expect(feed.block).toBe(true);
    expect(feed.episodes[0]).toMatchObject({
      funding: [{ url: 'https://example.com/ep-tip', title: 'Tip this one' }],
      license: { name: 'cc0', url: null },
      value: { type: 'lightning', method: 'keysend', recipients: [expect.objectContaining({ name: 'Guest', split: 100 })] },
    });
  });

  it('refuses URLs with schemes other than http(s), and trims whitespace around values', () => {
    const feed = parseFeed(
      rss(
        '<item><title>\n  Spaced\n  title </title><link>javascript:alert(1)</link>' +
          '<enclosure url=" https://x.test/a.mp3 " type="audio/mpeg"/><itunes:image href="data:image/png;base64,AAA"/></item>',
      ),
    );
    expect(feed.episodes[0]).toMatchObject({ title: 'Spaced title', link: null, image: null, enclosure: { url: 'https://x.test/a.mp3' } });
  });

  it('decodes entities and CDATA in titles, including doubly escaped ones', () => {
    const feed = parseFeed(rss('<item><title>Tom &amp;amp; Jerry &#8211; &#x263A;</title></item>' + '<item><title><![CDATA[Q&A: R&amp;D <live>]]></title></item>'));
    expect(feed.episodes.map((e) => e.title)).toEqual(['Tom & Jerry – ☺', 'Q&A: R&D <live>']);
  });
});
