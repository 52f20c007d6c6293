/**
 * Nothing on the page moves by itself (issue 11: CLS ≤ 0.02): not the first run's default-show
 * tiles as their lookups fail, not the install or offline banners, not the mini player of an
 * episode restored after a reload. Every layout shift the page reports without recent input counts.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { checkConsole, FIRST_RUN_REFUSALS, startStack, type Stack } from './harness';
import { noticeableShifts, recordShifts } from './layout-shift-helpers';
import { addPlayerShow, PLAYER_SHOW, playerPage, openShow } from './player-helpers';

/** What the browser passes to a page it offers to install (headless Chromium never fires the real one). */
function offerInstall(page: Page): Promise<void> {
  return page.evaluate(() => {
    const event = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), { prompt: () => Promise.resolve(), userChoice: Promise.resolve({ outcome: 'dismissed' as const }) });
    window.dispatchEvent(event);
  });
}

describe('layout stability', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
    addPlayerShow(stack);
  });
  afterAll(async () => {
    await stack?.close();
  });
  checkConsole(() => stack, FIRST_RUN_REFUSALS);

  test('the first run, its default shows failing one by one, then the install and offline banners: nothing shifts', async () => {
    const context = await stack.newContext();
    await recordShifts(context);
    const page = await stack.newPage(context);
    // Tall enough that the whole grid is on screen below the welcome card: a shift off screen scores nothing.
    await page.setViewportSize({ width: 390, height: 1500 });
    await page.goto(stack.appUrl);
    const grid = page.getByRole('list', { name: 'Shows' });
    for (const title of ['Heavy Networking', 'Network Automation Nerds', 'Day Two DevOps', 'Packet Protector']) await grid.getByRole('listitem', { name: title }).getByRole('alert').waitFor();
    await offerInstall(page);
    await page.getByRole('complementary', { name: 'Install Hopcast' }).waitFor();
    await context.setOffline(true);
    await page.getByRole('status').filter({ hasText: "You're offline" }).waitFor();
    expect(await noticeableShifts(page)).toEqual([]);
    // The floating banners cover nothing for good: the page's end can still be scrolled clear of them.
    const banners = await page.locator('.dock-banner').boundingBox();
    const padding = await page.locator('main').evaluate((main) => parseFloat(getComputedStyle(main).paddingBottom));
    expect(padding).toBeGreaterThan(banners?.height ?? Infinity);
  });

  test('a reload with an episode in the player: the library and the mini player appear without a shift', async () => {
    const page = await playerPage(stack, [[PLAYER_SHOW.file, PLAYER_SHOW.title]], recordShifts);
    await openShow(page, PLAYER_SHOW.title);
    await page.getByRole('button', { name: `Play ${PLAYER_SHOW.shortTitle}` }).click();
    await page.getByRole('button', { name: 'Open player' }).waitFor();
    await page.getByRole('button', { name: 'Pause', exact: true }).first().click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library', exact: true }).click();
    await page.reload();
    await page.getByRole('button', { name: 'Open player' }).waitFor();
    await page
      .getByRole('list', { name: 'Shows' })
      .getByRole('link', { name: new RegExp(PLAYER_SHOW.title) })
      .waitFor();
    expect(await noticeableShifts(page)).toEqual([]);
  });
});
