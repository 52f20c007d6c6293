/**
 * Updates and crashes: a new service worker arriving mid-episode neither stops the audio nor
 * touches the queue, and Reload carries on where it was; a renderer killed through CDP reopens
 * with the queue intact and the position within 5 s of where it died.
 */
import { appendFileSync, cpSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningServer } from '../../server/index';
import { CHAPTERS_CORS, checkConsole, FIRST_RUN_REFUSALS, distDir, startApp, startStack, waitForServiceWorker, type Stack } from './harness';
import { addPlayerShow, audioState, openQueue, openShow, PLAYER_SHOW, queueTitles, subscribe, waitForAudio } from './player-helpers';
import { playAt } from './backup-helpers';

const NETWORK = 'Fixture Network Show';
const E1 = 'Episode 1: Routing in a hurry';
const E2 = 'Episode 2: Automating the network';
const LONG = 'Long talk with chapters';

/** A library with two queued episodes and the long talk playing from `at` seconds. */
async function setUp(page: Page, stack: Stack, origin: string, at: number): Promise<void> {
  await page.goto(origin);
  await waitForServiceWorker(page);
  await subscribe(page, `${stack.fixtures.origin}/feeds/network-show.xml`, NETWORK);
  await subscribe(page, `${stack.fixtures.origin}/feeds/${PLAYER_SHOW.file}`, PLAYER_SHOW.title);
  await openShow(page, NETWORK);
  for (const title of [E1, E2]) await page.getByRole('button', { name: `Add to queue ${title}` }).click();
  await openShow(page, PLAYER_SHOW.title);
  await playAt(page, LONG, at);
  await openQueue(page);
  await expect.poll(() => queueTitles(page)).toEqual([E1, E2]);
}

describe('resilience', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack();
    addPlayerShow(stack);
  });
  afterAll(async () => {
    await stack?.close();
  });
  // The player show's chapters file is on a host without CORS: every test that plays it logs that.
  checkConsole(() => stack, [...FIRST_RUN_REFUSALS, ...CHAPTERS_CORS]);

  test('a new version while an episode plays: it keeps playing, the queue stays, Reload carries on', async () => {
    // Its own copy of the built app, so this test can publish a "new version" of the service worker.
    const dist = mkdtempSync(path.join(os.tmpdir(), 'hopcast-update-'));
    cpSync(distDir(), dist, { recursive: true });
    const app: RunningServer = await startApp(stack.fixtures, 0, { HOPCAST_DIST_DIR: dist });
    try {
      const origin = `http://localhost:${app.port}`;
      const page = await stack.newPage();
      await setUp(page, stack, origin, 20);
      const before = await audioState(page);

      appendFileSync(path.join(dist, 'sw.js'), `\n// new version ${Date.now()}\n`);
      // Coming back to the app looks for a new version.
      await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
      await page.getByRole('status').filter({ hasText: 'Update available' }).waitFor({ timeout: 30_000 });
      const during = await waitForAudio(page, (a, t) => !a.paused && a.currentTime > t! + 0.5, before.currentTime);
      expect(during.src).toBe(before.src);
      expect(await queueTitles(page)).toEqual([E1, E2]);

      const reloaded = page.waitForEvent('load');
      await page.getByRole('button', { name: 'Reload' }).click();
      await reloaded;
      const after = await waitForAudio(page, (a) => !a.paused && a.currentTime > 0.1, undefined, 20_000);
      expect(after.currentTime).toBeGreaterThanOrEqual(during.currentTime - 1);
      expect(after.src).toBe(before.src);
      await page.locator('.mini-title', { hasText: LONG }).waitFor();
      await openQueue(page);
      await expect.poll(() => queueTitles(page)).toEqual([E1, E2]);
      // The page is now controlled by the new worker, and no update is pending.
      expect(await page.getByRole('status').filter({ hasText: 'Update available' }).count()).toBe(0);
      await page.locator('.mini-player').getByRole('button', { name: 'Pause' }).click();
    } finally {
      await app.close();
    }
  });

  test('a crashed renderer reopens with the queue intact and the position within 5 s', async () => {
    const context = await stack.newContext();
    const page = await stack.newPage(context);
    await setUp(page, stack, stack.appUrl, 30);
    // Let it play a little past the jump, then kill the renderer: no pagehide, no unload, nothing saved on the way out.
    const last = await waitForAudio(page, (a) => !a.paused && a.currentTime > 33, undefined, 20_000);
    const cdp = await context.newCDPSession(page);
    const crashed = page.waitForEvent('crash');
    // Page.crash never answers (the renderer is gone); the page's crash event says it happened.
    void cdp.send('Page.crash').catch(() => undefined);
    await crashed;

    const reopened = await stack.newPage(context);
    await reopened.goto(`${stack.appUrl}/queue`);
    await expect.poll(() => queueTitles(reopened), { timeout: 15_000 }).toEqual([E1, E2]);
    await reopened.locator('.mini-title', { hasText: LONG }).waitFor({ timeout: 15_000 });
    await reopened.locator('.mini-player').getByRole('button', { name: 'Play', exact: true }).click();
    const resumed = await waitForAudio(reopened, (a) => !a.paused && a.currentTime > 0.1, undefined, 20_000);
    expect(Math.abs(resumed.currentTime - last.currentTime)).toBeLessThanOrEqual(5);
  });
});
