// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { followIn, PAUSE_AFTER_USER_SCROLL_MS } from '../../../src/features/transcripts/follow';

describe('follow-along keeps the line in view without fighting the reader', () => {
  let box: HTMLDivElement;
  let line: HTMLSpanElement;
  let scrolls: Array<{ top?: number }>;
  let paused: boolean[];
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['performance'] });
    window.matchMedia = ((q: string) => ({ matches: false, media: q })) as unknown as typeof window.matchMedia;
    box = document.createElement('div');
    line = document.createElement('span');
    box.append(line);
    document.body.append(box);
    scrolls = [];
    box.scrollTo = ((opts: ScrollToOptions) => void scrolls.push({ top: opts.top })) as typeof box.scrollTo;
    paused = [];
  });
  afterEach(() => {
    vi.useRealTimers();
    box.remove();
  });

  test('follows until the reader scrolls, then waits, then follows again; "Back to now" forces it', () => {
    const f = followIn(box, (p) => paused.push(p));
    f.show(line);
    expect(scrolls).toHaveLength(1);
    box.dispatchEvent(new Event('wheel'));
    expect(paused).toEqual([true]);
    f.show(line);
    expect(scrolls).toHaveLength(1);
    vi.advanceTimersByTime(PAUSE_AFTER_USER_SCROLL_MS + 10);
    f.show(line);
    expect(scrolls).toHaveLength(2);
    expect(paused).toEqual([true, false]);
    box.dispatchEvent(new Event('touchmove'));
    f.show(line, true);
    expect(scrolls).toHaveLength(3);
    f.stop();
  });

  test('keys that scroll count as the reader scrolling; a tap on a line does not', () => {
    const f = followIn(box, (p) => paused.push(p));
    line.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    f.show(line);
    expect(scrolls).toHaveLength(1);
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'PageDown' }));
    f.show(line);
    expect(scrolls).toHaveLength(1);
    expect(f.paused()).toBe(true);
  });
});
