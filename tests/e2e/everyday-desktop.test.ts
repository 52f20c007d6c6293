import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkConsole, FIRST_RUN_REFUSALS, startStack, type Stack } from './harness';
import { exact, expectFitsViewport, LONG_SHOW, nav, openLibrary, openShow, subscribe } from './everyday-helpers';

/** Issue 17 point 12: a desktop layout at 1280×800, not a stretched phone. */
describe('desktop layout', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });
  checkConsole(() => stack, FIRST_RUN_REFUSALS);

  test('side navigation, a full-width docked player with skip, seek and speed, and the show list beside the episode', async () => {
    const context = await stack.browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'allow' });
    try {
      const page = await stack.newPage(context);
      await openLibrary(stack, page);
      const navBox = (await page.getByRole('navigation', { name: 'Main' }).boundingBox())!;
      // A column down the left edge, not a tab bar along the bottom.
      expect(navBox.x).toBe(0);
      expect(navBox.y).toBe(0);
      expect(navBox.height).toBeGreaterThan(navBox.width);
      const main = (await page.locator('#main').boundingBox())!;
      expect(main.x).toBeGreaterThanOrEqual(navBox.width);
      await expectFitsViewport(page, 'desktop library');

      await subscribe(stack, page, 'long-names.xml', LONG_SHOW);
      await openShow(page, LONG_SHOW);
      await page.getByRole('button', exact('Play ZaReason laptops on the bench')).click();
      const dock = page.locator('.mini-player');
      await dock.getByRole('button', exact('Pause')).click();
      const dockBox = (await dock.boundingBox())!;
      expect(dockBox.width).toBeGreaterThanOrEqual(1200);
      expect(dockBox.y + dockBox.height).toBeGreaterThan(790);
      // Skip, seek and speed right in the dock, without opening the full player.
      await dock.getByRole('button', exact('Skip forward')).click();
      await expect.poll(() => page.locator('audio').evaluate((a: HTMLAudioElement) => a.currentTime)).toBeGreaterThan(5);
      await dock.getByRole('button', exact('Skip back')).waitFor();
      await dock.getByRole('slider', exact('Seek')).waitFor();
      await dock.getByRole('combobox', exact('Playback speed')).selectOption('1.5');
      await expect.poll(() => page.locator('audio').evaluate((a: HTMLAudioElement) => a.playbackRate)).toBe(1.5);

      // Two panes: the show's list stays beside the episode that was opened from it.
      await page.getByRole('link', exact('Reasons to keep a lab')).click();
      const heading = page.getByRole('heading', { level: 2, name: 'Reasons to keep a lab' });
      await heading.waitFor();
      const list = page.getByRole('list', { name: 'Episodes' });
      await list.waitFor();
      const [listBox, headingBox] = [(await list.boundingBox())!, (await heading.boundingBox())!];
      expect(listBox.x + listBox.width).toBeLessThanOrEqual(headingBox.x);
      expect(headingBox.y).toBeLessThan(800);
      // Another episode from the list replaces the detail pane; the list stays.
      await list.getByRole('link', exact('ZaReason laptops on the bench')).click();
      await page.getByRole('heading', { level: 2, name: 'ZaReason laptops on the bench' }).waitFor();
      await list.waitFor();
      await expectFitsViewport(page, 'desktop two panes');
      await nav(page, 'Queue');
      await page.getByRole('heading', { level: 1, name: 'Queue' }).waitFor();
      await expectFitsViewport(page, 'desktop queue');
    } finally {
      await context.close();
    }
  });
});
