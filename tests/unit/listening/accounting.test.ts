import { describe, expect, test } from 'vitest';
import { addPlayed, addSkipped, formatSpan, MAX_TICK_MEDIA_SECONDS, savedTotal, ZERO_TOTALS } from '../../../src/core/time-saved';
import { DEFAULT_SHOW_SETTINGS, normalizeShowSettings, outroStart, pickAutoDownloads, startPosition } from '../../../src/core/show-settings';
import { softClipCurve } from '../../../src/core/gain-curve';

describe('time saved', () => {
  test('listened + saved always equals the media covered', () => {
    let t = { ...ZERO_TOTALS };
    for (let i = 0; i < 240; i++) t = addPlayed(t, 0.25, 1.5); // a minute of media in 40 s, tick by tick
    t = addSkipped(t, 4);
    for (let i = 0; i < 120; i++) t = addPlayed(t, 0.25, 1);
    expect(t.listened).toBeCloseTo(70, 6);
    expect(t.savedBySpeed).toBeCloseTo(20, 6);
    expect(t.savedBySilence).toBe(4);
    expect(t.listened + savedTotal(t)).toBeCloseTo(94, 6);
  });

  test('backwards, zero, implausible or non-finite ticks count nothing', () => {
    for (const [media, rate] of [
      [-3, 1],
      [0, 1],
      [MAX_TICK_MEDIA_SECONDS + 1, 1],
      [1, 0],
      [1, NaN],
      [NaN, 1],
    ] as const) {
      expect(addPlayed(ZERO_TOTALS, media, rate)).toEqual(ZERO_TOTALS);
    }
    expect(addSkipped(ZERO_TOTALS, -1)).toEqual(ZERO_TOTALS);
  });

  test('spans read naturally', () => {
    expect(formatSpan(12.4)).toBe('12 s');
    expect(formatSpan(250)).toBe('4 min 10 s');
    expect(formatSpan(60 * 25)).toBe('25 min');
    expect(formatSpan(7500)).toBe('2 h 5 min');
  });
});

describe('per-show trims', () => {
  const s = { ...DEFAULT_SHOW_SETTINGS, introSkip: 30, outroSkip: 20 };

  test('playback starts after the intro unless already past it', () => {
    expect(startPosition(0, s, 1800)).toBe(30);
    expect(startPosition(12, s, 1800)).toBe(30);
    expect(startPosition(400, s, 1800)).toBe(400);
    // Duration not known yet: the intro still applies.
    expect(startPosition(0, s, 0)).toBe(30);
  });

  test('the outro ends the episode early', () => {
    expect(outroStart(s, 1800)).toBe(1780);
    expect(outroStart(DEFAULT_SHOW_SETTINGS, 1800)).toBeNull();
    expect(outroStart(s, 0)).toBeNull();
  });

  test('trims that would leave under 10 s of a short clip are ignored', () => {
    expect(startPosition(0, s, 55)).toBe(0);
    expect(outroStart(s, 55)).toBeNull();
  });

  test('hostile settings become defaults', () => {
    expect(normalizeShowSettings({ introSkip: -5, outroSkip: 1e9, silence: 'max', volumeBoost: 'yes', autoDownload: 1, extra: 1 })).toEqual({
      introSkip: 0,
      outroSkip: 600,
      silence: 'off',
      volumeBoost: false,
      autoDownload: false,
    });
    expect(normalizeShowSettings(null)).toEqual(DEFAULT_SHOW_SETTINGS);
    expect(normalizeShowSettings({ introSkip: 12.6, silence: 'strong', volumeBoost: true })).toMatchObject({ introSkip: 13, silence: 'strong', volumeBoost: true });
  });
});

describe('per-show auto-download', () => {
  const ep = (id: string, played: 0 | 1 = 0, enclosure: unknown = { url: 'https://x/a.mp3' }) => ({ id, played, enclosure });

  test('the newest new episodes, at most three, skipping played, audio-less and already downloaded ones', () => {
    const list = [ep('e9'), ep('e8', 1), ep('e7', 0, null), ep('e6'), ep('e5'), ep('e4')];
    expect(pickAutoDownloads(list, 2, new Set())).toEqual(['e9']);
    expect(pickAutoDownloads(list, 50, new Set())).toEqual(['e9']);
    expect(pickAutoDownloads([ep('a'), ep('b'), ep('c'), ep('d')], 4, new Set(['b']))).toEqual(['a', 'c']);
    expect(pickAutoDownloads(list, 0, new Set())).toEqual([]);
  });
});

describe('volume boost limiter curve', () => {
  test('never reaches full scale, leaves normal levels untouched, and is monotonic and odd', () => {
    const c = softClipCurve();
    const mid = (c.length - 1) / 2;
    expect(c[mid]).toBe(0);
    expect(Math.max(...c)).toBeLessThan(0.98 + 1e-6);
    expect(Math.min(...c)).toBeGreaterThan(-0.98 - 1e-6);
    for (let i = 1; i < c.length; i++) expect(c[i]).toBeGreaterThanOrEqual(c[i - 1]);
    for (let i = 0; i < c.length; i++) expect(c[i]).toBeCloseTo(-c[c.length - 1 - i], 6);
    // Input 0.25 (about −12 dBFS) maps to itself: the curve spans −4..4, so index = mid + 0.25/4*mid.
    expect(c[mid + Math.round((0.25 / 4) * mid)]).toBeCloseTo(0.25, 2);
  });
});
