/**
 * Playlists under hostile input and keyboard-only use, at 390×844: long unbroken titles stay inside
 * the screen and the dialogs, every control has a name and enough contrast (axe-core) in light and
 * dark, focus never falls to the page's start, a show unsubscribed leaves no ghost episodes behind,
 * and a double click makes one playlist. Each test has its own browser context.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { checkConsole, FIRST_RUN_REFUSALS, startStack, type Stack } from './harness';
import { openShow, subscribe, waitForAudio } from './player-helpers';
import { openPlaylist, openPlaylists, playlistTitles, shoot } from './playlist-helpers';
import { addHostileShow, axeViolations, HOSTILE, LONG_WORD, overflow, sticksOut } from './hostile-helpers';

const NETWORK = 'Fixture Network Show';
const E1 = 'Episode 1: Routing in a hurry';
const SHOW_MATCH = 'A show whose title';

async function freshPage(stack: Stack): Promise<Page> {
  const page = await stack.newPage(await stack.newContext());
  await page.goto(stack.appUrl);
  return page;
}

/** axe over `selector` in light and in dark (the colours change, so contrast is checked twice). */
async function axeBothSchemes(page: Page, selector: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await axeViolations(page, selector), `${selector} in ${scheme}`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function newPlaylist(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'New playlist' }).click();
  const dialog = page.getByRole('dialog', { name: 'New playlist' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  await dialog.getByRole('button', { name: 'Create' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

const focused = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() || document.activeElement?.getAttribute('aria-label') || document.activeElement?.tagName);

describe('playlists, hostile and keyboard-only', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });
  checkConsole(() => stack, FIRST_RUN_REFUSALS);

  test('long unbroken titles stay inside the screen and the dialogs; axe finds nothing in light or dark', async () => {
    const page = await freshPage(stack);
    await subscribe(page, addHostileShow(stack), SHOW_MATCH);
    await openPlaylists(page);
    const name = `Long ${LONG_WORD}`.slice(0, 80);
    await newPlaylist(page, name);

    await openShow(page, SHOW_MATCH);
    await page.getByRole('button', { name: `Add to playlist… ${HOSTILE.long}`, exact: true }).click();
    const picker = page.getByRole('dialog', { name: 'Add to playlist' });
    await picker.getByRole('checkbox', { name }).check();
    await picker
      .getByRole('status')
      .filter({ hasText: `Added to ${name}.` })
      .waitFor();
    expect(await sticksOut(page, 'dialog[open]')).toEqual([]);
    await shoot(page, 'hostile-picker');
    await axeBothSchemes(page, 'dialog[open]');
    await picker.getByRole('button', { name: 'Done' }).click();

    await openPlaylists(page);
    expect(await overflow(page)).toEqual({ scroll: 390, inner: 390 });
    await axeBothSchemes(page, '.page');
    await page.getByRole('button', { name: 'New smart playlist' }).click();
    await page.getByRole('dialog', { name: 'New smart playlist' }).getByText('2 episodes match now.').waitFor();
    expect(await sticksOut(page, 'dialog[open]')).toEqual([]);
    await shoot(page, 'hostile-smart-form');
    await axeBothSchemes(page, 'dialog[open]');
    await page.keyboard.press('Escape');

    await openPlaylist(page, name);
    await expect.poll(() => playlistTitles(page), { timeout: 10_000 }).toEqual([HOSTILE.long]);
    expect(await overflow(page)).toEqual({ scroll: 390, inner: 390 });
    await shoot(page, 'hostile-playlist');
    await axeBothSchemes(page, '.page');
  });

  test('keyboard only: a moved row keeps focus, Remove hands focus on, Escape closes a dialog onto its opener, Delete asks with focus on Cancel and Cancel gives it back', async () => {
    const page = await freshPage(stack);
    await subscribe(page, `${stack.fixtures.origin}/feeds/network-show.xml`, NETWORK);
    await openShow(page, NETWORK);
    await page.getByRole('button', { name: `Add to playlist… ${E1}`, exact: true }).click();
    const picker = page.getByRole('dialog', { name: 'Add to playlist' });
    await picker.getByRole('textbox', { name: 'New playlist' }).fill('Keys');
    await picker.getByRole('textbox', { name: 'New playlist' }).press('Enter');
    await picker.getByRole('status').filter({ hasText: 'Made Keys and added the episode.' }).waitFor();
    await page.keyboard.press('Escape');
    await picker.waitFor({ state: 'hidden' });
    await expect.poll(() => focused(page), { timeout: 10_000 }).toBe(`Add to playlist… ${E1}`);
    await page.getByRole('button', { name: 'Add to playlist… Episode 2: Automating the network', exact: true }).click();
    await picker.getByRole('checkbox', { name: 'Keys' }).press('Space');
    await picker.getByRole('status').filter({ hasText: 'Added to Keys.' }).waitFor();
    await picker.getByRole('button', { name: 'Done' }).press('Enter');

    await openPlaylist(page, 'Keys');
    await expect.poll(() => playlistTitles(page), { timeout: 10_000 }).toEqual([E1, 'Episode 2: Automating the network']);
    await page.getByRole('listitem', { name: E1 }).getByRole('button', { name: 'Move down' }).press('Enter');
    await expect.poll(() => playlistTitles(page), { timeout: 10_000 }).toEqual(['Episode 2: Automating the network', E1]);
    expect(await page.evaluate(() => document.activeElement?.closest('li')?.querySelector('.queue-title')?.textContent)).toBe(E1);
    // A playlist's own rows are episode rows too: "Add to playlist…" from here into another one.
    await page.getByRole('button', { name: `Add to playlist… ${E1}`, exact: true }).press('Enter');
    await picker.getByRole('checkbox', { name: 'Keys' }).waitFor();
    expect(await picker.getByRole('checkbox', { name: 'Keys' }).isChecked()).toBe(true);
    await picker.getByRole('textbox', { name: 'New playlist' }).fill('Copy');
    await picker.getByRole('textbox', { name: 'New playlist' }).press('Enter');
    await picker.getByRole('status').filter({ hasText: 'Made Copy and added the episode.' }).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => focused(page), { timeout: 10_000 }).toBe(`Add to playlist… ${E1}`);

    // Removing by keyboard: focus goes to the Remove button now in that place, then (list empty) to main.
    const where = () =>
      page.evaluate(() => [
        document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.tagName,
        document.activeElement?.closest('li')?.querySelector('.queue-title')?.textContent ?? null,
      ]);
    await page.getByRole('listitem', { name: 'Episode 2: Automating the network' }).getByRole('button', { name: 'Remove from playlist' }).press('Enter');
    await expect.poll(where, { timeout: 10_000 }).toEqual(['Remove from playlist', E1]);
    await page.keyboard.press('Enter');
    await expect.poll(where, { timeout: 10_000 }).toEqual(['MAIN', null]);
    await page.getByText('Empty. Use “Add to playlist…” on any episode or in the player.').waitFor();

    await page.getByRole('button', { name: 'Rename' }).press('Enter');
    await page.getByRole('dialog', { name: 'Rename playlist' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Rename playlist' }).waitFor({ state: 'hidden' });
    await expect.poll(() => focused(page), { timeout: 10_000 }).toBe('Rename');

    await page.getByRole('button', { name: 'Delete playlist' }).press('Enter');
    await page.getByRole('group', { name: 'Delete Keys?' }).waitFor();
    await expect.poll(() => focused(page), { timeout: 10_000 }).toBe('Cancel');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Delete playlist' }).waitFor();
    await expect.poll(() => focused(page), { timeout: 10_000 }).toBe('Delete playlist');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => focused(page), { timeout: 10_000 }).toBe('Yes, delete');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Playlists' }).waitFor();
    // The list has loaded (the other playlist is in it) and Keys is not.
    await page.getByRole('link', { name: 'Copy', exact: true }).waitFor();
    expect(await page.getByRole('link', { name: 'Keys', exact: true }).count()).toBe(0);
  });

  test('unsubscribing a show takes its episodes out of a playlist and out of the dialog’s count; the smart form still shows the show it picked', async () => {
    const page = await freshPage(stack);
    await subscribe(page, `${stack.fixtures.origin}/feeds/network-show.xml`, NETWORK);
    await subscribe(page, addHostileShow(stack), SHOW_MATCH);
    await openShow(page, SHOW_MATCH);
    await page.getByRole('button', { name: `Add to playlist… ${HOSTILE.long}`, exact: true }).click();
    const picker = page.getByRole('dialog', { name: 'Add to playlist' });
    await picker.getByRole('textbox', { name: 'New playlist' }).fill('Mixed');
    await picker.getByRole('button', { name: 'Create' }).click();
    await picker.getByRole('status').filter({ hasText: 'Made Mixed' }).waitFor();
    await picker.getByRole('button', { name: 'Done' }).click();
    await openShow(page, NETWORK);
    await page.getByRole('button', { name: `Add to playlist… ${E1}`, exact: true }).click();
    await picker.getByRole('checkbox', { name: 'Mixed' }).check();
    await picker.locator('.picker-count').filter({ hasText: '2' }).waitFor();
    await picker.getByRole('button', { name: 'Done' }).click();
    await openPlaylists(page);
    await page.getByRole('button', { name: 'New smart playlist' }).click();
    const form = page.getByRole('dialog', { name: 'New smart playlist' });
    await form.getByRole('textbox', { name: 'Name' }).fill('From the long show');
    await form.getByRole('checkbox', { name: SHOW_MATCH }).check();
    await form.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { level: 1, name: 'From the long show' }).waitFor();

    await openShow(page, SHOW_MATCH);
    await page.getByRole('button', { name: 'Unsubscribe' }).click();
    await page
      .getByRole('dialog', { name: /^Unsubscribe from/ })
      .getByRole('button', { name: 'Unsubscribe' })
      .click();
    await page
      .getByRole('link', { name: new RegExp(NETWORK) })
      .first()
      .waitFor();

    await openShow(page, NETWORK);
    await page.getByRole('button', { name: `Add to playlist… ${E1}`, exact: true }).click();
    await expect.poll(() => picker.locator('.picker-count').allTextContents(), { timeout: 10_000 }).toEqual(['1']);
    await picker.getByRole('button', { name: 'Done' }).click();
    await openPlaylist(page, 'Mixed');
    await expect.poll(() => playlistTitles(page), { timeout: 10_000 }).toEqual([E1]);
    await page.getByText('1 episode · 12 s').waitFor();

    await openPlaylist(page, 'From the long show');
    await page.getByRole('button', { name: 'Edit filter' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit smart playlist' });
    const gone = edit.getByRole('checkbox', { name: 'A show you no longer follow' });
    expect(await gone.isChecked()).toBe(true);
    await gone.uncheck();
    await edit.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Unplayed · from every show · newest first').waitFor();
  });

  test('a double click on Create in “Add to playlist…” makes one playlist and no error', async () => {
    const page = await freshPage(stack);
    await subscribe(page, `${stack.fixtures.origin}/feeds/network-show.xml`, NETWORK);
    await openShow(page, NETWORK);
    await page.getByRole('button', { name: `Add to playlist… ${E1}`, exact: true }).click();
    const picker = page.getByRole('dialog', { name: 'Add to playlist' });
    await picker.getByRole('textbox', { name: 'New playlist' }).fill('Twice');
    await picker.getByRole('button', { name: 'Create' }).dblclick();
    await picker.getByRole('status').filter({ hasText: 'Made Twice and added the episode.' }).waitFor();
    await picker.getByRole('checkbox', { name: 'Twice' }).waitFor();
    expect(await picker.getByRole('alert').count()).toBe(0);
    expect(await picker.getByRole('checkbox').count()).toBe(1);
  });

  test('bookmarks: a long unbroken title and note fit the phone in light and dark; once the show is unsubscribed the bookmark stays and says why it cannot play', async () => {
    const page = await freshPage(stack);
    await subscribe(page, addHostileShow(stack), SHOW_MATCH);
    await openShow(page, SHOW_MATCH);
    await page.getByRole('button', { name: `Play ${HOSTILE.long}`, exact: true }).click();
    await waitForAudio(page, (a) => a.src.endsWith('/audio/episode-1.mp3') && !a.paused && a.currentTime > 0.2);
    await page.locator('.mini-player').getByRole('button', { name: 'Pause' }).click();
    await page.getByRole('heading', { level: 1 }).click();
    await page.keyboard.press('b');
    const editor = page.getByRole('dialog', { name: /^Bookmark at / });
    await editor.getByRole('textbox', { name: 'Note (optional)' }).fill(`<b>not bold</b> ${LONG_WORD}`);
    expect(await sticksOut(page, 'dialog[open]')).toEqual([]);
    await editor.getByRole('button', { name: 'Save note' }).click();
    await editor.waitFor({ state: 'hidden' });

    await page.goto(`${stack.appUrl}/bookmarks`);
    await page.getByText(`<b>not bold</b> ${LONG_WORD}`).waitFor();
    expect(await overflow(page)).toEqual({ scroll: 390, inner: 390 });
    await shoot(page, 'hostile-bookmarks');
    await axeBothSchemes(page, '.page');

    await openShow(page, SHOW_MATCH);
    await page.getByRole('button', { name: 'Unsubscribe' }).click();
    await page
      .getByRole('dialog', { name: /^Unsubscribe from/ })
      .getByRole('button', { name: 'Unsubscribe' })
      .click();
    // The Library comes back once the unsubscribe has finished (a reload before then would cut it short).
    await page.waitForURL(`${stack.appUrl}/`);
    await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
    await page.goto(`${stack.appUrl}/bookmarks`);
    await page.getByRole('button', { name: /^Play from / }).click();
    await page.getByRole('alert').filter({ hasText: 'is no longer in your library, so it cannot play.' }).waitFor();
    expect(await overflow(page)).toEqual({ scroll: 390, inner: 390 });
  });
});
