import { describe, expect, test } from 'vitest';
import { formatClock, formatDuration, formatRemaining, parseClock } from '../../../src/core/time';

describe('time formatting', () => {
  test('clock format switches to hours at 3600 s', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(754.9)).toBe('12:34');
    expect(formatClock(3599)).toBe('59:59');
    expect(formatClock(3723)).toBe('1:02:03');
    expect(formatClock(-5)).toBe('0:00');
    expect(formatClock(Number.NaN)).toBe('0:00');
    expect(formatClock(Number.POSITIVE_INFINITY)).toBe('0:00');
    expect(formatRemaining(10, 70)).toBe('-1:00');
    expect(formatRemaining(80, 70)).toBe('-0:00');
  });

  test('durations in words', () => {
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(12 * 60)).toBe('12 min');
    expect(formatDuration(3600)).toBe('1 h');
    expect(formatDuration(3723)).toBe('1 h 2 min');
  });

  test('parses clocks, plain seconds and 1h2m3s; refuses nonsense', () => {
    expect(parseClock('12:34')).toBe(754);
    expect(parseClock('1:02:03')).toBe(3723);
    expect(parseClock('754')).toBe(754);
    expect(parseClock('754.5')).toBe(754.5);
    expect(parseClock('1h2m3s')).toBe(3723);
    expect(parseClock('90s')).toBe(90);
    expect(parseClock(' 0:05 ')).toBe(5);
    for (const bad of ['', '12:60', '1:60:00', 'abc', '-5', '1:2:3:4', 'h', '12:', ':30', 'x'.repeat(40)]) {
      expect(parseClock(bad), bad).toBeNull();
    }
    for (const s of [0, 5, 59, 60, 754, 3599, 3600, 3723, 86399]) expect(parseClock(formatClock(s))).toBe(s);
  });
});
