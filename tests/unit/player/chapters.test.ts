import { describe, expect, test } from 'vitest';
import { chapterIndexAt, ChaptersError, nextChapterStart, parseChapters, previousChapterStart } from '../../../src/core/chapters';

const doc = {
  version: '1.2.0',
  chapters: [
    { startTime: 60, title: 'Second', img: 'img/2.png' },
    { startTime: 0, title: '  Intro \n ', url: 'https://example.com/a' },
    { startTime: '125.5', title: 'Third', img: 'javascript:alert(1)' },
    { startTime: 90, title: 'Ad', toc: false },
    { startTime: -1, title: 'negative' },
    { title: 'no start' },
    null,
    { startTime: 200, endTime: 210 },
  ],
};

describe('podcast:chapters', () => {
  test('parses, sorts, cleans and skips invalid entries', () => {
    const chapters = parseChapters(JSON.stringify(doc), 'https://cdn.example/show/ep/chapters.json');
    expect(chapters.map((c) => [c.startTime, c.title, c.hidden])).toEqual([
      [0, 'Intro', false],
      [60, 'Second', false],
      [90, 'Ad', true],
      [125.5, 'Third', false],
      [200, 'Chapter 5', false],
    ]);
    expect(chapters[1].img).toBe('https://cdn.example/show/ep/img/2.png');
    expect(chapters[3].img).toBeNull();
    expect(chapters[0].url).toBe('https://example.com/a');
    expect(chapters[4].endTime).toBe(210);
  });

  test('rejects documents that are not chapters', () => {
    expect(() => parseChapters('{oops')).toThrow(ChaptersError);
    expect(() => parseChapters('{"chapters": {}}')).toThrow(/no "chapters" list/);
    expect(() => parseChapters({ chapters: [{ title: 'x' }] })).toThrow(/no chapter with a start time/);
    expect(() => parseChapters('null')).toThrow(ChaptersError);
  });

  test('current chapter lookup, end times and prev/next', () => {
    const chapters = parseChapters(doc);
    expect(chapterIndexAt(chapters, 0)).toBe(0);
    expect(chapterIndexAt(chapters, 59.9)).toBe(0);
    expect(chapterIndexAt(chapters, 95)).toBe(2);
    expect(chapterIndexAt(chapters, 205)).toBe(4);
    expect(chapterIndexAt(chapters, 215)).toBe(-1);
    expect(chapterIndexAt([], 5)).toBe(-1);
    // Next skips the hidden "Ad" chapter.
    expect(nextChapterStart(chapters, 61)).toBe(125.5);
    expect(nextChapterStart(chapters, 201)).toBeNull();
    // Previous: restart the current chapter when well into it, else go one back.
    expect(previousChapterStart(chapters, 70)).toBe(60);
    expect(previousChapterStart(chapters, 61)).toBe(0);
    expect(previousChapterStart(chapters, 1)).toBe(0);
  });
});
