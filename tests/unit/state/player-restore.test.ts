import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { freshDb } from './helpers';

/**
 * Putting the last episode back in the player on start. The player's actions are pretend (they
 * record what they were asked); the settings and play-state stores are real, the pagehide
 * snapshot and the reload flag live in stand-in localStorage / sessionStorage.
 */
const page = vi.hoisted(() => ({
  cued: [] as Array<[string, number | undefined]>,
  plays: 0,
  cueFails: false,
  episode: { value: null as { id: string } | null },
}));
vi.mock('../../../src/state/player', () => ({
  wire: () => undefined,
  currentEpisode: page.episode,
  cueEpisode: async (id: string, at?: number) => {
    if (page.cueFails) throw new Error('This episode is no longer in your library.');
    page.cued.push([id, at]);
  },
  play: async () => void page.plays++,
}));
vi.mock('../../../src/state/player-persist', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../src/state/player-persist')>()),
  // Its timers and page listeners are not what is tested here.
  startPersisting: () => undefined,
}));

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

const EP = 'https://feeds.example/show.xml\u0000ep1';
let local: MemoryStorage;
let session: MemoryStorage;

async function load() {
  vi.resetModules();
  await freshDb();
  return {
    restore: await import('../../../src/state/player-restore'),
    settings: await import('../../../src/db/settings'),
    playState: await import('../../../src/db/play-state'),
    presence: await import('../../../src/state/player-presence'),
  };
}
let s: Awaited<ReturnType<typeof load>>;

beforeEach(async () => {
  Object.assign(page, { cued: [], plays: 0, cueFails: false });
  page.episode.value = null;
  local = new MemoryStorage();
  session = new MemoryStorage();
  vi.stubGlobal('localStorage', local);
  vi.stubGlobal('sessionStorage', session);
  s = await load();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const snapshot = (episodeId: string, position: number, at: number) => local.setItem('hopcast.player.snapshot', JSON.stringify({ episodeId, position, at }));

describe('restorePlayer', () => {
  test('nothing was in the player: nothing is cued', async () => {
    await s.restore.restorePlayer();
    expect(page.cued).toEqual([]);
  });

  test('the last episode comes back paused at its stored position', async () => {
    await s.settings.setSetting('player.currentEpisode', EP);
    await s.playState.savePosition(EP, 321, 600, 5_000);
    await s.restore.restorePlayer();
    expect(page.cued).toEqual([[EP, 321]]);
    expect(page.plays).toBe(0);
  });

  test('a newer pagehide snapshot wins over the last database write; an older one or another episode’s does not', async () => {
    await s.settings.setSetting('player.currentEpisode', EP);
    await s.playState.savePosition(EP, 321, 600, 5_000);
    snapshot(EP, 330, 6_000);
    await s.restore.restorePlayer();
    snapshot(EP, 300, 4_000);
    await s.restore.restorePlayer();
    snapshot('another', 999, 9_000);
    await s.restore.restorePlayer();
    expect(page.cued).toEqual([
      [EP, 330],
      [EP, 321],
      [EP, 321],
    ]);
  });

  test('after the app reloaded itself for an update while playing, it plays on, once', async () => {
    await s.settings.setSetting('player.currentEpisode', EP);
    session.setItem('hopcast.resumeAfterReload', '1');
    await s.restore.restorePlayer();
    expect(page.plays).toBe(1);
    expect(session.getItem('hopcast.resumeAfterReload')).toBeNull();
    await s.restore.restorePlayer();
    expect(page.plays).toBe(1);
  });

  test('something already playing (a play request loaded the player) is kept', async () => {
    await s.settings.setSetting('player.currentEpisode', EP);
    page.episode.value = { id: 'other' };
    await s.restore.restorePlayer();
    expect(page.cued).toEqual([]);
  });

  test('an episode removed with its show: the player starts empty and forgets it', async () => {
    await s.settings.setSetting('player.currentEpisode', EP);
    local.setItem('hopcast.player.present', '1');
    page.cueFails = true;
    await s.restore.restorePlayer();
    expect(await s.settings.getSetting('player.currentEpisode', 'unset')).toBeNull();
    expect(local.getItem('hopcast.player.present')).toBeNull();
  });
});
