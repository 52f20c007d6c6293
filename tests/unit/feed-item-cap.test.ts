import { describe, expect, it } from 'vitest';
import { MAX_ITEMS, parseFeed } from '../../src/core/feed/index';
import { podcastFromFeed } from '../../src/core/library/merge';

const feed = (n: number, item = (i: number) => `<item><guid>g${i}</guid><title>E${i}</title></item>`) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Many</title>${Array.from({ length: n }, (_, i) => item(i)).join('')}</channel></rss>`;

describe('feed engine item cap', () => {
  it('keeps the first maxItems items in feed order and says the feed was truncated', () => {
    const parsed = parseFeed(new TextEncoder().encode(feed(50)), 'https://example.com/f.xml', { maxItems: 10 });
    expect(parsed.episodes).toHaveLength(10);
    expect(parsed.episodes.map((e) => e.guid)).toEqual(Array.from({ length: 10 }, (_, i) => `g${i}`));
    expect(parsed.truncatedFrom).toBe(50);
    expect(parsed.warnings).toContain('The feed lists 50 episodes; only the first 10 were read');
    // The show record carries it, so the Show page can say so.
    expect(podcastFromFeed(parsed, undefined, { id: 'p', feedUrl: 'https://example.com/f.xml', now: 1, order: 0 }).truncatedFrom).toBe(50);
  });

  it('leaves a feed under the cap alone', () => {
    const parsed = parseFeed(feed(10), undefined, { maxItems: 10 });
    expect(parsed.episodes).toHaveLength(10);
    expect(parsed.truncatedFrom).toBeNull();
    expect(parsed.warnings.join()).not.toMatch(/truncated|only the first/);
  });

  it(`caps at ${MAX_ITEMS} by default: a flood of empty <item>s does not become a flood of episodes`, () => {
    const parsed = parseFeed(new TextEncoder().encode(feed(MAX_ITEMS + 500, () => '<item></item>')));
    expect(parsed.episodes.length).toBeLessThanOrEqual(MAX_ITEMS);
    expect(parsed.truncatedFrom).toBe(MAX_ITEMS + 500);
  });

  it('counts unchanged items against the cap too', () => {
    const first = parseFeed(feed(20), undefined, { maxItems: 15 });
    const known = new Set(first.episodes.map((e) => e.fingerprint));
    const again = parseFeed(feed(20), undefined, { maxItems: 15, known });
    expect(again.unchanged.length + again.episodes.length).toBe(15);
  });
});
