import { describe, expect, test } from 'vitest';
import { SpeedMeter } from '../../../src/downloads/speed';
import { formatBytes, formatSpeed, percentOf } from '../../../src/core/format-bytes';

describe('SpeedMeter', () => {
  test('unknown at first, then bytes per second over windows of at least 500 ms, smoothed', () => {
    const m = new SpeedMeter();
    expect(m.sample(0, 1000)).toBeNull();
    expect(m.sample(100_000, 1200)).toBeNull();
    expect(m.sample(1_000_000, 2000)).toBe(1_000_000);
    // A slower second window moves the figure only part of the way.
    const next = m.sample(1_500_000, 3000)!;
    expect(next).toBeGreaterThan(500_000);
    expect(next).toBeLessThan(1_000_000);
    expect(next).toBeCloseTo(0.3 * 500_000 + 0.7 * 1_000_000);
  });
});

describe('format', () => {
  test('bytes in decimal units', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(48274)).toBe('48.3 KB');
    expect(formatBytes(480235)).toBe('480 KB');
    expect(formatBytes(104857600)).toBe('105 MB');
    expect(formatBytes(1.5e9)).toBe('1.5 GB');
    expect(formatBytes(-1)).toBe('–');
    expect(formatSpeed(2_400_000)).toBe('2.4 MB/s');
  });
  test('percent never claims 100 before the last byte', () => {
    expect(percentOf(0, 100)).toBe(0);
    expect(percentOf(999, 1000)).toBe(99);
    expect(percentOf(1000, 1000)).toBe(100);
    expect(percentOf(5, null)).toBeNull();
    expect(percentOf(5, 0)).toBeNull();
  });
});
