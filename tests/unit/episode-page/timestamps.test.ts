import { describe, expect, test } from 'vitest';
import { findTimestamps } from '../../../src/features/episode-page/timestamps';

const seconds = (text: string, max: number | null = null) => findTimestamps(text, max).map((t) => t.seconds);
const matched = (text: string) => findTimestamps(text).map((t) => text.slice(t.start, t.end));

describe('findTimestamps', () => {
  test('reads m:ss, mm:ss, mmm:ss and h:mm:ss', () => {
    expect(seconds('0:05 12:34 125:00 1:02:03 01:02:03')).toEqual([5, 754, 7500, 3723, 3723]);
  });
  test('finds them in brackets and next to punctuation', () => {
    expect(matched('[12:34] Intro, (1:02:03)- outro; 5:00.')).toEqual(['12:34', '1:02:03', '5:00']);
  });
  test('leaves times of day, ratios, scores with one-digit seconds and longer runs alone', () => {
    expect(matched('10:30 am, 9:15pm, 7:00 p.m.')).toEqual([]);
    expect(matched('16:9 aspect, 3:1 win')).toEqual([]);
    expect(matched('1:02:03:04 and 12:345 and 1.12:30 and 12:30.5')).toEqual([]);
    expect(matched('minutes over 59: 12:60')).toEqual([]);
  });
  test('skips timestamps past the episode end', () => {
    expect(seconds('10:00 and 50:00', 1800)).toEqual([600]);
  });
});
