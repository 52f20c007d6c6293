import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';

/**
 * List and theme preferences, kept per device in localStorage (a Map-backed stand-in here) and
 * read synchronously when the module loads, so the first render already has them.
 */
class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

const root = { dataset: {} as Record<string, string> };
let storage: MemoryStorage;

async function load() {
  vi.resetModules();
  return import('../../../src/state/view-prefs');
}

beforeEach(() => {
  storage = new MemoryStorage();
  root.dataset = {};
  vi.stubGlobal('localStorage', storage);
  vi.stubGlobal('document', { documentElement: root });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('view preferences', () => {
  test('defaults on a new device: newest subscription first, system theme, hourly refresh', async () => {
    const m = await load();
    expect([m.librarySort.value, m.theme.value, m.refreshInterval.value]).toEqual(['recent', 'system', '1h']);
  });

  test('a choice is stored and is there on the next load', async () => {
    const m = await load();
    m.setLibrarySort('title');
    m.setRefreshInterval('manual');
    m.setTheme('dark');
    expect(storage.items.get('hopcast.view.librarySort')).toBe('title');
    const next = await load();
    expect([next.librarySort.value, next.theme.value, next.refreshInterval.value]).toEqual(['title', 'dark', 'manual']);
  });

  test('a stored value this build does not know falls back to the default', async () => {
    storage.setItem('hopcast.view.librarySort', 'by-mood');
    storage.setItem('hopcast.view.refreshInterval', '5m');
    const m = await load();
    expect(m.librarySort.value).toBe('recent');
    expect(m.refreshInterval.value).toBe('1h');
    expect(m.readPref('librarySort', m.LIBRARY_SORTS, 'order')).toBe('order');
  });

  test('blocked storage: defaults, and a choice lasts the visit without an error', async () => {
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    });
    const m = await load();
    expect(m.theme.value).toBe('system');
    expect(() => m.setLibrarySort('latest')).not.toThrow();
    expect(m.librarySort.value).toBe('latest');
  });

  test('the theme is applied to the document: light or dark set, system left to the device', async () => {
    const m = await load();
    m.setTheme('light');
    expect(root.dataset.theme).toBe('light');
    m.setTheme('dark');
    expect(root.dataset.theme).toBe('dark');
    m.setTheme('system');
    expect('theme' in root.dataset).toBe(false);
  });
});
