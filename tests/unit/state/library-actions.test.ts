import { beforeEach, describe, expect, test, vi } from 'vitest';

/**
 * The Library's actions are loaded on first use, so the first screen does not carry the feed
 * fetching and parsing behind them. The modules they load are replaced by recorders: a factory
 * runs only when its module is actually imported.
 */
const seen = vi.hoisted(() => ({ loaded: [] as string[], calls: [] as unknown[][] }));

beforeEach(() => {
  seen.loaded = [];
  seen.calls = [];
  vi.resetModules();
  vi.doMock('../../../src/state/library-start', () => {
    seen.loaded.push('library-start');
    return { startLibrary: async () => void seen.calls.push(['startLibrary']) };
  });
  vi.doMock('../../../src/state/refresh', () => {
    seen.loaded.push('refresh');
    return {
      refreshAll: async (options?: unknown) => {
        seen.calls.push(['refreshAll', options]);
        return [{ id: 'https://feeds.example/a.xml', status: 'updated', added: 2 }];
      },
    };
  });
  vi.doMock('../../../src/state/first-run', () => {
    seen.loaded.push('first-run');
    return {
      retryDefaultShow: async (key: string) => void seen.calls.push(['retryDefaultShow', key]),
      dismissDefaultShow: async (key: string) => void seen.calls.push(['dismissDefaultShow', key]),
      followDefaultShowAt: async (key: string, url: string) => void seen.calls.push(['followDefaultShowAt', key, url]),
    };
  });
});

describe('library actions', () => {
  test('loading the module loads none of the code behind the actions', async () => {
    await import('../../../src/state/library-actions');
    expect(seen.loaded).toEqual([]);
  });

  test('each action loads its module on first use and passes its arguments and answer through', async () => {
    const m = await import('../../../src/state/library-actions');
    expect(await m.refreshAll({ staleOnly: true })).toEqual([{ id: 'https://feeds.example/a.xml', status: 'updated', added: 2 }]);
    expect(seen.loaded).toEqual(['refresh']);
    await m.refreshAll();
    await m.startLibrary();
    await m.retryDefaultShow('heavy-networking');
    await m.dismissDefaultShow('night-shift');
    await m.followDefaultShowAt('night-shift', 'https://night.example/feed');
    expect(seen.loaded).toEqual(['refresh', 'library-start', 'first-run']);
    expect(seen.calls).toEqual([
      ['refreshAll', { staleOnly: true }],
      ['refreshAll', undefined],
      ['startLibrary'],
      ['retryDefaultShow', 'heavy-networking'],
      ['dismissDefaultShow', 'night-shift'],
      ['followDefaultShowAt', 'night-shift', 'https://night.example/feed'],
    ]);
  });
});
