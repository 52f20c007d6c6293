import { describe, expect, test } from 'vitest';
import { findSameShow } from '../../../src/core/library/same-show';
import { isDue } from '../../../src/core/library/stale';
import type { Podcast } from '../../../src/core/types';

const show = (over: Partial<Podcast>): Podcast => ({
  id: 'https://a.example/feed',
  feedUrl: 'https://a.example/feed',
  title: 'Heavy Networking',
  author: 'Packet Pushers',
  description: '',
  image: null,
  link: null,
  language: null,
  categories: [],
  funding: [],
  persons: [],
  subscribedAt: 0,
  lastRefreshAt: null,
  lastError: null,
  etag: null,
  lastModified: null,
  newCount: 0,
  order: 0,
  podcastGuid: null,
  ...over,
});

describe('findSameShow', () => {
  const followed = [show({ podcastGuid: 'ABC-1' }), show({ id: 'b', title: 'Day Two DevOps', author: 'Packet Pushers' })];
  test('by podcast:guid, whatever the title', () => {
    expect(findSameShow({ podcastGuid: 'abc-1', title: 'Renamed', author: null }, followed)?.id).toBe('https://a.example/feed');
  });
  test('by title and author, ignoring case, accents and spacing', () => {
    expect(findSameShow({ podcastGuid: null, title: ' day  two devops ', author: 'PACKET PUSHERS' }, followed)?.id).toBe('b');
  });
  test('a title alone is not enough', () => {
    expect(findSameShow({ podcastGuid: null, title: 'Day Two DevOps', author: null }, followed)).toBeUndefined();
    expect(findSameShow({ podcastGuid: null, title: 'Day Two DevOps', author: 'Someone Else' }, followed)).toBeUndefined();
  });
});

describe('isDue', () => {
  const now = Date.UTC(2026, 0, 1, 12);
  test('follows the chosen interval; "manual" never refreshes on its own', () => {
    expect(isDue(now - 2 * 3600_000, now, '1h')).toBe(true);
    expect(isDue(now - 2 * 3600_000, now, '6h')).toBe(false);
    expect(isDue(null, now, '24h')).toBe(true);
    expect(isDue(null, now, 'manual')).toBe(false);
  });
});
