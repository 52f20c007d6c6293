import { describe, expect, it } from 'vitest';
import { formatActionTime, parseActionTime, parseSince, replyTimestamp } from '../../server/sync/time';
import { normalizeFeedUrl, parseStateChanges } from '../../server/sync/validate';

const NOW = Date.parse('2026-12-02T12:00:00Z');

describe('action times', () => {
  it.each([
    ['2026-11-30T10:00:00', '2026-11-30T10:00:00'],
    ['2026-11-30T10:00:00Z', '2026-11-30T10:00:00'],
    ['2026-11-30T10:00:00.999Z', '2026-11-30T10:00:00'],
    ['2026-11-30T12:00:00+02:00', '2026-11-30T10:00:00'],
    ['2026-11-30T12:00:00+0200', '2026-11-30T10:00:00'],
    ['2026-11-30T05:30:00-04:30', '2026-11-30T10:00:00'],
    ['2026-11-30 10:00:00', '2026-11-30T10:00:00'],
    ['2026-11-30T10:00', '2026-11-30T10:00:00'],
  ])('%s is read as %s UTC', (sent, stored) => {
    expect(formatActionTime(parseActionTime(sent, NOW)!)).toBe(stored);
  });

  it('takes Unix seconds, clamps the future to now, and refuses what is not a time', () => {
    expect(formatActionTime(parseActionTime(1764496800, NOW)!)).toBe('2025-11-30T10:00:00');
    expect(parseActionTime('2099-01-01T00:00:00', NOW)).toBe(NOW);
    for (const bad of ['yesterday', '2026-13-01T00:00:00', '', '30/11/2026 10:00', -5, NaN, null, {}, 'x'.repeat(60)]) {
      expect(parseActionTime(bad, NOW)).toBeNull();
    }
  });

  it('formats without milliseconds or zone, the one form mygpoclient 1.9 reads', () => {
    expect(formatActionTime(Date.parse('2026-12-02T14:05:09.876Z'))).toBe('2026-12-02T14:05:09');
  });

  it('since is whole seconds; the reply timestamp is a second behind now', () => {
    expect(parseSince(undefined)).toBe(0);
    expect(parseSince('1764684000')).toBe(1764684000_000);
    expect(parseSince('-1')).toBeNull();
    expect(parseSince('1.5')).toBeNull();
    expect(replyTimestamp(NOW + 999)).toBe(NOW / 1000 - 1);
  });
});

describe('feed URLs', () => {
  it.each([
    ['https://Feeds.Example.com/show.xml', 'https://feeds.example.com/show.xml'],
    ['  https://feeds.example.com/show.xml  ', 'https://feeds.example.com/show.xml'],
    ['feed://feeds.example.com/rss', 'http://feeds.example.com/rss'],
    ['itpc://feeds.example.com/rss', 'http://feeds.example.com/rss'],
    ['pcast:feeds.example.com/rss', 'http://feeds.example.com/rss'],
    ['feeds.example.com/rss', 'http://feeds.example.com/rss'],
    ['https://example.com', 'https://example.com/'],
    ['https://example.com/rss#latest', 'https://example.com/rss'],
  ])('%s is stored as %s', (sent, stored) => {
    expect(normalizeFeedUrl(sent)).toBe(stored);
  });

  it.each(['javascript:alert(1)', 'ftp://example.com/rss', 'file:///etc/passwd', 'http://', '', `https://example.com/${'a'.repeat(2100)}`])('%s is refused', (sent) => {
    expect(normalizeFeedUrl(sent)).toBeNull();
  });
});

describe('state items', () => {
  it('keep the newest of duplicate ids in one request and the item JSON verbatim', () => {
    const changes = parseStateChanges(
      {
        queue: [
          { id: 'a', updatedAt: 2, order: 1 },
          { id: 'a', updatedAt: 5, order: 2 },
          { id: 'a', updatedAt: 3, order: 3 },
        ],
      },
      100,
      NOW,
    );
    expect(changes.queue).toEqual([{ id: 'a', updatedAt: 5, deleted: false, body: '{"id":"a","updatedAt":5,"order":2}' }]);
  });

  it('count every section against the per-request cap', () => {
    const items = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `i${i}`, updatedAt: 1 }));
    expect(() => parseStateChanges({ queue: items(3), bookmarks: items(3) }, 5, NOW)).toThrow('At most 5 state items per request');
  });
});
