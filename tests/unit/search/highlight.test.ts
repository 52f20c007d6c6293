import { describe, expect, test } from 'vitest';
import { highlightRanges, segments, snippet } from '../../../src/core/search/index';

describe('highlightRanges', () => {
  test('marks every occurrence of the matched index terms, through accents and case', () => {
    const text = 'Café talk: the CAFE owner and a cafeteria';
    const ranges = highlightRanges(text, ['cafe']);
    expect(ranges.map((r) => text.slice(r.start, r.end))).toEqual(['Café', 'CAFE']);
  });
  test('adjacent CJK characters merge into one highlight', () => {
    const text = '我在东京工作';
    const ranges = highlightRanges(text, ['东', '京']);
    expect(ranges).toEqual([{ start: 2, end: 4 }]);
  });
  test('nothing to highlight without terms', () => {
    expect(highlightRanges('anything', [])).toEqual([]);
  });
});

describe('segments', () => {
  test('alternate plain and hit pieces covering the whole text', () => {
    const text = 'one two three';
    const parts = segments(text, [{ start: 4, end: 7 }]);
    expect(parts).toEqual([
      { text: 'one ', hit: false },
      { text: 'two', hit: true },
      { text: ' three', hit: false },
    ]);
    expect(parts.map((p) => p.text).join('')).toBe(text);
  });
  test('ignore overlapping or out-of-range ranges rather than duplicating text', () => {
    const parts = segments('abcdef', [
      { start: 1, end: 3 },
      { start: 2, end: 4 },
      { start: 5, end: 99 },
    ]);
    expect(parts.map((p) => p.text).join('')).toBe('abcdef');
  });
});

describe('snippet', () => {
  const words = Array.from({ length: 200 }, (_, i) => `word${i}`);
  test('centres on the first hit, cut at word boundaries, with ranges shifted into it', () => {
    const text = [...words.slice(0, 100), 'quokkalantern', ...words.slice(100)].join(' ');
    const ranges = highlightRanges(text, ['quokkalantern']);
    const s = snippet(text, ranges, 120);
    expect(s.cutStart).toBe(true);
    expect(s.cutEnd).toBe(true);
    expect(s.text.length).toBeLessThanOrEqual(120);
    expect(s.ranges).toHaveLength(1);
    expect(s.text.slice(s.ranges[0].start, s.ranges[0].end)).toBe('quokkalantern');
    expect(s.text.startsWith('word')).toBe(true);
  });
  test('collapses whitespace and keeps the ranges on the right characters', () => {
    const text = 'line one\n\n\n   has   the hit';
    const s = snippet(text, highlightRanges(text, ['hit']), 160);
    expect(s.text).toBe('line one has the hit');
    expect(s.text.slice(s.ranges[0].start, s.ranges[0].end)).toBe('hit');
    expect(s.cutStart).toBe(false);
  });
  test('without hits it is the start of the text', () => {
    const s = snippet(words.join(' '), [], 50);
    expect(s.text.startsWith('word0 word1')).toBe(true);
    expect(s.cutEnd).toBe(true);
  });
});
