import { describe, expect, it } from 'vitest';
import { FeedError, parseFeed } from '../../../src/core/feed/index';
import { cpuMs } from '../cpu-time';

function failure(input: unknown): FeedError {
  try {
    parseFeed(input as string);
  } catch (err) {
    expect(err).toBeInstanceOf(FeedError);
    return err as FeedError;
  }
  throw new Error('parseFeed did not throw');
}

const bomb = (levels: number, fanout: number): string => {
  let decls = '<!ENTITY lol0 "lol">';
  for (let i = 1; i <= levels; i++) decls += `<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(fanout)}">`;
  return `<?xml version="1.0"?><!DOCTYPE rss [${decls}]><rss><channel><title>&lol${levels};</title></channel></rss>`;
};

describe('input that carries no feed: FeedError with a kind and a message for people', () => {
  it.each([
    ['', 'empty'],
    ['   \n\t ', 'empty'],
    ['{"version":"https://jsonfeed.org/version/1.1","items":[]}', 'json'],
    ['[1,2,3]', 'json'],
    ['<!DOCTYPE html><html><head><title>404</title></head><body>Not found</body></html>', 'html-page'],
    ['<html><body><h1>Apache Tomcat/7.0 - Error report</h1></body></html>', 'html-page'],
    ['\n<HTML>\n<BODY>moved</BODY></HTML>', 'html-page'],
    ['<?xml version="1.0"?><error><code>403</code><message>Forbidden</message></error>', 'not-a-feed'],
    ['ID3\u0004\u0000\u0000\u0000\u0000\u0000\u0000 binary audio', 'not-a-feed'],
  ])('%j → %s', (input, kind) => {
    expect(failure(input).kind).toBe(kind);
  });

  it('words the messages for people', () => {
    expect(failure('<html><body>x</body></html>').message).toBe('This address returned a web page, not a podcast feed');
    expect(failure('').message).toBe('This address returned an empty response, not a podcast feed');
    expect(failure('{}').message).toBe('This address returned JSON data, not a podcast feed');
    expect(failure('<error/>').message).toBe('This address returned an XML document (<error>), not a podcast feed');
  });

  it('refuses entity-expansion bombs, quickly', { timeout: 60_000 }, () => {
    const spent = cpuMs(() => {
      expect(failure(bomb(10, 10)).kind).toBe('entity-bomb'); // billion laughs: 10^10 "lol"s
      const big = 'x'.repeat(50_000);
      const quadratic = `<!DOCTYPE rss [<!ENTITY a "${big}">]><rss><channel><title>${'&a;'.repeat(5_000)}</title></channel></rss>`;
      expect(failure(quadratic).kind).toBe('entity-bomb'); // 250 MB from a 65 KB input
      expect(failure('<!DOCTYPE rss [<!ENTITY a "&b;"><!ENTITY b "&a;">]><rss><channel><title>&a;</title></channel></rss>').kind).toBe('entity-bomb');
    });
    // CPU time, so a loaded machine does not count its waiting for a core against the parser.
    expect(spent).toBeLessThan(2_000);
  });

  it('expands small declared entities and never loads external ones', () => {
    const feed = parseFeed(
      '<!DOCTYPE rss [<!ENTITY show "The &name; Show"><!ENTITY name "Big"><!ENTITY ext SYSTEM "file:///etc/passwd">]>' +
        '<rss><channel><title>&show;</title><description>[&ext;]</description></channel></rss>',
    );
    expect(feed.title).toBe('The Big Show');
    expect(feed.description).toBe('[&ext;]');
    expect(feed.warnings).toContain('Ignored the external entity "ext" (external entities are never loaded)');
  });

  it('rejects input that is neither text nor bytes', () => {
    expect(failure(42).kind).toBe('not-a-feed');
    expect(failure(null).kind).toBe('not-a-feed');
  });

  it('gives an empty feed, not an error, for a channel with no items', () => {
    const feed = parseFeed('<rss><channel><title>Nothing yet</title></channel></rss>');
    expect(feed).toMatchObject({ title: 'Nothing yet', episodes: [], warnings: [] });
  });
});
