/**
 * Backup and restore in Chromium: a library exported from one browser imports into a fresh one
 * (shows, queue in order, positions, settings), a second import changes nothing, and hostile
 * files are refused with a sentence and leave everything as it was.
 */
import { readFileSync, writeFileSync, mkdtempSync, openSync, ftruncateSync, closeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { CHAPTERS_CORS, checkConsole, FIRST_RUN_REFUSALS, startStack, type Stack } from './harness';
import { addPlayerShow, openQueue, openShow, PLAYER_SHOW, queueTitles, subscribe, waitForAudio } from './player-helpers';
import { openSettings, pauseFromMiniPlayer, playAt, shot } from './backup-helpers';

const NETWORK = 'Fixture Network Show';
const E1 = 'Episode 1: Routing in a hurry';
const E2 = 'Episode 2: Automating the network';
const LONG = 'Long talk with chapters';

describe('backup', () => {
  let stack: Stack;
  let dir: string;

  beforeAll(async () => {
    stack = await startStack();
    addPlayerShow(stack);
    dir = mkdtempSync(path.join(os.tmpdir(), 'hopcast-backup-'));
  });
  afterAll(async () => {
    await stack?.close();
  });
  // The player show's chapters file is on a host without CORS: every test that plays it logs that.
  checkConsole(() => stack, [...FIRST_RUN_REFUSALS, ...CHAPTERS_CORS]);

  /** A page in a context of its own, following both shows, with E2 then E1 queued. */
  async function queuedPage(): Promise<Page> {
    const page = await stack.newPage(await stack.newContext());
    await page.goto(stack.appUrl);
    await subscribe(page, `${stack.fixtures.origin}/feeds/network-show.xml`, NETWORK);
    await subscribe(page, `${stack.fixtures.origin}/feeds/${PLAYER_SHOW.file}`, PLAYER_SHOW.title);
    await openShow(page, NETWORK);
    for (const title of [E2, E1]) await page.getByRole('button', { name: `Add to queue ${title}` }).click();
    await openQueue(page);
    await expect.poll(() => queueTitles(page), { timeout: 10_000 }).toEqual([E2, E1]);
    return page;
  }

  /** Exports a backup from Settings and returns where it was saved (a folder of the test's own). */
  async function exportBackup(page: Page): Promise<string> {
    await openSettings(page);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export backup' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^hopcast-backup-\d{4}-\d\d-\d\d\.json$/);
    const saved = path.join(mkdtempSync(path.join(dir, 'export-')), file.suggestedFilename());
    await file.saveAs(saved);
    await page
      .getByRole('status')
      .filter({ hasText: /Backup saved as hopcast-backup-.*\.json/ })
      .waitFor();
    return saved;
  }

  test('export from one browser, import into a fresh one: shows, queue, position and settings come back', async () => {
    const page = await queuedPage();
    await openShow(page, PLAYER_SHOW.title);
    await playAt(page, LONG, 61);
    await pauseFromMiniPlayer(page);
    await openSettings(page);
    await page.getByRole('combobox', { name: 'Skip back length' }).selectOption('10');

    const backupPath = await exportBackup(page);
    const saved = JSON.parse(readFileSync(backupPath, 'utf8'));
    expect(saved.format).toBe('hopcast-backup');
    expect(saved.sections.subscriptions.map((s: { title: string }) => s.title).sort()).toEqual([PLAYER_SHOW.title, NETWORK].sort());
    expect(saved.sections.queue).toHaveLength(2);
    const long = saved.sections.playState.find((s: { episodeId: string }) => s.episodeId.endsWith('\u0000player-long'));
    expect(long.position).toBeGreaterThanOrEqual(61);
    expect(saved.sections.settings).toContainEqual(expect.objectContaining({ key: 'skipBack', value: 10 }));
    // Device facts stay on the device.
    expect(JSON.stringify(saved.sections.settings)).not.toContain('player.currentEpisode');

    const fresh = await stack.newPage(await stack.newContext());
    await fresh.goto(`${stack.appUrl}/settings`);
    await fresh.locator('#backup-file').setInputFiles(backupPath);
    const dialog = fresh.getByRole('dialog', { name: 'Import this backup?' });
    await dialog.getByText('Shows: 2 to add').waitFor();
    await dialog.getByText('Queued episodes: 2 to add').waitFor();
    await shot(fresh, 'backup-import-preview');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await fresh
      .getByRole('status')
      .filter({ hasText: /Backup imported/ })
      .waitFor({ timeout: 30_000 });
    await expect.poll(() => fresh.getByRole('combobox', { name: 'Skip back length' }).inputValue()).toBe('10');
    await fresh
      .getByRole('status')
      .filter({ hasText: /Backup imported/ })
      .scrollIntoViewIfNeeded();
    await shot(fresh, 'settings-backup-imported');

    await openQueue(fresh);
    await expect.poll(() => queueTitles(fresh), { timeout: 10_000 }).toEqual([E2, E1]);
    await openShow(fresh, PLAYER_SHOW.title);
    await fresh
      .getByRole('button', { name: `Play ${LONG}` })
      .first()
      .click();
    const resumed = await waitForAudio(fresh, (a) => !a.paused && a.currentTime > 0.1, undefined, 20_000);
    expect(resumed.currentTime).toBeGreaterThanOrEqual(60);
    await pauseFromMiniPlayer(fresh);

    // The same file again: everything is already there, so nothing would change.
    await openSettings(fresh);
    await fresh.locator('#backup-file').setInputFiles(backupPath);
    await dialog.getByText('Shows: 2 already up to date').waitFor();
    expect(await dialog.getByRole('button', { name: 'Nothing to import' }).isDisabled()).toBe(true);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  test('hostile files are refused with a clear message and change nothing', async () => {
    const fresh = await queuedPage();
    const backupPath = await exportBackup(fresh);
    const good = JSON.parse(readFileSync(backupPath, 'utf8'));
    const cases: Array<[string, string | Buffer, RegExp]> = [
      ['polluted.json', `{"format":"hopcast-backup","version":1,"exportedAt":1,"sections":{"queue":[],"__proto__":{"isAdmin":true}}}`, /forbidden key "__proto__"/],
      ['newer.json', JSON.stringify({ ...good, version: 99 }), /newer Hopcast/],
      ['badtypes.json', JSON.stringify({ ...good, sections: { ...good.sections, queue: [{ episodeId: 42 }] } }), /queue\[0\]\.episodeId must be text/],
      ['cut.json', JSON.stringify(good).slice(0, 200), /not valid JSON/],
    ];
    for (const [name, body, expected] of cases) {
      const file = path.join(dir, name);
      writeFileSync(file, body);
      await fresh.locator('#backup-file').setInputFiles(file);
      await fresh.getByRole('alert').filter({ hasText: expected }).waitFor();
      expect(await fresh.getByRole('alert').textContent()).toMatch(/^Nothing was imported\./);
      if (name === 'polluted.json') await shot(fresh, 'backup-refused');
    }
    // 100 MB, sparse on disk: refused by its size before it is read.
    const huge = path.join(dir, 'huge.json');
    const fd = openSync(huge, 'w');
    ftruncateSync(fd, 100 * 1024 * 1024);
    closeSync(fd);
    await fresh.locator('#backup-file').setInputFiles(huge);
    await fresh
      .getByRole('alert')
      .filter({ hasText: /100 MB; a Hopcast backup is at most 32 MB/ })
      .waitFor();
    expect(await fresh.getByRole('dialog', { name: 'Import this backup?' }).isVisible()).toBe(false);
    expect(await fresh.evaluate(() => (({}) as Record<string, unknown>).isAdmin)).toBeUndefined();
    await openQueue(fresh);
    await expect.poll(() => queueTitles(fresh)).toEqual([E2, E1]);
  });
});
