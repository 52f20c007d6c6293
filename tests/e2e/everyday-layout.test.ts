import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkConsole, FIRST_RUN_REFUSALS, startStack, type Stack } from './harness';
import { episodeRow, exact, expectFitsViewport, LONG_SHOW, nav, NETWORK_SHOW, openShow, seededPage } from './everyday-helpers';

const NO_SPACES = 'AutomationOrchestrationConfigurationManagementInfrastructureAsCodeDeepDive_part_one_of_many';

/** Issue 17 points 2 and 10: no screen wider than a phone, and focus never hidden under the dock. */
describe('phone layout', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });
  checkConsole(() => stack, FIRST_RUN_REFUSALS);

  test('no screen is wider than the viewport, with long names and every filter shown', async () => {
    const page = await seededPage(stack, [
      ['long-names.xml', LONG_SHOW],
      ['network-show.xml', NETWORK_SHOW],
    ]);
    await expectFitsViewport(page, 'library');
    await page.getByRole('button', { name: 'Add podcast' }).first().click();
    // The dialog's code may still be loading on a first open: measure it once it is there.
    const addDialog = page.getByRole('dialog', { name: 'Add podcast' });
    await addDialog.waitFor();
    await expectFitsViewport(page, 'add dialog');
    await page.keyboard.press('Escape');
    await addDialog.waitFor({ state: 'hidden' });

    await openShow(page, LONG_SHOW);
    await expectFitsViewport(page, 'show page');
    // Every row control, the ⋯ menu included, is on screen without scrolling the row sideways.
    const menuButton = (await episodeRow(page, NO_SPACES)
      .getByRole('button', exact(`More actions for ${NO_SPACES}`))
      .boundingBox())!;
    expect(menuButton.x + menuButton.width).toBeLessThanOrEqual(390 - 16);
    await episodeRow(page, NO_SPACES)
      .getByRole('button', exact(`Add to queue ${NO_SPACES}`))
      .click();
    await page.getByRole('link', exact(NO_SPACES)).click();
    await page.getByRole('heading', { level: 2, name: NO_SPACES }).waitFor();
    await expectFitsViewport(page, 'episode page');
    await page.getByRole('button', exact(`Play ${NO_SPACES}`)).click();
    await page.getByRole('button', { name: 'Open player' }).click();
    await page.getByRole('dialog').getByRole('heading', { name: NO_SPACES }).waitFor();
    await expectFitsViewport(page, 'full player');
    // The docked extras (skip, seek, speed) are for wide screens only.
    await expect(page.locator('.mini-player').getByRole('button', exact('Skip forward')).count()).resolves.toBe(0);
    await page.getByRole('dialog').getByRole('button', exact('Pause')).click();
    await page.keyboard.press('Escape');

    await nav(page, 'Search');
    const box = page.getByRole('searchbox', { name: 'Search episodes' });
    await box.fill('operations');
    await page.getByRole('status').filter({ hasText: 'match' }).waitFor();
    await page.getByRole('combobox', { name: 'Show' }).selectOption({ label: LONG_SHOW });
    await page.getByRole('combobox', { name: 'Played state' }).selectOption('unplayed');
    await expectFitsViewport(page, 'search with filters');
    // Every filter is on screen, not cut off.
    for (const control of [page.getByRole('combobox', { name: 'Show' }), page.getByRole('combobox', { name: 'Played state' }), page.getByRole('checkbox', { name: 'Downloaded' })]) {
      const box = await control.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    }
    await page.getByRole('checkbox', { name: 'Downloaded' }).check();
    await expectFitsViewport(page, 'search, downloaded only');

    for (const screen of ['Queue', 'Downloads', 'Settings']) {
      await nav(page, screen);
      await page.getByRole('heading', { level: 1, name: screen }).waitFor();
      await expectFitsViewport(page, screen);
    }
    for (const [path, heading] of [
      ['/playlists', 'Playlists'],
      ['/bookmarks', 'Bookmarks'],
    ] as const) {
      await page.goto(`${stack.appUrl}${path}`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await expectFitsViewport(page, heading);
    }
  });

  test('a focused control at the bottom of a screen is scrolled above the player and the navigation', async () => {
    const page = await seededPage(stack, [['network-show.xml', NETWORK_SHOW]]);
    // With something in the player, so the dock is at its tallest.
    await nav(page, 'Library');
    await openShow(page, NETWORK_SHOW);
    await page.getByRole('button', exact('Play Episode 1: Routing in a hurry')).click();
    await page.getByRole('button', exact('Pause')).click();
    await nav(page, 'Library');
    // Tab through the Library down to its last control (a first-run card's button: the sealed proxy
    // refuses the real default feeds); each focused control must sit above the dock, never under it.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByRole('button', { name: 'Add podcast' }).first().focus();
    const hidden: string[] = [];
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      const at = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        const main = document.getElementById('main')!;
        if (!el || !main.contains(el) || el === main) return null;
        const r = el.getBoundingClientRect();
        const dockTop = document.querySelector('.dock')!.getBoundingClientRect().top;
        const buttons = main.querySelectorAll('button, a[href]');
        return { name: el.getAttribute('aria-label') ?? el.textContent ?? '', under: r.bottom > dockTop + 0.5, last: el === buttons[buttons.length - 1] };
      });
      if (!at) break;
      if (at.under) hidden.push(at.name);
      if (at.last) break;
    }
    expect(hidden).toEqual([]);
  });
});
