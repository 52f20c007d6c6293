/**
 * Playlists in Chromium against the fixture podcast host: one made by hand, filled from three
 * screens (Show page row, Episode page, full player), reordered by button and by drag, surviving a
 * reload and played through on its own while Up Next waits; and a smart playlist that follows an
 * episode being marked played.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { fixtureFailure, checkConsole, FIRST_RUN_REFUSALS, startStack, type Stack } from './harness';
import { addPlayerShow, openQueue, openShow, PLAYER_SHOW, queueTitles, subscribe, waitForAudio } from './player-helpers';
import { addViaDialog, nearEnd, openPlaylist, openPlaylists, playlistTitles, shoot, waitForStoredOrder } from './playlist-helpers';

const NETWORK = 'Fixture Network Show';
const E1 = 'Episode 1: Routing in a hurry';
const E2 = 'Episode 2: Automating the network';
const E3 = 'Episode 3: Day two operations';
const LIST = 'Road trip';

describe('playlists', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack();
    addPlayerShow(stack);
  });
  afterAll(async () => {
    await stack?.close();
  });
  checkConsole(() => stack, FIRST_RUN_REFUSALS);

  /** Each test its own browser context (its own IndexedDB), with both shows followed. */
  async function freshPage(): Promise<Page> {
    const page = await stack.newPage(await stack.newContext());
    await page.goto(stack.appUrl);
    await subscribe(page, `${stack.fixtures.origin}/feeds/network-show.xml`, NETWORK);
    await subscribe(page, `${stack.fixtures.origin}/feeds/${PLAYER_SHOW.file}`, PLAYER_SHOW.title);
    return page;
  }

  test('a smart playlist follows an episode being marked played and unplayed', async () => {
    const page = await freshPage();
    await openPlaylists(page);
    await page.getByRole('button', { name: 'New smart playlist' }).click();
    const form = page.getByRole('dialog', { name: 'New smart playlist' });
    await form.getByRole('textbox', { name: 'Name' }).fill('Short and unplayed');
    await form.getByRole('checkbox', { name: PLAYER_SHOW.title }).check();
    await form.getByRole('spinbutton', { name: 'Under (min)' }).fill('1');
    await form.getByText('2 episodes match now.').waitFor();
    await form.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { level: 1, name: 'Short and unplayed' }).waitFor();
    await page.getByText(`Unplayed · from ${PLAYER_SHOW.title} · under 1 min · newest first`).waitFor();
    await expect.poll(() => playlistTitles(page), { timeout: 10_000 }).toEqual([PLAYER_SHOW.missingTitle, PLAYER_SHOW.shortTitle]);

    // Play the short one briefly so it is in the history, pause, and mark it played there.
    await page.getByRole('listitem', { name: PLAYER_SHOW.shortTitle }).getByRole('button', { name: 'Play from here' }).click();
    await waitForAudio(page, (a) => a.src.endsWith('/audio/episode-2.mp3') && !a.paused && a.currentTime > 0.2);
    await page.locator('.mini-player').getByRole('button', { name: 'Pause' }).click();
    await waitForAudio(page, (a) => a.paused);
    await openQueue(page);
    const row = page.getByRole('listitem', { name: PLAYER_SHOW.shortTitle }).filter({ has: page.getByRole('button', { name: 'More' }) });
    await row.getByRole('button', { name: 'More' }).click();
    await row.getByRole('button', { name: 'Mark played' }).click();
    await row.getByText('Played', { exact: true }).waitFor();

    await openPlaylist(page, 'Short and unplayed');
    await expect.poll(() => playlistTitles(page), { timeout: 10_000 }).toEqual([PLAYER_SHOW.missingTitle]);
    await openQueue(page);
    await row.getByRole('button', { name: 'More' }).click();
    await row.getByRole('button', { name: 'Mark unplayed' }).click();
    await openPlaylist(page, 'Short and unplayed');
    await expect.poll(() => playlistTitles(page), { timeout: 10_000 }).toEqual([PLAYER_SHOW.missingTitle, PLAYER_SHOW.shortTitle]);
    await shoot(page, 'playlist-smart');
    await page.getByRole('button', { name: 'Edit filter' }).click();
    await page.getByRole('dialog', { name: 'Edit smart playlist' }).waitFor();
    await shoot(page, 'playlist-smart-form');
    await page.getByRole('dialog', { name: 'Edit smart playlist' }).getByRole('button', { name: 'Cancel' }).click();
  });

  test('make one, add three from three screens, reorder, reload, play it through while Up Next waits', async () => {
    // Episode 2's notes hold <img src=x> (the sanitizer test's), resolved against the show's page.
    stack.expectConsoleErrors(fixtureFailure('/page/x', 404));
    const page = await freshPage();
    await openPlaylists(page);
    await page.getByRole('button', { name: 'New playlist' }).click();
    const create = page.getByRole('dialog', { name: 'New playlist' });
    await create.getByRole('textbox', { name: 'Name' }).fill(LIST);
    await create.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('link', { name: LIST, exact: true }).waitFor();
    // A clashing name is refused with a reason, in place.
    await page.getByRole('button', { name: 'New playlist' }).click();
    await create.getByRole('textbox', { name: 'Name' }).fill('road TRIP');
    await create.getByRole('button', { name: 'Create' }).click();
    await create
      .getByRole('alert')
      .filter({ hasText: `A playlist named “${LIST}” already exists.` })
      .waitFor();
    await create.getByRole('button', { name: 'Cancel' }).click();

    // Something waits in Up Next: it must not be disturbed by the playlist, and plays after it.
    await openShow(page, PLAYER_SHOW.title);
    await page.getByRole('button', { name: `Add to queue ${PLAYER_SHOW.shortTitle}`, exact: true }).click();

    // 1: from an episode row on the Show page.
    await openShow(page, NETWORK);
    await addViaDialog(page, `Add to playlist… ${E1}`, LIST);
    // 2: from the Episode page.
    await page.getByRole('link', { name: E2 }).first().click();
    await page.getByRole('heading', { level: 2, name: E2 }).waitFor();
    await addViaDialog(page, `Add to playlist… ${E2}`, LIST);
    // 3: from the full player, while it plays.
    await openShow(page, NETWORK);
    await page.getByRole('button', { name: `Play ${E3}` }).click();
    await waitForAudio(page, (a) => a.src.endsWith('/audio/episode-3.mp3') && !a.paused);
    await page.locator('.mini-player').getByRole('button', { name: 'Pause' }).click();
    await page.getByRole('button', { name: 'Open player' }).click();
    await addViaDialog(page, `Add to playlist… ${E3}`, LIST, page.locator('.full-player'));
    await shoot(page, 'player-playlist-bookmark');
    await page.getByRole('button', { name: 'Close player' }).click();

    await openPlaylist(page, LIST);
    await expect.poll(() => playlistTitles(page), { timeout: 10_000 }).toEqual([E1, E2, E3]);
    await page.getByRole('listitem', { name: E3 }).getByRole('button', { name: 'Move up' }).click();
    await expect.poll(() => playlistTitles(page), { timeout: 10_000 }).toEqual([E1, E3, E2]);
    // Drag E1's handle below E3 with the mouse (pointer events, as in the queue).
    const handle = page.getByRole('listitem', { name: E1 }).locator('.drag-handle');
    const box = (await handle.boundingBox())!;
    const rowHeight = (await page.getByRole('listitem', { name: E1 }).boundingBox())!.height;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 6; i++) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 + (rowHeight * 1.2 * i) / 6);
    await page.mouse.up();
    await expect.poll(() => playlistTitles(page), { timeout: 10_000 }).toEqual([E3, E1, E2]);
    await waitForStoredOrder(page, LIST);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: LIST }).waitFor();
    await expect.poll(() => playlistTitles(page), { timeout: 10_000 }).toEqual([E3, E1, E2]);
    await page.getByText('3 episodes · 36 s').waitFor();
    await shoot(page, 'playlist');

    // Play from the top: E3 (from where it was paused), then E1, then E2, each as the last ends.
    await page.locator('.page-header').getByRole('button', { name: 'Play', exact: true }).click();
    await waitForAudio(page, (a) => a.src.endsWith('/audio/episode-3.mp3') && !a.paused && a.currentTime > 0.2);
    await page.getByText('playing from this playlist').waitFor();
    await page.getByRole('button', { name: 'Open player' }).click();
    await page.locator('.full-player').getByText(`Playing from ${LIST}; Up Next continues after it.`).waitFor();
    await page.getByRole('button', { name: 'Close player' }).click();
    await nearEnd(page);
    await waitForAudio(page, (a) => a.src.endsWith('/audio/episode-1.mp3') && !a.paused && a.currentTime > 0.2, undefined, 20_000);
    await nearEnd(page);
    await waitForAudio(page, (a) => a.src.endsWith('/audio/episode-2.mp3') && !a.paused && a.currentTime > 0.2, undefined, 20_000);
    // The playlist keeps its episodes (now played) and Up Next was not touched.
    expect(await playlistTitles(page)).toEqual([E3, E1, E2]);
    await openQueue(page);
    await expect.poll(() => queueTitles(page), { timeout: 5_000 }).toEqual([PLAYER_SHOW.shortTitle]);
    // The playlist is done after E2: Up Next carries on with what was waiting there (the same audio file).
    await nearEnd(page);
    await page.locator('.mini-title', { hasText: PLAYER_SHOW.shortTitle }).waitFor({ timeout: 20_000 });
    await waitForAudio(page, (a) => !a.paused && a.currentTime > 0.2 && a.currentTime < 8);
    await expect.poll(() => queueTitles(page), { timeout: 10_000 }).toEqual([]);
    await page.locator('.mini-player').getByRole('button', { name: 'Pause' }).click();

    await openPlaylists(page);
    await shoot(page, 'playlists');
    await openShow(page, NETWORK);
    await page.getByRole('button', { name: `Add to playlist… ${E1}`, exact: true }).click();
    await page.getByRole('dialog', { name: 'Add to playlist' }).waitFor();
    await shoot(page, 'playlist-add-dialog');
    await page.getByRole('dialog', { name: 'Add to playlist' }).getByRole('button', { name: 'Done' }).click();
  });

  test('rename, then delete; the other playlist stays', async () => {
    const page = await stack.newPage(await stack.newContext());
    await page.goto(stack.appUrl);
    await openPlaylists(page);
    for (const name of [LIST, 'Keep me']) {
      await page.getByRole('button', { name: 'New playlist' }).click();
      const create = page.getByRole('dialog', { name: 'New playlist' });
      await create.getByRole('textbox', { name: 'Name' }).fill(name);
      await create.getByRole('button', { name: 'Create' }).click();
      await page.getByRole('link', { name, exact: true }).waitFor();
    }
    await openPlaylist(page, LIST);
    await page.getByRole('button', { name: 'Rename' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rename playlist' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Long drive');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { level: 1, name: 'Long drive' }).waitFor();
    await page.getByRole('button', { name: 'Delete playlist' }).click();
    await page.getByRole('button', { name: 'Yes, delete' }).click();
    await page.getByRole('heading', { level: 1, name: 'Playlists' }).waitFor();
    await page.reload();
    await page.getByRole('link', { name: 'Keep me', exact: true }).waitFor();
    expect(await page.getByRole('link', { name: 'Long drive', exact: true }).count()).toBe(0);
    expect(await page.getByRole('link', { name: LIST, exact: true }).count()).toBe(0);
  });
});
