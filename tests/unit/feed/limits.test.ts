import { describe, expect, it } from 'vitest';
import { FeedError, parseFeed } from '../../../src/core/feed/index';
import { rss } from './helpers';
import { cpuMs } from '../cpu-time';

/** Hostile shapes aimed at quadratic corners: each must finish quickly, with a feed or a FeedError. */
function timed(input: string | Uint8Array): number {
  return cpuMs(() => {
    try {
      parseFeed(input);
    } catch (err) {
      if (!(err instanceof FeedError)) throw err;
    }
  });
}

describe('work is bounded on hostile input', () => {
  it.each([
    ['unterminated quotes in tags', rss('<item><title>x</title>' + '<a b="'.repeat(40_000) + '</item>')],
    ['stray < signs', rss('<item><title>' + '<'.repeat(100_000) + '</title></item>')],
    ['unterminated CDATA openings', rss('<item><title>x</title>' + '<![CDATA['.repeat(30_000))],
    ['a channel of unclosed tags', `<rss><channel>${'<a b="1">'.repeat(30_000)}<title>x</title>`],
    ['deep nesting', rss(`<item><title>x</title>${'<a>'.repeat(50_000)}</item>`)],
    ['stray closing tags', rss('</x>'.repeat(50_000) + '<item><title>x</title></item>')],
    ['CDATA sections inside show notes', rss(`<item><description>${'<![CDATA[a]]>'.repeat(30_000)}</description></item>`)],
    ['items sharing one guid and enclosure', rss('<item><guid>g</guid><enclosure url="https://x.test/a.mp3"/></item>'.repeat(20_000))],
    ['a huge attribute', rss(`<item><enclosure url="${'a'.repeat(1_000_000)}"/></item>`)],
    ['entities everywhere', rss(`<item><title>${'&amp;&lt;&#65;&bogus;&'.repeat(30_000)}</title></item>`)],
  ])('%s', { timeout: 120_000 }, (_name, input) => {
    // Linear work takes tens to hundreds of CPU ms here; a quadratic corner would take minutes. The
    // test's own timeout only stops a runaway: the bound that matters is on CPU time, not the clock.
    expect(timed(input)).toBeLessThan(3_000);
    expect(timed(new TextEncoder().encode(input))).toBeLessThan(3_000);
  });

  it('keeps every copy of a repeated item, each with its own id', () => {
    const feed = parseFeed(rss('<item><guid>g</guid><enclosure url="https://x.test/a.mp3"/></item>'.repeat(500)));
    expect(new Set(feed.episodes.map((e) => e.guid)).size).toBe(500);
  });

  it('refuses input over 64 MB before reading it', () => {
    expect(() => parseFeed(new Uint8Array(64 * 1024 * 1024 + 1))).toThrow(FeedError);
  });
});
