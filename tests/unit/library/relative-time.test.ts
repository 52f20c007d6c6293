import { describe, expect, test } from 'vitest';
import { timeAgo } from '../../../src/features/library/relative-time';

describe('timeAgo', () => {
  const now = Date.UTC(2026, 5, 1, 10);
  test('a moment after now (clock skew, a stale render clock) is "just now", never "in …"', () => {
    expect(timeAgo(now + 50_000, now)).toBe('just now');
    expect(timeAgo(now + 3 * 86_400_000, now)).toBe('just now');
  });
  test('past times read as ago', () => {
    expect(timeAgo(now - 3 * 60_000, now)).toBe('3 minutes ago');
    expect(timeAgo(now - 2 * 3600_000, now)).toBe('2 hours ago');
  });
});
