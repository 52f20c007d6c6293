import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';

/**
 * When automatic refreshes run: once at start unless this is the first run, then every five
 * minutes while the app is online and visible. The refresh itself and the first run are pretend
 * here (refresh.test.ts and the first-run tests cover them); the clock is fake.
 */
const calls = vi.hoisted(() => ({ refreshAll: [] as unknown[], retried: 0, firstRunFresh: false, order: [] as string[] }));
vi.mock('../../../src/state/refresh', () => ({
  refreshAll: async (options: unknown) => {
    calls.refreshAll.push(options);
    calls.order.push('refresh');
    return [];
  },
}));
vi.mock('../../../src/state/first-run', () => ({
  runFirstRun: async () => {
    calls.order.push('first-run');
    return calls.firstRunFresh;
  },
  retryWhenOnline: () => calls.order.push('retry-when-online'),
  retryFailedDefaultShows: async () => {
    calls.retried++;
  },
}));
vi.mock('../../../src/state/library', () => ({ loadLibrary: async () => void calls.order.push('load') }));

const page = { hidden: false };
const FIVE_MIN = 5 * 60_000;

async function start(fresh: boolean, online = true) {
  calls.firstRunFresh = fresh;
  vi.resetModules();
  const { online: onlineSignal } = await import('../../../src/state/online');
  onlineSignal.value = online;
  const m = await import('../../../src/state/library-start');
  await m.startLibrary();
  return { m, online: onlineSignal };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  vi.stubGlobal('document', page);
  page.hidden = false;
  calls.refreshAll = [];
  calls.retried = 0;
  calls.order = [];
});
afterEach(() => {
  vi.clearAllTimers();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('automatic refresh', () => {
  test('a returning listener: stale shows are refreshed at start, after the library is read and the first run checked', async () => {
    await start(false);
    expect(calls.order).toEqual(['load', 'retry-when-online', 'first-run', 'refresh']);
    expect(calls.refreshAll).toEqual([{ staleOnly: true }]);
    expect(calls.retried).toBe(1);
  });

  test('a fresh install refreshes nothing at start: the first run has just fetched every show', async () => {
    await start(true);
    expect(calls.refreshAll).toEqual([]);
    expect(calls.retried).toBe(0);
  });

  test('offline at start: nothing is fetched', async () => {
    await start(false, false);
    expect(calls.refreshAll).toEqual([]);
  });

  test('every five minutes while online and visible, stale shows only; skipped when hidden or offline', async () => {
    const { m, online } = await start(true);
    vi.advanceTimersByTime(FIVE_MIN - 1);
    expect(calls.refreshAll).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(calls.refreshAll).toEqual([{ staleOnly: true }]);

    page.hidden = true;
    vi.advanceTimersByTime(FIVE_MIN);
    expect(calls.refreshAll).toHaveLength(1);

    page.hidden = false;
    online.value = false;
    vi.advanceTimersByTime(FIVE_MIN);
    expect(calls.refreshAll).toHaveLength(1);

    online.value = true;
    vi.advanceTimersByTime(FIVE_MIN);
    expect(calls.refreshAll).toHaveLength(2);

    // Starting again (another screen mounting) neither reruns the start nor adds a second timer.
    await m.startLibrary();
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(FIVE_MIN);
    expect(calls.refreshAll).toHaveLength(3);
  });
});
