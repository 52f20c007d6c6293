import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../../src/core/feed/index';
import { fixtureBytes, fixtureText, rss } from './helpers';

/** Broken feeds are still feeds: every complete episode comes back, and `warnings` says what was repaired. */
const titles = (name: string): string[] => parseFeed(fixtureBytes(name)).episodes.map((e) => e.title);

describe('repairs of broken feeds', () => {
  it('reads a bare & as text and understands HTML entities; unknown ones are kept as written', () => {
    const feed = parseFeed(fixtureBytes('bare-amp-html-entities.xml'));
    expect(feed.title).toBe('Beichten & Sünden');
    expect(feed.description).toBe('Café\u00a0talk &gtgt; more');
    expect(feed.episodes.map((e) => [e.guid, e.title, e.enclosure?.url, e.description])).toEqual([
      ['https://example.com/?p=1&L=0', 'Rock & Roll & more', 'https://example.com/a.mp3?id=1&L=0', 'Grüße … © 2010 – x'],
      ['https://example.com/b.mp3', 'Märchen', 'https://example.com/b.mp3', ''],
    ]);
    expect(feed.warnings).toEqual(["Read a bare '&' as text (4 times)", 'Read HTML entities such as &uuml; that XML does not define (8 times)', 'Kept the undefined entity &gtgt; as text']);
  });

  it('reads an itunes: prefix that was never declared', () => {
    const feed = parseFeed(fixtureBytes('undeclared-itunes-prefix.xml'));
    expect(feed).toMatchObject({ author: 'Studio Brussel', image: 'https://example.com/art.jpg' });
    expect(feed.episodes[0]?.duration).toBe(1200);
    expect(feed.warnings).toEqual(['Read the itunes: prefix, used without being declared']);
  });

  it('reads a namespace declared twice on one element', () => {
    const feed = parseFeed(fixtureBytes('duplicate-xmlns.xml'));
    expect(feed.episodes.map((e) => e.duration)).toEqual([3600]);
    expect(feed.warnings).toEqual(['Ignored a second declaration of xmlns:itunes on one element']);
  });

  it('reads a namespace bound to an unusual prefix under its usual name', () => {
    const xml = rss(
      '<item><title>A</title><itms:duration>61</itms:duration><itms:episode>3</itms:episode></item>',
      '<title>S</title>',
      ' xmlns:itms="http://www.itunes.com/DTDs/Podcast-1.0.dtd"',
    ).replace(' xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"', '');
    const feed = parseFeed(xml);
    expect(feed.episodes[0]).toMatchObject({ duration: 61, episode: 3 });
    expect(feed.warnings).toEqual(['Read the itms: prefix as itunes:, the name its namespace usually has']);
  });

  it('skips blank lines before the XML declaration', () => {
    const feed = parseFeed(fixtureBytes('leading-newline.xml'));
    expect(feed.episodes).toHaveLength(1);
    expect(feed.warnings).toEqual(['Ignored blank space before the XML declaration']);
  });

  it('skips a PHP warning printed before the XML', () => {
    const feed = parseFeed(fixtureBytes('php-warning.xml'));
    expect(feed.title).toBe('PHP show');
    expect(feed.episodes.map((e) => e.title)).toEqual(['One', 'Two']);
    expect(feed.warnings).toEqual(['Skipped text before the start of the feed']);
  });

  it('keeps the complete episodes of a file cut off mid-item, bytes or text', () => {
    for (const input of [fixtureBytes('truncated.xml'), fixtureText('truncated.xml')]) {
      const feed = parseFeed(input);
      expect(feed.title).toBe('Cut off');
      expect(feed.episodes.map((e) => e.guid)).toEqual(['1', '2']);
      expect(feed.warnings).toEqual(['The feed is cut off: kept the complete episodes before the cut']);
    }
  });

  it('recovers from mismatched and unclosed tags without losing episodes or fields', () => {
    const feed = parseFeed(fixtureBytes('tag-mismatch.xml'));
    expect(feed.link).toBe('https://example.com/');
    expect(feed.episodes.map((e) => [e.guid, e.title, e.enclosure?.url, e.block ?? false])).toEqual([
      ['one', 'Blocked', 'https://example.com/1.mp3', true],
      ['two', 'Fine', 'https://example.com/2.mp3', false],
      ['three', 'Bold move', 'https://example.com/3.mp3', false],
    ]);
    expect(feed.warnings).toEqual(['Dropped a closing </foo> that had no opening tag', 'Closed a <itunes:block> that was left open']);
  });

  it('reads show details placed straight under <rss> when <channel> is missing', () => {
    const feed = parseFeed(fixtureBytes('missing-channel.xml'));
    expect(feed).toMatchObject({ title: 'No channel element', link: 'https://example.com/' });
    expect(feed.episodes.map((e) => e.title)).toEqual(['A', 'B']);
    expect(feed.warnings).toContain('Read the show details from <rss>: the <channel> element is missing');
  });

  it('closes items that were never closed', () => {
    expect(titles('unclosed-item.xml')).toEqual(['A', 'B']);
    expect(parseFeed(fixtureBytes('unclosed-item.xml')).warnings).toEqual(['Closed an <item> that was never closed (2 times)']);
  });

  it('reads a <br /> left in a title as a space, not as nothing', () => {
    const feed = parseFeed(rss('<item><title>View of Others<br />Sermon on the Mount III</title></item>' + '<item><title>One<b>Two</b> <br> Three</title></item>'));
    expect(feed.episodes.map((e) => e.title)).toEqual(['View of Others Sermon on the Mount III', 'OneTwo Three']);
  });

  it('drops control characters, which XML forbids, from titles', () => {
    const feed = parseFeed(rss('<item><title>A\u0001B\u001fC\u000bD\u007f</title></item>', '<title>\u0008Show</title>'));
    expect([feed.title, feed.episodes[0]?.title]).toEqual(['Show', 'ABC D']);
  });

  it("keeps an episode whose show notes hold a '<' that starts no tag", () => {
    const feed = parseFeed(
      rss(
        '<item><title>Top <3</title><guid>1</guid><itunes:summary>We <3 it: a < b, if x<y then</itunes:summary></item>' +
          '<item><title>B</title><guid>2</guid><description>Fine <![CDATA[ c < d ]]> <!-- < --></description></item>',
      ),
    );
    expect(feed.episodes.map((e) => [e.guid, e.title, e.description])).toEqual([
      ['1', 'Top <3', 'We <3 it: a < b, if x<y then'],
      ['2', 'B', 'Fine  c < d  <!-- < -->'],
    ]);
    expect(feed.warnings).toEqual(["Read a '<' that starts no tag as text (4 times)"]);
  });

  it('treats markup inside show notes as HTML, not as structure', () => {
    const feed = parseFeed(rss('<item><title>A</title><description><p>One<br>two</description><guid>g</guid></item>'));
    expect(feed.episodes[0]).toMatchObject({ guid: 'g', description: '<p>One<br>two' });
    expect(feed.warnings).toEqual([]);
  });
});
