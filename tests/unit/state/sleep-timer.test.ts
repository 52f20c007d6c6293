import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';

/**
 * The sleep timer against a pretend <audio> element (the player's one element is injected by
 * mocking player-audio) and a fake clock: the 250 ms ticker and performance.now() both advance
 * only when the test says so.
 */
const audio = vi.hoisted(() => ({
  el: null as null | { paused: boolean; volume: number; duration: number; currentTime: number; playbackRate: number; pause: () => void; pauses: number },
}));
vi.mock('../../../src/state/player-audio', () => ({ audioElement: () => audio.el }));

function fakeAudio() {
  const el = {
    paused: true,
    volume: 0.8,
    duration: Number.NaN,
    currentTime: 0,
    playbackRate: 1,
    pauses: 0,
    pause() {
      el.paused = true;
      el.pauses++;
    },
  };
  return el;
}

type Module = typeof import('../../../src/state/sleep-timer');
let m: Module;
let el: ReturnType<typeof fakeAudio>;

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'performance'] });
  el = fakeAudio();
  audio.el = el;
  // The module keeps its ticker and fade state between calls: each test gets a fresh copy.
  vi.resetModules();
  m = await import('../../../src/state/sleep-timer');
});
afterEach(() => {
  m.setSleepTimer(null);
  vi.useRealTimers();
});

const remaining = () => {
  const t = m.sleepTimer.value;
  if (t?.kind !== 'minutes') throw new Error(`expected a minutes timer, got ${JSON.stringify(t)}`);
  return t.remainingMs;
};

describe('minutes timer', () => {
  test('counts down only while playing, then pauses playback and clears itself', () => {
    m.setSleepTimer(5);
    expect(m.sleepTimer.value).toEqual({ kind: 'minutes', minutes: 5, remainingMs: 300_000 });

    // Paused: a minute passes on the wall clock and none of it counts.
    vi.advanceTimersByTime(60_000);
    expect(remaining()).toBe(300_000);

    el.paused = false;
    vi.advanceTimersByTime(60_000);
    // Within one tick of a minute: the count is by elapsed time, not by number of ticks.
    expect(remaining()).toBeGreaterThanOrEqual(240_000);
    expect(remaining()).toBeLessThanOrEqual(240_250);

    el.paused = true;
    const atPause = remaining();
    vi.advanceTimersByTime(120_000);
    expect(remaining()).toBe(atPause);
    expect(el.pauses).toBe(0);

    el.paused = false;
    vi.advanceTimersByTime(atPause + 250);
    expect(el.pauses).toBe(1);
    expect(el.paused).toBe(true);
    expect(m.sleepTimer.value).toBeNull();
    // The ticker is gone with the timer.
    expect(vi.getTimerCount()).toBe(0);
  });

  test('fades the volume over the last seconds and restores it once playback stopped', () => {
    el.volume = 0.8;
    m.setSleepTimer(1);
    el.paused = false;
    vi.advanceTimersByTime(60_000 - m.FADE_MS - 1_000);
    expect(el.volume).toBe(0.8);

    // Half-way through the fade: half the volume (give or take one tick).
    vi.advanceTimersByTime(1_000 + m.FADE_MS / 2);
    expect(el.volume).toBeGreaterThan(0.8 * 0.45);
    expect(el.volume).toBeLessThan(0.8 * 0.55);
    const mid = el.volume;
    vi.advanceTimersByTime(2_000);
    expect(el.volume).toBeLessThan(mid);

    vi.advanceTimersByTime(m.FADE_MS);
    expect(el.pauses).toBe(1);
    // The listener's own volume is back for the next time they press Play.
    expect(el.volume).toBe(0.8);
  });

  test('cancelling during the fade restores the volume and stops the countdown', () => {
    m.setSleepTimer(1);
    el.paused = false;
    vi.advanceTimersByTime(60_000 - 2_000);
    expect(el.volume).toBeLessThan(0.8 * 0.3);
    m.setSleepTimer(null);
    expect(el.volume).toBe(0.8);
    expect(m.sleepTimer.value).toBeNull();
    vi.advanceTimersByTime(10 * 60_000);
    expect(el.pauses).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  test('choosing again starts over from the new length with one ticker', () => {
    m.setSleepTimer(1);
    el.paused = false;
    vi.advanceTimersByTime(58_000);
    m.setSleepTimer(15);
    expect(el.volume).toBe(0.8);
    expect(remaining()).toBe(15 * 60_000);
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(5_000);
    // The old one-minute timer would have stopped playback by now.
    expect(el.pauses).toBe(0);
    expect(remaining()).toBeGreaterThan(15 * 60_000 - 5_250);
  });

  test('refuses a length that is not a positive number', () => {
    for (const bad of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => m.setSleepTimer(bad)).toThrow(RangeError);
    expect(m.sleepTimer.value).toBeNull();
    expect(vi.getTimerCount()).toBe(0);
  });

  test('the audio element’s own timeupdate ticks do not count time twice', () => {
    m.setSleepTimer(5);
    el.paused = false;
    // timeupdate calls onSleepTick between interval ticks: elapsed time is still measured once.
    for (let i = 0; i < 40; i++) {
      vi.advanceTimersByTime(125);
      m.onSleepTick();
    }
    expect(remaining()).toBeGreaterThanOrEqual(300_000 - 5_000);
    expect(remaining()).toBeLessThanOrEqual(300_000 - 4_750);
  });
});

describe('end of episode', () => {
  test('fades over the last seconds of the episode, scaled by the playback rate', () => {
    m.setSleepTimer('end-of-episode');
    expect(m.sleepTimer.value).toEqual({ kind: 'end-of-episode' });
    // No ticker: it follows the element's own timeupdate.
    expect(vi.getTimerCount()).toBe(0);
    Object.assign(el, { paused: false, duration: 600, currentTime: 500 });
    m.onSleepTick();
    expect(el.volume).toBe(0.8);

    el.currentTime = 596; // 4 s left at 1x: half-way through the fade
    m.onSleepTick();
    expect(el.volume).toBeCloseTo(0.4, 5);

    el.playbackRate = 2; // the same 4 s of audio now last 2 s
    m.onSleepTick();
    expect(el.volume).toBeCloseTo(0.2, 5);
  });

  test('an unknown duration (live stream, metadata not loaded) leaves the volume alone', () => {
    m.setSleepTimer('end-of-episode');
    Object.assign(el, { paused: false, duration: Number.NaN, currentTime: 599 });
    m.onSleepTick();
    expect(el.volume).toBe(0.8);
  });

  test('at `ended` it fires once, restores the volume and clears; a minutes timer does not', () => {
    m.setSleepTimer('end-of-episode');
    Object.assign(el, { paused: false, duration: 600, currentTime: 599 });
    m.onSleepTick();
    expect(el.volume).toBeLessThan(0.8);
    expect(m.endOfEpisodeTimerFired()).toBe(true);
    expect(m.sleepTimer.value).toBeNull();
    expect(el.volume).toBe(0.8);
    expect(m.endOfEpisodeTimerFired()).toBe(false);

    m.setSleepTimer(30);
    expect(m.endOfEpisodeTimerFired()).toBe(false);
    expect(remaining()).toBe(30 * 60_000);
  });
});
