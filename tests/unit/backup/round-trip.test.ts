import { describe, expect, test, vi } from 'vitest';

const SHOW = 'https://feeds.example/show.xml';
const EP1 = `${SHOW}\u0000g1`;
const EP2 = `${SHOW}\u0000g2`;

/** A fresh module graph on an empty database: one "browser". */
async function browser() {
  vi.resetModules();
  (globalThis as { __APP_VERSION__?: string }).__APP_VERSION__ = 'test';
  const open = await import('../../../src/db/open');
  (await open.db()).close();
  open.resetDbConnection();
  await new Promise<void>((resolve, reject) => {
    const req = indexedDB.deleteDatabase('hopcast');
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
  return {
    backup: await import('../../../src/state/backup/backup'),
    core: await import('../../../src/core/backup'),
    playState: await import('../../../src/db/play-state'),
    queue: await import('../../../src/state/queue'),
    settings: await import('../../../src/db/settings'),
    playlists: await import('../../../src/state/playlists'),
    bookmarks: await import('../../../src/state/bookmarks'),
  };
}

describe('backup through the providers', () => {
  test('export, then import into an empty library: positions, queue, settings, playlists and bookmarks; again: nothing to do', async () => {
    let b = await browser();
    await b.playState.savePosition(EP1, 754.5, 2890, 1_000);
    await b.playState.savePosition(EP2, 30, 600, 1_500);
    await b.playState.setPlayed([EP2], true, 2_000);
    await b.queue.addToQueue(EP2, 'last');
    await b.queue.addToQueue(EP1, 'last');
    await b.settings.setSetting('skipBack', 10, 3_000);
    await b.settings.setSetting('player.currentEpisode', EP1);
    await b.playlists.importPlaylists([{ id: 'p1', kind: 'manual', name: 'Commute', order: 1024, episodeIds: [EP2, EP1], createdAt: 1, updatedAt: 5 }]);
    await b.bookmarks.importBookmarks([{ id: 'k1', episodeId: EP1, podcastId: SHOW, time: 60, note: 'the good bit', episodeTitle: 'One', podcastTitle: 'Show', createdAt: 1, updatedAt: 6 }]);
    const text = JSON.stringify(await b.backup.buildBackup());

    b = await browser();
    const parsed = b.core.parseBackup(text);
    expect(parsed.sections.subscriptions).toEqual([]);
    const preview = await b.backup.previewImport(parsed, 'merge');
    const counts = Object.fromEntries(preview.sections.map((s) => [s.section, [s.add, s.change, s.keep]]));
    expect(counts).toEqual({ subscriptions: [0, 0, 0], playState: [2, 0, 0], queue: [2, 0, 0], settings: [1, 0, 0], playlists: [1, 0, 0], bookmarks: [1, 0, 0], showSettings: [0, 0, 0] });
    await b.backup.applyImport(preview);

    expect(await b.playState.getPlayState(EP1)).toMatchObject({ position: 754.5, duration: 2890, played: false, updatedAt: 1_000 });
    expect((await b.playState.getPlayState(EP2))?.played).toBe(true);
    expect(b.queue.queue.value.map((e) => e.episodeId)).toEqual([EP2, EP1]);
    expect(await b.settings.getSetting('skipBack', 15)).toBe(10);
    // Device facts are not carried over.
    expect(await b.settings.getSetting('player.currentEpisode', null)).toBeNull();
    expect((await b.playlists.exportPlaylists()).map((p) => p.name)).toEqual(['Commute']);
    expect((await b.bookmarks.exportBookmarks())[0]).toMatchObject({ id: 'k1', time: 60, note: 'the good bit' });

    const again = await b.backup.previewImport(parsed, 'merge');
    expect(again.total).toBe(0);
  });

  test('newest wins per item: a position changed here after the backup is kept, an older one is replaced', async () => {
    const b = await browser();
    await b.playState.savePosition(EP1, 100, 3000, 5_000);
    await b.playState.savePosition(EP2, 100, 3000, 1_000);
    await b.queue.addToQueue(EP1, 'last');
    const parsed = b.core.parseBackup(
      JSON.stringify({
        format: 'hopcast-backup',
        version: 1,
        exportedAt: 4_000,
        app: 'x',
        sections: {
          playState: [
            { episodeId: EP1, position: 10, duration: 3000, played: false, updatedAt: 4_000 },
            { episodeId: EP2, position: 200, duration: 3000, played: false, updatedAt: 4_000 },
          ],
          queue: [{ episodeId: EP2 }],
        },
      }),
    );
    const merge = await b.backup.previewImport(parsed, 'merge');
    expect(merge.sections.find((s) => s.section === 'playState')).toMatchObject({ add: 0, change: 1, keep: 1 });
    await b.backup.applyImport(merge);
    expect((await b.playState.getPlayState(EP1))?.position).toBe(100);
    expect((await b.playState.getPlayState(EP2))?.position).toBe(200);
    // Merge deletes nothing: the local queue entry stays, the backup's is appended.
    expect(b.queue.queue.value.map((e) => e.episodeId)).toEqual([EP1, EP2]);
    // Replace, when asked, removes queue entries the backup lacks.
    const replace = await b.backup.previewImport(parsed, 'replace');
    expect(replace.sections.find((s) => s.section === 'queue')).toMatchObject({ remove: 1 });
    await b.backup.applyImport(replace);
    expect(b.queue.queue.value.map((e) => e.episodeId)).toEqual([EP2]);
  });
});
