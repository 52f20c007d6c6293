import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { TabMessage } from '../../../src/state/tabs';

/**
 * One player across tabs. This tab is player-tabs.ts over a pretend <audio> element and a pretend
 * player; the other tab is a plain BroadcastChannel on the same name, so every message really
 * crosses a channel.
 */
const page = vi.hoisted(() => {
  // The pretend <audio> element, set per test.
  const el: unknown = null;
  return {
    el,
    paused: 0,
    followed: [] as Array<[string, number]>,
    historyReads: 0,
    libraryReads: 0,
    episode: { value: null as { id: string } | null },
    position: { value: 0 },
    duration: { value: 0 },
  };
});
vi.mock('../../../src/state/player-audio', () => ({ audioElement: () => page.el }));
vi.mock('../../../src/state/player', () => ({
  currentEpisode: page.episode,
  position: page.position,
  duration: page.duration,
  pause: () => {
    page.paused++;
    (page.el as FakeAudio).paused = true;
  },
  followOtherTab: async (id: string, at: number) => void page.followed.push([id, at]),
}));
vi.mock('../../../src/state/history', () => ({ refreshHistory: async () => void page.historyReads++ }));
vi.mock('../../../src/state/library', () => ({ libraryChanged: async () => void page.libraryReads++ }));

class FakeAudio extends EventTarget {
  paused = true;
  currentTime = 0;
}

/** Every channel a tab module opens, closed after each test so an earlier "tab" stops listening. */
const RealChannel = globalThis.BroadcastChannel;
const opened: BroadcastChannel[] = [];
class TrackedChannel extends RealChannel {
  constructor(name: string) {
    super(name);
    opened.push(this);
  }
}

let el: FakeAudio;
let other: BroadcastChannel;
let heard: TabMessage[];
let tabId: string;

beforeEach(async () => {
  el = new FakeAudio();
  Object.assign(page, { el, paused: 0, followed: [], historyReads: 0, libraryReads: 0 });
  page.episode.value = { id: 'ep-1' };
  page.position.value = 0;
  page.duration.value = 600;
  heard = [];
  vi.stubGlobal('BroadcastChannel', TrackedChannel);
  other = new RealChannel('hopcast-tabs');
  other.onmessage = (event: MessageEvent<TabMessage>) => void heard.push(event.data);
  vi.resetModules();
  tabId = (await import('../../../src/state/tabs')).TAB_ID;
  (await import('../../../src/state/player-tabs')).startTabSync();
});
afterEach(() => {
  other.close();
  for (const channel of opened.splice(0)) channel.close();
  vi.unstubAllGlobals();
});

describe('this tab tells the others', () => {
  test('that it plays, where it is while playing, and where a paused seek went', async () => {
    el.paused = false;
    el.dispatchEvent(new Event('play'));
    page.position.value = 42;
    el.dispatchEvent(new Event('timeupdate'));
    el.paused = true;
    el.currentTime = 99;
    el.dispatchEvent(new Event('seeked'));
    await vi.waitFor(() => expect(heard).toHaveLength(3));
    expect(heard).toEqual([
      { type: 'playing', tab: tabId, episodeId: 'ep-1' },
      { type: 'position', tab: tabId, episodeId: 'ep-1', position: 42, duration: 600 },
      { type: 'position', tab: tabId, episodeId: 'ep-1', position: 99, duration: 600 },
    ]);
  });

  test('nothing about position while paused, and a pause asks the others to re-read history', async () => {
    el.dispatchEvent(new Event('timeupdate'));
    el.dispatchEvent(new Event('pause'));
    await vi.waitFor(() => expect(heard).toHaveLength(1));
    expect(heard).toEqual([{ type: 'history' }]);
  });
});

describe('this tab hears the others', () => {
  test('another tab starting to play pauses this one', async () => {
    el.paused = false;
    other.postMessage({ type: 'playing', tab: 'other', episodeId: 'ep-2' });
    await vi.waitFor(() => expect(page.paused).toBe(1));
    // Already paused: nothing more to do.
    other.postMessage({ type: 'playing', tab: 'other', episodeId: 'ep-2' });
    other.postMessage({ type: 'history' });
    await vi.waitFor(() => expect(page.historyReads).toBe(1));
    expect(page.paused).toBe(1);
  });

  test('a paused tab follows the playing tab’s episode and position; a playing one does not', async () => {
    other.postMessage({ type: 'position', tab: 'other', episodeId: 'ep-2', position: 12.5, duration: 900 });
    await vi.waitFor(() => expect(page.followed).toEqual([['ep-2', 12.5]]));
    el.paused = false;
    other.postMessage({ type: 'position', tab: 'other', episodeId: 'ep-2', position: 13, duration: 900 });
    other.postMessage({ type: 'history' });
    await vi.waitFor(() => expect(page.historyReads).toBe(1));
    expect(page.followed).toEqual([['ep-2', 12.5]]);
  });

  test('a library change elsewhere re-reads the library, then history', async () => {
    other.postMessage({ type: 'library' });
    await vi.waitFor(() => expect(page.historyReads).toBe(1));
    expect(page.libraryReads).toBe(1);
  });
});
