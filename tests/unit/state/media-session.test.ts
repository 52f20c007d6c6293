import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Episode, Podcast } from '../../../src/core/types';
import { freshDb, storedEpisode, storedPodcast } from './helpers';

/**
 * Lock-screen controls: navigator.mediaSession and MediaMetadata are stand-ins that record what
 * they are given; the player and its chapters are pretend (their actions are recorded), the
 * queue and history are the real modules over fake-indexeddb.
 */
type Handler = (details: { seekOffset?: number; seekTime?: number }) => void;
class FakeSession {
  readonly handlers = new Map<string, Handler>();
  metadata: unknown = undefined;
  playbackState = 'none';
  readonly positions: unknown[] = [];
  setActionHandler(action: string, handler: Handler): void {
    // Like an older Safari: an action it does not know throws.
    if (action === 'seekto') throw new TypeError('unknown action');
    this.handlers.set(action, handler);
  }
  setPositionState(state: unknown): void {
    this.positions.push(state);
  }
}
class FakeMetadata {
  constructor(readonly init: { title: string; artist: string; album: string; artwork: Array<{ src: string; sizes: string }> }) {}
}

const SHOW = 'https://feeds.example/show.xml';
const did: string[] = [];
let session: FakeSession;

async function load() {
  vi.resetModules();
  await freshDb();
  // Fresh pretend signals per test (a mock factory's result outlives vi.resetModules()).
  vi.doMock('../../../src/state/player', async () => {
    const { signal } = await import('@preact/signals');
    const position = signal(0);
    return {
      currentEpisode: signal<Episode | null>(null),
      currentPodcast: signal<Podcast | null>(null),
      isPlaying: signal(false),
      duration: signal(0),
      position,
      playbackRate: signal(1),
      currentTime: () => position.value,
      play: async () => void did.push('play'),
      pause: () => void did.push('pause'),
      seekTo: (t: number) => void did.push(`seek ${t}`),
      skipBy: (t: number) => void did.push(`skip ${t}`),
      playEpisode: async (id: string) => void did.push(`play ${id}`),
      playNextInQueue: async () => void did.push('next in queue'),
    };
  });
  vi.doMock('../../../src/state/player-chapters', async () => {
    const { signal } = await import('@preact/signals');
    return {
      hasChapters: signal(false),
      currentChapter: signal(null),
      startChapters: () => undefined,
      nextChapter: () => (did.push('next chapter'), chapterAtEnd.value ? false : true),
      previousChapter: () => void did.push('previous chapter'),
    };
  });
  const m = await import('../../../src/state/media-session');
  m.startMediaSession();
  return {
    player: (await import('../../../src/state/player')) as unknown as Record<'currentEpisode' | 'currentPodcast' | 'isPlaying' | 'duration' | 'position' | 'playbackRate', { value: unknown }>,
    chapters: (await import('../../../src/state/player-chapters')) as unknown as Record<'hasChapters' | 'currentChapter', { value: unknown }>,
    history: await import('../../../src/state/history'),
    queue: await import('../../../src/state/queue'),
  };
}
const chapterAtEnd = { value: false };
let s: Awaited<ReturnType<typeof load>>;

beforeEach(async () => {
  did.length = 0;
  chapterAtEnd.value = false;
  session = new FakeSession();
  vi.stubGlobal('navigator', { mediaSession: session });
  vi.stubGlobal('MediaMetadata', FakeMetadata);
  s = await load();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const press = (action: string, details: { seekOffset?: number; seekTime?: number } = {}) => {
  const handler = session.handlers.get(action);
  if (!handler) throw new Error(`no handler for ${action}`);
  handler(details);
};

describe('media session actions', () => {
  test('play, pause and skips (the listener’s skip lengths unless the platform gives one)', async () => {
    press('play');
    press('pause');
    press('seekbackward');
    press('seekforward');
    press('seekbackward', { seekOffset: 5 });
    await vi.waitFor(() => expect(did).toEqual(['play', 'pause', 'skip -15', 'skip 30', 'skip -5']));
    // An action the browser refuses does not stop the others from being registered.
    expect([...session.handlers.keys()]).toEqual(['play', 'pause', 'seekbackward', 'seekforward', 'previoustrack', 'nexttrack']);
  });

  test('"previous": the chapter before, else the start when well into the episode (even with history)', () => {
    s.chapters.hasChapters.value = true;
    press('previoustrack');
    s.chapters.hasChapters.value = false;
    s.player.currentEpisode.value = storedEpisode(SHOW, 'now', 2);
    const state = { episodeId: `${SHOW}\u0000before`, position: 10, duration: 600, played: false, updatedAt: 1 };
    s.history.history.value = [{ state, episode: storedEpisode(SHOW, 'before', 1) }];
    s.player.position.value = 42;
    press('previoustrack');
    expect(did).toEqual(['previous chapter', 'seek 0']);
  });

  test('"previous" near the start: the last episode played comes back, the current one queued next', async () => {
    s.player.currentEpisode.value = storedEpisode(SHOW, 'now', 2);
    s.player.position.value = 1;
    press('previoustrack');
    await vi.waitFor(() => expect(did).toEqual(['seek 0']));
    const state = { episodeId: `${SHOW}\u0000before`, position: 10, duration: 600, played: false, updatedAt: 1 };
    s.history.history.value = [
      { state: { ...state, episodeId: `${SHOW}\u0000now` }, episode: storedEpisode(SHOW, 'now', 2) },
      { state, episode: storedEpisode(SHOW, 'before', 1) },
    ];
    press('previoustrack');
    await vi.waitFor(() => expect(did).toEqual(['seek 0', `play ${SHOW}\u0000before`]));
    expect(s.queue.queue.value.map((e) => e.episodeId)).toEqual([`${SHOW}\u0000now`]);
  });

  test('"next": the next chapter, else (no chapters, or the last one) the next in the queue', async () => {
    s.chapters.hasChapters.value = true;
    press('nexttrack');
    await vi.waitFor(() => expect(did).toEqual(['next chapter']));
    chapterAtEnd.value = true;
    press('nexttrack');
    await vi.waitFor(() => expect(did).toEqual(['next chapter', 'next chapter', 'next in queue']));
  });
});

describe('what the lock screen shows', () => {
  test('the episode (with its chapter), the show, artwork at every size, play state and position', () => {
    expect(session.metadata).toBeNull();
    expect(session.playbackState).toBe('none');
    s.player.currentPodcast.value = { ...storedPodcast(SHOW, 'The Show'), author: 'Host', image: 'https://cdn.example/show.jpg' };
    s.player.currentEpisode.value = storedEpisode(SHOW, 'ep', 1);
    expect((session.metadata as FakeMetadata).init).toMatchObject({ title: 'ep', artist: 'Host', album: 'The Show' });
    expect((session.metadata as FakeMetadata).init.artwork.map((a) => a.sizes)).toEqual(['96x96', '128x128', '192x192', '256x256', '384x384', '512x512']);
    s.chapters.currentChapter.value = { title: 'News', hidden: false, img: 'https://cdn.example/news.jpg', startTime: 0 };
    expect((session.metadata as FakeMetadata).init.title).toBe('News · ep');
    expect((session.metadata as FakeMetadata).init.artwork[0]?.src).toBe('https://cdn.example/news.jpg');

    expect(session.playbackState).toBe('paused');
    s.player.isPlaying.value = true;
    expect(session.playbackState).toBe('playing');

    // No position before the duration is known; then clamped to it.
    expect(session.positions).toEqual([]);
    s.player.duration.value = 600;
    s.player.position.value = 650;
    expect(session.positions.at(-1)).toEqual({ duration: 600, playbackRate: 1, position: 600 });
  });
});
