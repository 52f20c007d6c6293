import { beforeEach, describe, expect, test } from 'vitest';
import { deleteDB, openDB } from 'idb';
import { db, resetDbConnection, DB_VERSION } from '../../../src/db/open';
import { DB_NAME } from '../../../src/db/schema';
import { exportShowSettings, getShowSettings, importShowSettings, saveShowSettings, updateShowSettings } from '../../../src/state/show-settings';
import { addListenStats, getEpisodeStats, listShowStats } from '../../../src/db/listen-stats';
import { getSetting } from '../../../src/db/settings';

const A = 'https://feeds.example/a';
const B = 'https://feeds.example/b';

beforeEach(async () => {
  (await db().catch(() => null))?.close();
  resetDbConnection();
  await deleteDB(DB_NAME);
});

describe('per-show settings', () => {
  test('saved per show; defaults are not stored; one field can change alone', async () => {
    await saveShowSettings(A, { introSkip: 30, outroSkip: 15, silence: 'strong', volumeBoost: true, autoDownload: true });
    expect(await getShowSettings(A)).toEqual({ introSkip: 30, outroSkip: 15, silence: 'strong', volumeBoost: true, autoDownload: true });
    expect(await getShowSettings(B)).toMatchObject({ introSkip: 0, silence: 'off' });
    await updateShowSettings(A, { silence: 'off' });
    expect(await getShowSettings(A)).toMatchObject({ introSkip: 30, silence: 'off' });
    await saveShowSettings(B, { introSkip: 0, outroSkip: 0, silence: 'off', volumeBoost: false, autoDownload: false });
    expect(await getSetting(`show:${B}`, 'absent')).toBe('absent');
  });

  test('export then import (the backup section) restores settings on a fresh device, with their change times', async () => {
    await saveShowSettings(A, { introSkip: 42, outroSkip: 0, silence: 'mild', volumeBoost: false, autoDownload: true });
    await saveShowSettings(B, { introSkip: 0, outroSkip: 30, silence: 'off', volumeBoost: true, autoDownload: false });
    const backup = JSON.parse(JSON.stringify(await exportShowSettings()));
    expect(backup.map((i: { podcastId: string }) => i.podcastId).sort()).toEqual([A, B]);
    expect(backup.every((i: { updatedAt: number }) => i.updatedAt > 0)).toBe(true);

    (await db()).close();
    resetDbConnection();
    await deleteDB(DB_NAME);
    expect(await importShowSettings(backup)).toEqual({ imported: 2 });
    expect(await getShowSettings(A)).toMatchObject({ introSkip: 42, silence: 'mild', autoDownload: true });
    expect(await getShowSettings(B)).toMatchObject({ outroSkip: 30, volumeBoost: true });
  });

  test('a hostile backup is refused whole, with a reason, and changes nothing', async () => {
    await expect(importShowSettings('nope')).rejects.toThrow(/not a list/);
    const bad = [
      { podcastId: A, settings: { introSkip: 10 }, updatedAt: 1 },
      { podcastId: 'javascript:alert(1)', settings: {}, updatedAt: 1 },
    ];
    await expect(importShowSettings(bad)).rejects.toThrow(/not a feed address/);
    expect(await getShowSettings(A)).toMatchObject({ introSkip: 0 });
    // Values are normalized, not trusted.
    await importShowSettings([{ podcastId: A, settings: { introSkip: 1e9, silence: '<b>', volumeBoost: 'yes' }, updatedAt: 5 }]);
    expect(await getShowSettings(A)).toMatchObject({ introSkip: 600, silence: 'off', volumeBoost: false });
  });
});

describe('listening stats store (v9)', () => {
  test('a database from before v9 gains the store; episode and show rows add up together', async () => {
    // A v3 database as v3 code left it: only the store this test reads back is needed.
    const old = await openDB(DB_NAME, 3, { upgrade: (d) => void d.createObjectStore('settings') });
    await old.put('settings', 30, 'skipForward');
    old.close();
    resetDbConnection();
    const upgraded = await db();
    expect(upgraded.version).toBe(DB_VERSION);
    expect(await upgraded.get('settings', 'skipForward')).toBe(30);

    await addListenStats(A, `${A}\u0000e1`, { listened: 100, savedBySpeed: 50, savedBySilence: 5 });
    await addListenStats(A, `${A}\u0000e2`, { listened: 10, savedBySpeed: 0, savedBySilence: 1 });
    await addListenStats(A, `${A}\u0000e1`, { listened: 1, savedBySpeed: 1, savedBySilence: 1 });
    expect(await getEpisodeStats(`${A}\u0000e1`)).toMatchObject({ listened: 101, savedBySpeed: 51, savedBySilence: 6 });
    const shows = await listShowStats();
    expect(shows).toHaveLength(1);
    expect(shows[0]).toMatchObject({ podcastId: A, listened: 111, savedBySpeed: 51, savedBySilence: 7 });
  });
});
