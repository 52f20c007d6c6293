import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Gap } from '../../../src/core/silence/detector';
import type { SilenceCallbacks } from '../../../src/workers/silence-bridge';
import type { SilenceRequest } from '../../../src/workers/silence-protocol';
import { freshDb, storedEpisode } from './helpers';

/**
 * Skip silence against a pretend <audio> element whose media clock runs on the fake clock, and a
 * pretend silence worker (the bridge is replaced: the test hands it gaps as the worker would). The
 * time saved is read from the real listening stats.
 */
interface Run {
  request: SilenceRequest;
  callbacks: SilenceCallbacks;
  cancelled: boolean;
}
const worker = vi.hoisted(() => ({ runs: [] as Run[] }));
vi.mock('../../../src/workers/silence-bridge', () => ({
  analyzeSilence(request: SilenceRequest, callbacks: SilenceCallbacks) {
    const run: Run = { request, callbacks, cancelled: false };
    worker.runs.push(run);
    return { cancel: () => void (run.cancelled = true) };
  },
}));

/** Media time advances with the (fake) wall clock while playing, at the playback rate. */
class FakeAudio {
  paused = false;
  seeking = false;
  readyState = 4;
  duration = 600;
  readonly seeks: number[] = [];
  private base = 0;
  private at = Date.now();
  private rate = 1;
  get currentTime(): number {
    return this.paused ? this.base : this.base + ((Date.now() - this.at) / 1000) * this.rate;
  }
  set currentTime(t: number) {
    this.rebase(t);
    this.seeks.push(t);
  }
  get playbackRate(): number {
    return this.rate;
  }
  set playbackRate(r: number) {
    this.rebase(this.currentTime);
    this.rate = r;
  }
  /** Where playback is, without counting as a seek by the module. */
  at0(t: number): void {
    this.rebase(t);
  }
  private rebase(t: number): void {
    this.base = t;
    this.at = Date.now();
  }
}

const SHOW = 'https://feeds.example/show.xml';
const A = storedEpisode(SHOW, 'a', 1);
const B = storedEpisode(SHOW, 'b', 2);
// Medium keeps 0.1 s of silence at both edges and ignores gaps under 0.5 s.
const GAP: Gap = { start: 10, end: 13 };

type Module = typeof import('../../../src/state/silence-skip');
let m: Module;
let stats: typeof import('../../../src/state/listen-stats');
let el: FakeAudio;

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  worker.runs = [];
  vi.stubGlobal('navigator', { onLine: true });
  vi.resetModules();
  await freshDb();
  m = await import('../../../src/state/silence-skip');
  stats = await import('../../../src/state/listen-stats');
  el = new FakeAudio();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** Turns skip silence on for `ep` and waits for the worker to be asked. */
async function start(ep = A, strength: 'mild' | 'medium' | 'strong' = 'medium'): Promise<Run> {
  const before = worker.runs.length;
  await m.updateSilenceSkip(el as unknown as HTMLAudioElement, ep, strength);
  expect(worker.runs).toHaveLength(before + 1);
  return worker.runs[before];
}

describe('skip silence', () => {
  test('asks the worker for the episode’s bytes through the same-origin audio proxy, at the strength’s threshold', async () => {
    const run = await start(A, 'strong');
    expect(run.request).toEqual({ url: `/api/audio?url=${encodeURIComponent(A.enclosure!.url)}`, thresholdDb: -35, minSilence: 0.25 });
    expect(m.silenceStatus.value).toEqual({ kind: 'analyzing', analyzed: 0 });
    run.callbacks.onGaps([GAP], 30);
    expect(m.silenceStatus.value).toEqual({ kind: 'analyzing', analyzed: 30 });
    run.callbacks.onDone(600);
    expect(m.silenceStatus.value).toEqual({ kind: 'ready' });
  });

  test('inside a gap it jumps at once, keeps a little silence at both edges, and counts the time saved', async () => {
    el.at0(11);
    const run = await start();
    run.callbacks.onGaps([GAP], 60);
    expect(el.seeks).toEqual([12.9]);
    expect(stats.episodeTotals.value.savedBySilence).toBeCloseTo(12.9 - 11, 6);
  });

  test('before a gap it waits on the clock and jumps when the gap starts, sooner at a higher speed', async () => {
    el.at0(5);
    const run = await start();
    run.callbacks.onGaps([GAP], 60);
    expect(el.seeks).toEqual([]);
    // The jump is due at 10.1 s of media: 5.1 s of wall-clock time at 1x.
    vi.advanceTimersByTime(5_000);
    expect(el.seeks).toEqual([]);
    vi.advanceTimersByTime(100);
    expect(el.seeks).toEqual([12.9]);
    expect(stats.episodeTotals.value.savedBySilence).toBeCloseTo(2.8, 2);

    // The next gap at 2x: half the wall-clock wait, re-armed by the speed change.
    run.callbacks.onGaps([{ start: 20, end: 22 }], 120);
    el.playbackRate = 2;
    m.checkSilence();
    vi.advanceTimersByTime(((20.1 - 12.9) / 2) * 1000 - 50);
    expect(el.seeks).toEqual([12.9]);
    vi.advanceTimersByTime(60);
    expect(el.seeks).toEqual([12.9, 21.9]);
    expect(stats.episodeTotals.value.savedBySilence).toBeCloseTo(2.8 + 1.8, 2);
  });

  test('a pause stops the wait; nothing jumps while paused, seeking or not yet playable', async () => {
    el.at0(5);
    const run = await start();
    run.callbacks.onGaps([GAP], 60);
    el.paused = true;
    m.pauseSilenceTimer();
    vi.advanceTimersByTime(60_000);
    expect(el.seeks).toEqual([]);

    el.at0(11);
    m.checkSilence();
    expect(el.seeks).toEqual([]);
    el.paused = false;
    el.seeking = true;
    m.checkSilence();
    el.seeking = false;
    el.readyState = 1;
    m.checkSilence();
    expect(el.seeks).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
    el.readyState = 4;
    m.checkSilence();
    expect(el.seeks).toEqual([12.9]);
  });

  test('pauses shorter than the strength’s minimum are left alone', async () => {
    el.at0(10.1);
    const run = await start(A, 'mild');
    run.callbacks.onGaps([{ start: 10, end: 10.8 }], 60);
    expect(el.seeks).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });

  test('a jump never lands past the end of the audio', async () => {
    el.duration = 12;
    el.at0(11);
    const run = await start();
    run.callbacks.onGaps([GAP], 60);
    expect(el.seeks).toEqual([12]);
  });

  test('another episode cancels the analysis, and the old worker’s late gaps are ignored', async () => {
    el.at0(11);
    const first = await start(A);
    const second = await start(B);
    expect(first.cancelled).toBe(true);
    first.callbacks.onGaps([GAP], 60);
    first.callbacks.onDone(600);
    expect(el.seeks).toEqual([]);
    expect(m.silenceStatus.value).toEqual({ kind: 'analyzing', analyzed: 0 });
    second.callbacks.onGaps([GAP], 60);
    expect(el.seeks).toEqual([12.9]);
  });

  test('turning it off stops the worker and the jumps; back on, a finished map is reused without decoding again', async () => {
    el.at0(5);
    const run = await start();
    run.callbacks.onGaps([GAP], 600);
    run.callbacks.onDone(600);
    await m.updateSilenceSkip(el as unknown as HTMLAudioElement, A, 'off');
    expect(m.silenceStatus.value).toEqual({ kind: 'off' });
    vi.advanceTimersByTime(10_000);
    expect(el.seeks).toEqual([]);

    el.at0(11);
    await m.updateSilenceSkip(el as unknown as HTMLAudioElement, A, 'medium');
    expect(worker.runs).toHaveLength(1);
    expect(m.silenceStatus.value).toEqual({ kind: 'ready' });
    expect(el.seeks).toEqual([12.9]);
  });

  test('a worker failure is reported, and the gaps it found before still apply', async () => {
    el.at0(11);
    const run = await start();
    run.callbacks.onGaps([GAP], 30);
    run.callbacks.onError('failed', 'The audio could not be decoded.');
    expect(m.silenceStatus.value).toEqual({ kind: 'unavailable', message: 'The audio could not be decoded.' });
    expect(el.seeks).toEqual([12.9]);
  });

  test('offline without a downloaded copy there is nothing to analyse', async () => {
    vi.stubGlobal('navigator', { onLine: false });
    await m.updateSilenceSkip(el as unknown as HTMLAudioElement, A, 'medium');
    expect(worker.runs).toEqual([]);
    expect(m.silenceStatus.value).toEqual({ kind: 'unavailable', message: 'Skip silence needs the network or a downloaded copy of this episode.' });
  });
});
