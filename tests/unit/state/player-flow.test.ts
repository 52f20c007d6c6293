import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Episode, Podcast } from '../../../src/core/types';
import { freshDb, storedEpisode, storedPodcast } from './helpers';

/**
 * The player with its <audio> element injected (player-audio mocked to hand out a pretend element
 * that fires the media events the test asks for), the real stores and queue, and the audio probe
 * behind a fetch stub: how the sleep timer and a failing source change what the player does.
 * The extras (silence skip, stats, cast) are left out: they are not what is tested here.
 */
class FakeAudio extends EventTarget {
  src = '';
  paused = true;
  currentTime = 0;
  duration = Number.NaN;
  playbackRate = 1;
  defaultPlaybackRate = 1;
  readyState = 0;
  volume = 1;
  muted = false;
  seeking = false;
  error: { code: number } | null = null;
  readonly loads: string[] = [];
  get currentSrc(): string {
    return this.src;
  }
  load(): void {
    this.error = null;
    this.loads.push(this.src);
  }
  play(): Promise<void> {
    if (this.paused) {
      this.paused = false;
      this.dispatchEvent(new Event('play'));
    }
    return Promise.resolve();
  }
  pause(): void {
    if (this.paused) return;
    this.paused = true;
    this.dispatchEvent(new Event('pause'));
  }
  removeAttribute(name: string): void {
    if (name === 'src') this.src = '';
  }
  fail(code: number): void {
    this.error = { code };
    this.paused = true;
    this.dispatchEvent(new Event('error'));
  }
}

const audio = vi.hoisted((): { el: unknown } => ({ el: null }));
vi.mock('../../../src/state/player-audio', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../src/state/player-audio')>()),
  audioElement: () => audio.el,
  unlockAudio: () => undefined,
  endUnlock: () => undefined,
  bufferedRanges: () => [],
}));
vi.mock('../../../src/state/player-extras', () => ({ wirePlayerExtras: () => undefined }));
/**
 * No playlist is playing. Asking it is the first, synchronous step of moving on after an episode,
 * so "the player did not move on" is checked as "it never asked", not by waiting for nothing.
 */
const askedNext = vi.hoisted(() => ({ after: [] as Array<string | null> }));
vi.mock('../../../src/state/playlist-session', () => ({
  nextFromPlaylist: async (after: string | null) => {
    askedNext.after.push(after);
    return null;
  },
}));

const SHOW = 'https://feeds.example/show.xml';
const epId = (guid: string) => `${SHOW}\u0000${guid}`;
const mp3 = (guid: string) => `https://cdn.example/${guid}.mp3`;

const episode = (guid: string, published: number): Episode => storedEpisode(SHOW, guid, published);
const podcast: Podcast = storedPodcast(SHOW);

let el: FakeAudio;
let probeType = 'audio/mpeg';
async function load() {
  vi.resetModules();
  await freshDb();
  const { writeFeed } = await import('../../../src/db/library-writes');
  await writeFeed({ podcast, added: [episode('one', 1), episode('two', 2)], changed: [], countNew: false });
  return {
    player: await import('../../../src/state/player'),
    sleep: await import('../../../src/state/sleep-timer'),
    queue: await import('../../../src/state/queue'),
    playState: await import('../../../src/db/play-state'),
  };
}
let s: Awaited<ReturnType<typeof load>>;

beforeEach(async () => {
  el = new FakeAudio();
  audio.el = el;
  probeType = 'audio/mpeg';
  askedNext.after = [];
  vi.stubGlobal('location', { href: 'https://app.example/', origin: 'https://app.example' });
  vi.stubGlobal('navigator', { onLine: true });
  vi.stubGlobal('fetch', async () => new Response(new Uint8Array([0]), { status: 206, headers: { 'content-type': probeType } }));
  s = await load();
});
afterEach(() => {
  s.sleep.setSleepTimer(null);
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** Plays `one` with `two` queued after it. */
async function playOneThenTwo(): Promise<void> {
  await s.queue.addToQueue(epId('two'), 'last');
  await s.player.playEpisode(epId('one'));
  expect(el.src).toBe(mp3('one'));
  expect(s.player.isPlaying.value).toBe(true);
  el.duration = 600;
}

describe('the sleep timer through the player', () => {
  test('without a timer, the end of an episode marks it played and starts the next in the queue', async () => {
    await playOneThenTwo();
    el.dispatchEvent(new Event('ended'));
    await vi.waitFor(() => expect(s.player.currentEpisode.value?.id).toBe(epId('two')));
    expect(askedNext.after).toEqual([epId('one')]);
    expect(el.src).toBe(mp3('two'));
    expect((await s.playState.getPlayState(epId('one')))?.played).toBe(true);
    expect(s.queue.queue.value).toEqual([]);
  });

  test('"end of episode": the episode is marked played, and the queue waits', async () => {
    await playOneThenTwo();
    s.sleep.setSleepTimer('end-of-episode');
    // The player's timeupdate drives the fade over the last seconds.
    el.currentTime = 596;
    el.dispatchEvent(new Event('timeupdate'));
    expect(el.volume).toBeCloseTo(0.5, 5);

    el.paused = true;
    el.dispatchEvent(new Event('ended'));
    // The timer is cleared in the same step that decides whether to move on.
    await vi.waitFor(() => expect(s.sleep.sleepTimer.value).toBeNull());
    expect(askedNext.after).toEqual([]);
    expect((await s.playState.getPlayState(epId('one')))?.played).toBe(true);
    expect(el.volume).toBe(1);
    expect(s.player.currentEpisode.value?.id).toBe(epId('one'));
    expect(el.src).toBe(mp3('one'));
    expect(s.queue.queue.value.map((e) => e.episodeId)).toEqual([epId('two')]);
  });

  test('a minutes timer pauses the player: not playing, and the position is saved', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'performance'] });
    await playOneThenTwo();
    s.sleep.setSleepTimer(1);
    el.currentTime = 123;
    el.dispatchEvent(new Event('timeupdate'));
    vi.advanceTimersByTime(60_000 + 250);
    expect(el.paused).toBe(true);
    expect(s.player.isPlaying.value).toBe(false);
    expect(s.sleep.sleepTimer.value).toBeNull();
    await vi.waitFor(async () => expect((await s.playState.getPlayState(epId('one')))?.position).toBe(123));
    // Still the same episode, nothing moved on.
    expect(s.player.currentEpisode.value?.id).toBe(epId('one'));
  });
});

describe('a source that fails', () => {
  const proxied = (guid: string) => `/api/audio?url=${encodeURIComponent(mp3(guid))}`;

  test('is retried once through the audio proxy, resuming; a second failure is explained, not retried', async () => {
    probeType = 'audio/x-weird; rate=1';
    await playOneThenTwo();
    el.fail(4);
    await vi.waitFor(() => expect(el.src).toBe(proxied('one')));
    expect(el.paused).toBe(false);
    expect(s.player.playerError.value).toBeNull();

    el.fail(4);
    await vi.waitFor(() => expect(s.player.playerError.value).toBe('This browser cannot play this audio format (audio/x-weird).'));
    expect(el.loads).toEqual([mp3('one'), proxied('one')]);
    expect(s.player.isPlaying.value).toBe(false);
  });

  test('the next episode gets its own proxy retry', async () => {
    await playOneThenTwo();
    el.fail(4);
    await vi.waitFor(() => expect(el.src).toBe(proxied('one')));
    await s.player.playEpisode(epId('two'));
    expect(el.src).toBe(mp3('two'));
    el.fail(4);
    await vi.waitFor(() => expect(el.src).toBe(proxied('two')));
  });

  test('an episode only cued (nobody pressed Play) fails quietly offline, and Play loads it again', async () => {
    vi.stubGlobal('navigator', { onLine: false });
    await s.player.cueEpisode(epId('one'));
    expect(s.player.playerNotice.value).toBe('Not downloaded — you’re offline');
    expect(el.src).toBe('');
    expect(s.player.playerError.value).toBeNull();

    vi.stubGlobal('navigator', { onLine: true });
    await s.player.togglePlay();
    expect(el.src).toBe(mp3('one'));
    expect(el.paused).toBe(false);
  });
});
