import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { FIRST_RUN_OFFLINE, checkConsole, FIRST_RUN_REFUSALS, startStack, navigateOffline, waitForServiceWorker, type Stack } from './harness';
import { exact, NETWORK_SHOW, openLibrary, openShow, subscribe } from './everyday-helpers';

/** Issue 17: the full player is a history entry (point 4). */
describe('the full player and Back', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });
  checkConsole(() => stack, FIRST_RUN_REFUSALS);

  /** Closing takes the player's history entry off (an async history.back()); wait for it to land. */
  const overlayEntryGone = (page: Page) => expect.poll(() => page.evaluate(() => !!(history.state as { hopcastOverlay?: boolean } | null)?.hopcastOverlay)).toBe(false);

  async function showWithPlayer(): Promise<Page> {
    const page = await stack.newPage(await stack.newContext());
    await openLibrary(stack, page);
    await subscribe(stack, page, 'network-show.xml', NETWORK_SHOW);
    await openShow(page, NETWORK_SHOW);
    await page.getByRole('button', exact('Play Episode 1: Routing in a hurry')).click();
    await page.getByRole('button', exact('Pause')).click();
    return page;
  }

  test('Back closes the open player and leaves the page underneath; Escape too, and then Back leaves the page', async () => {
    const page = await showWithPlayer();
    const showUrl = page.url();
    const player = page.getByRole('dialog', { name: 'Episode 1: Routing in a hurry' });

    await page.getByRole('button', { name: 'Open player' }).click();
    await player.waitFor();
    await page.goBack();
    await player.waitFor({ state: 'detached' });
    expect(page.url()).toBe(showUrl);
    await page.getByRole('heading', { level: 1, name: NETWORK_SHOW }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Open player');

    // Escape from anywhere closes it, and takes its history entry along.
    await page.getByRole('button', { name: 'Open player' }).click();
    await player.waitFor();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Escape');
    await player.waitFor({ state: 'detached' });
    expect(page.url()).toBe(showUrl);
    await overlayEntryGone(page);
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();

    // Closing with its own button also gives Back back to the page.
    await openShow(page, NETWORK_SHOW);
    await page.getByRole('button', { name: 'Open player' }).click();
    await player.getByRole('button', exact('Close player')).click();
    await player.waitFor({ state: 'detached' });
    await overlayEntryGone(page);
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
  });
});

/** Issue 17 point 9: offline, an undownloaded episode restored into the player is not an error. */
describe('offline and not downloaded', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });
  checkConsole(() => stack, FIRST_RUN_REFUSALS);

  test('restored offline it says "Not downloaded — you’re offline", no error; back online the note goes and Play works', async () => {
    stack.expectConsoleErrors(...FIRST_RUN_OFFLINE);
    const context = await stack.newContext();
    const page = await stack.newPage(context);
    await page.goto(stack.appUrl);
    await waitForServiceWorker(page);
    await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
    await subscribe(stack, page, 'network-show.xml', NETWORK_SHOW);
    await openShow(page, NETWORK_SHOW);
    await page.getByRole('button', exact('Play Episode 1: Routing in a hurry')).click();
    await expect.poll(() => page.locator('audio').evaluate((a: HTMLAudioElement) => a.currentTime)).toBeGreaterThan(0.3);
    await page.getByRole('button', exact('Pause')).click();

    await context.setOffline(true);
    await navigateOffline(page, (p) => p.reload());
    const mini = page.locator('.mini-player');
    await mini.getByText('Not downloaded — you’re offline').waitFor();
    await expect(page.getByRole('alert').count()).resolves.toBe(0);
    await expect(mini.getByText('Playback failed').count()).resolves.toBe(0);

    await context.setOffline(false);
    await mini.getByText(NETWORK_SHOW).waitFor();
    await mini.getByText('Not downloaded — you’re offline').waitFor({ state: 'detached' });
    await mini.getByRole('button', exact('Play')).click();
    await expect.poll(() => page.locator('audio').evaluate((a: HTMLAudioElement) => !a.paused && a.currentTime > 0.3)).toBe(true);
    await expect(page.getByRole('alert').count()).resolves.toBe(0);
  });
});
