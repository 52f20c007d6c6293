import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { checkConsole, FIRST_RUN_REFUSALS, startStack, type Stack } from './harness';
import { episodeRow, exact, LONG_SHOW, nav, openLibrary, openShow, subscribe } from './everyday-helpers';

/** Issue 17 point 1: mark played / unplayed from rows, the Episode page, the player and the Show page, undoable. */
describe('marking played', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });
  checkConsole(() => stack, FIRST_RUN_REFUSALS);

  const card = (page: Page) =>
    page
      .getByRole('list', { name: 'Shows' })
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: LONG_SHOW }) });
  const toast = (page: Page) => page.locator('.toast');

  async function start(): Promise<Page> {
    const page = await stack.newPage(await stack.newContext());
    await openLibrary(stack, page);
    await subscribe(stack, page, 'long-names.xml', LONG_SHOW);
    await card(page).getByText('30 unplayed').waitFor();
    await openShow(page, LONG_SHOW);
    return page;
  }

  test('a row menu marks one episode played and unplayed, and Undo puts it back', async () => {
    const page = await start();
    const row = episodeRow(page, 'ZaReason laptops on the bench');
    await row.getByRole('button', exact('More actions for ZaReason laptops on the bench')).click();
    const menu = page.getByRole('menu', { name: 'Actions for ZaReason laptops on the bench' });
    await menu.getByRole('menuitem', exact('Mark played')).click();
    await row.getByText('Played', { exact: true }).waitFor();
    await toast(page).getByText('ZaReason laptops on the bench marked played.').waitFor();
    await toast(page).getByRole('button', exact('Undo')).click();
    await row.getByText('Played', { exact: true }).waitFor({ state: 'detached' });

    // Keyboard: the menu opens with focus inside, Escape returns to its button.
    await row.getByRole('button', exact('More actions for ZaReason laptops on the bench')).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('menuitem');
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('More actions for ZaReason laptops on the bench');

    // "Mark older played" from a row: the 5 episodes published before the 25th.
    const older = 'Operations notebook number 25: what the overnight change window taught the team about rollbacks';
    await page.getByRole('combobox', { name: 'Sort episodes' }).selectOption('oldest');
    await episodeRow(page, older)
      .getByRole('button', exact(`More actions for ${older}`))
      .click();
    await page.getByRole('menuitem', exact('Mark older played')).click();
    await toast(page).getByText('5 older episodes marked played.').waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', exact('Library')).click();
    await card(page).getByText('25 unplayed').waitFor();
  });

  test('Mark all played on the Show page, undoable; the Episode page and the player mark one', async () => {
    const page = await start();
    await page.getByRole('button', exact('Mark all played')).click();
    await toast(page).getByText('30 episodes marked played.').waitFor();
    await episodeRow(page, 'ZaReason laptops on the bench').getByText('Played', { exact: true }).waitFor();
    await nav(page, 'Library');
    await card(page).getByText('All played').waitFor();
    await toast(page).getByRole('button', exact('Undo')).click();
    await card(page).getByText('30 unplayed').waitFor();

    await openShow(page, LONG_SHOW);
    await page.getByRole('link', exact('ZaReason laptops on the bench')).click();
    await page.getByRole('button', exact('Mark played ZaReason laptops on the bench')).click();
    await page.getByRole('button', exact('Mark unplayed ZaReason laptops on the bench')).waitFor();

    // The full player has it too, for what is playing (already played here, from the Episode page).
    await page.getByRole('button', exact('Play ZaReason laptops on the bench')).click();
    await page.getByRole('button', { name: 'Open player' }).click();
    const player = page.getByRole('dialog');
    await player.getByRole('button', exact('Pause')).click();
    await player.getByRole('button', exact('Mark unplayed ZaReason laptops on the bench')).click();
    await player.getByRole('button', exact('Mark played ZaReason laptops on the bench')).waitFor();
    await player.getByRole('button', exact('Mark played ZaReason laptops on the bench')).click();
    await player.getByRole('button', exact('Mark unplayed ZaReason laptops on the bench')).waitFor();
  });
});
