import { beforeEach, describe, expect, test, vi } from 'vitest';
import { freshDb } from './helpers';

/** Skip lengths and per-show speeds, stored in the real settings store (fake-indexeddb). */
async function load() {
  vi.resetModules();
  await freshDb();
  return { m: await import('../../../src/state/playback-settings'), settings: await import('../../../src/db/settings') };
}
let s: Awaited<ReturnType<typeof load>>;
beforeEach(async () => {
  s = await load();
});

describe('skip lengths', () => {
  test('defaults until something is stored; a stored choice is read back', async () => {
    await s.m.loadPlaybackSettings();
    expect([s.m.skipBack.value, s.m.skipForward.value]).toEqual([s.m.DEFAULT_SKIP_BACK, s.m.DEFAULT_SKIP_FORWARD]);
    await s.m.setSkipLength('back', 5);
    await s.m.setSkipLength('forward', 90);
    expect(await s.settings.getSetting('skipBack', 0)).toBe(5);

    // A new page load over the same store: fresh modules, the stored choices come back.
    vi.resetModules();
    const fresh = await import('../../../src/state/playback-settings');
    expect(fresh.skipBack.value).toBe(fresh.DEFAULT_SKIP_BACK);
    await fresh.loadPlaybackSettings();
    expect([fresh.skipBack.value, fresh.skipForward.value]).toEqual([5, 90]);
  });

  test('a bad stored value (an old build, a hand-edited backup) falls back to the default', async () => {
    await s.settings.setSetting('skipBack', 'ten');
    await s.settings.setSetting('skipForward', 4_000);
    await s.m.loadPlaybackSettings();
    expect([s.m.skipBack.value, s.m.skipForward.value]).toEqual([s.m.DEFAULT_SKIP_BACK, s.m.DEFAULT_SKIP_FORWARD]);
  });

  test('a bad choice keeps the current length, and is not stored', async () => {
    await s.m.setSkipLength('forward', 45);
    for (const bad of [0, -10, 2.5, 601, Number.NaN]) {
      await s.m.setSkipLength('forward', bad);
      expect(s.m.skipForward.value).toBe(45);
    }
    expect(await s.settings.getSetting('skipForward', 0)).toBe(45);
  });
});

describe('speed', () => {
  test('clampSpeed keeps 0.5–3 in 0.1 steps, 1 for garbage', () => {
    expect([0.1, 0.5, 1.04, 1.25, 2.96, 3, 7, Number.NaN, Number.POSITIVE_INFINITY].map(s.m.clampSpeed)).toEqual([0.5, 0.5, 1, 1.3, 3, 3, 3, 1, 1]);
    expect(s.m.SPEED_CHOICES[0]).toBe(0.5);
    expect(s.m.SPEED_CHOICES.at(-1)).toBe(3);
    expect(s.m.SPEED_CHOICES).toHaveLength(26);
    expect(s.m.SPEED_CHOICES.every((v) => s.m.clampSpeed(v) === v)).toBe(true);
  });

  test('each show remembers its own speed, clamped; unknown or garbage is 1', async () => {
    await s.m.rememberSpeed('show-a', 1.55);
    await s.m.rememberSpeed('show-b', 9);
    expect(await s.m.speedForShow('show-a')).toBe(1.6);
    expect(await s.m.speedForShow('show-b')).toBe(3);
    expect(await s.m.speedForShow('show-c')).toBe(1);
    await s.settings.setSetting('speed:show-d', 'fast');
    expect(await s.m.speedForShow('show-d')).toBe(1);
    // Stored by something else (a backup, a sync from an older build): clamped on the way out too.
    await s.settings.setSetting('speed:show-e', 12);
    expect(await s.m.speedForShow('show-e')).toBe(3);
  });
});
