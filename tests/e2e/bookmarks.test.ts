/**
 * Bookmarks in Chromium: added from the full player's button and from the B key, a note written at
 * once and another later, both surviving a reload, shown on the Episode page and the Bookmarks
 * screen, playing from their time, and staying after the episode is played to the end.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { CHAPTERS_CORS, checkConsole, FIRST_RUN_REFUSALS, renderedFrames, startStack, type Stack } from './harness';
import { addPlayerShow, openQueue, openShow, PLAYER_SHOW, subscribe, waitForAudio } from './player-helpers';
import { nearEnd, shoot } from './playlist-helpers';

const LONG = 'Long talk with chapters';

async function seekPaused(page: Page, seconds: number): Promise<void> {
  await page.evaluate((s) => {
    const a = document.querySelector('audio')!;
    a.pause();
    a.currentTime = s;
  }, seconds);
  await waitForAudio(page, (a, s) => a.paused && Math.abs(a.currentTime - s!) < 0.01, seconds);
}

async function openEpisodePage(page: Page): Promise<void> {
  await openShow(page, PLAYER_SHOW.title);
  await page.getByRole('link', { name: LONG }).first().click();
  await page.getByRole('heading', { level: 2, name: LONG }).waitFor();
}

const bookmarkItems = (page: Page) => page.locator('.bookmark-item');

describe('bookmarks', () => {
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

  test('a bookmark with a note survives a reload and plays from its time; bookmarks stay once played', async () => {
    const page = await stack.newPage(await stack.newContext());
    await page.goto(stack.appUrl);
    await subscribe(page, `${stack.fixtures.origin}/feeds/${PLAYER_SHOW.file}`, PLAYER_SHOW.title);
    await openShow(page, PLAYER_SHOW.title);
    await page.getByRole('button', { name: `Play ${LONG}` }).click();
    await waitForAudio(page, (a) => a.src.endsWith('/audio/long-episode.mp3') && !a.paused && a.currentTime > 0.2);
    await seekPaused(page, 42);

    // From the full player's button: saved at once, then the note.
    await page.getByRole('button', { name: 'Open player' }).click();
    await page.locator('.full-player').getByRole('button', { name: 'Add bookmark' }).click();
    const editor = page.getByRole('dialog', { name: 'Bookmark at 0:42' });
    await editor.waitFor();
    await editor.getByRole('textbox', { name: 'Note (optional)' }).fill('Where the middle part starts');
    await shoot(page, 'bookmark-editor');
    await editor.getByRole('button', { name: 'Save note' }).click();
    await editor.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Close player' }).click();

    // From the keyboard, without a note.
    await seekPaused(page, 75);
    await page.getByRole('heading', { level: 1 }).click();
    await page.keyboard.press('b');
    const second = page.getByRole('dialog', { name: 'Bookmark at 1:15' });
    await second.waitFor();
    await second.getByRole('button', { name: 'Close' }).click();
    await second.waitFor({ state: 'hidden' });

    await page.reload();
    await openEpisodePage(page);
    const section = page.getByRole('region', { name: 'Bookmarks' });
    await expect
      .poll(() => section.locator('.bookmark-item').allInnerTexts(), { timeout: 10_000 })
      .toEqual([expect.stringMatching(/0:42\s+Where the middle part starts/), expect.stringMatching(/1:15\s+No note/)]);
    // The note is editable later.
    await section.getByRole('button', { name: 'Edit note at 1:15' }).click();
    const later = page.getByRole('dialog', { name: 'Bookmark at 1:15' });
    await later.getByRole('textbox', { name: 'Note (optional)' }).fill('The closing part');
    await later.getByRole('button', { name: 'Save note' }).click();
    await section.getByText('The closing part').waitFor();
    await shoot(page, 'episode-bookmarks', () => section.scrollIntoViewIfNeeded());

    // The Bookmarks screen, reached from the Queue; activating one plays from its time.
    await openQueue(page);
    await shoot(page, 'queue-with-lists');
    await page.getByRole('navigation', { name: 'More lists' }).getByRole('link', { name: 'Bookmarks' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bookmarks' }).waitFor();
    const group = page.getByRole('region', { name: LONG });
    await expect.poll(() => group.locator('.bookmark-item').count(), { timeout: 10_000 }).toBe(2);
    await shoot(page, 'bookmarks');
    await group.getByRole('button', { name: 'Play from 0:42' }).click();
    const playing = await waitForAudio(page, (a) => a.src.endsWith('/audio/long-episode.mp3') && !a.paused && a.currentTime >= 42 && a.currentTime < 60);
    expect(playing.currentTime).toBeGreaterThanOrEqual(42);

    // Played to the end: the bookmarks stay.
    await nearEnd(page);
    await waitForAudio(page, (a) => a.paused && a.currentTime > a.duration - 0.5, undefined, 15_000);
    await page.reload();
    await openEpisodePage(page);
    await page.locator('.episode-facts').getByText('Played').waitFor();
    await expect.poll(() => bookmarkItems(page).count(), { timeout: 10_000 }).toBe(2);
  });

  test('B with nothing in the player does nothing; with an episode in it, typing a b in a field is just typing', async () => {
    const page = await stack.newPage(await stack.newContext());
    await page.goto(stack.appUrl);
    await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
    await page.keyboard.press('b');
    await renderedFrames(page);
    expect(await page.getByRole('dialog').count()).toBe(0);
    // Now something is in the player, so B means "bookmark" everywhere except in a field.
    await subscribe(page, `${stack.fixtures.origin}/feeds/${PLAYER_SHOW.file}`, PLAYER_SHOW.title);
    await openShow(page, PLAYER_SHOW.title);
    await page.getByRole('button', { name: `Play ${LONG}` }).click();
    await waitForAudio(page, (a) => a.src.endsWith('/audio/long-episode.mp3') && !a.paused && a.currentTime > 0.2);
    await page.locator('.mini-player').getByRole('button', { name: 'Pause' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search', exact: true }).click();
    const box = page.getByRole('searchbox', { name: 'Search episodes' });
    await box.fill('');
    await box.press('b');
    expect(await box.inputValue()).toBe('b');
    await renderedFrames(page);
    expect(await page.locator('dialog[open]').count()).toBe(0);
    // The same key outside the field does bookmark (so the check above could have failed).
    await page.getByRole('heading', { level: 1, name: 'Search' }).click();
    await page.keyboard.press('b');
    await page.getByRole('dialog', { name: /^Bookmark at / }).waitFor();
  });
});
