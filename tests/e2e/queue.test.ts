/**
 * The queue in Chromium against the fixture podcast host: episodes added from show pages,
 * reordered with buttons and by drag, surviving reloads, moving on when one ends; errors leave it
 * alone; history and the end-of-episode sleep timer.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { apiFailure, fixtureFailure, checkConsole, FIRST_RUN_REFUSALS, startStack, type Stack } from './harness';
import { addPlayerShow, audioState, closeFullPlayer, openQueue, openShow, PLAYER_SHOW, playerPage, queueTitles, storedQueueTitles, waitForAudio } from './player-helpers';

const NETWORK = 'Fixture Network Show';
const E1 = 'Episode 1: Routing in a hurry';
const E2 = 'Episode 2: Automating the network';
const E3 = 'Episode 3: Day two operations';

describe('queue', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack();
    addPlayerShow(stack);
  });
  afterAll(async () => {
    await stack?.close();
  });
  checkConsole(() => stack, FIRST_RUN_REFUSALS);

  const networkPage = () => playerPage(stack, [['network-show.xml', NETWORK]]);

  /** The network show's episodes in the queue, added from its page. */
  async function queueUp(page: Page, titles: string[]): Promise<void> {
    await openShow(page, NETWORK);
    for (const title of titles) await page.getByRole('button', { name: `Add to queue ${title}`, exact: true }).click();
    await openQueue(page);
    await expect.poll(() => queueTitles(page), { timeout: 10_000 }).toEqual(titles);
  }

  test('queue: add three, reorder by buttons and by drag, survives reload, the next starts when one ends', async () => {
    const page = await networkPage();
    await openShow(page, NETWORK);
    for (const title of [E1, E2, E3]) await page.getByRole('button', { name: `Add to queue ${title}` }).click();
    await openQueue(page);
    await page.locator('.queue-list .queue-row').nth(2).waitFor();
    expect(await queueTitles(page)).toEqual([E1, E2, E3]);
    // 12 + 10 + 14 seconds.
    await page.locator('.queue-summary', { hasText: '3 episodes · 36 s left' }).waitFor();

    await page.getByRole('listitem', { name: E3 }).getByRole('button', { name: 'Move up' }).click();
    await expect.poll(() => queueTitles(page), { timeout: 10_000 }).toEqual([E1, E3, E2]);

    // Drag E1's handle below E3 with the mouse (pointer events; touch uses the same code path).
    const handle = page.getByRole('listitem', { name: E1 }).locator('.drag-handle');
    const box = (await handle.boundingBox())!;
    const rowHeight = (await page.getByRole('listitem', { name: E1 }).boundingBox())!.height;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 6; i++) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 + (rowHeight * 1.2 * i) / 6);
    await page.mouse.up();
    await expect.poll(() => queueTitles(page), { timeout: 10_000 }).toEqual([E3, E1, E2]);
    // The screen changes first and the write follows: a reload in between would lose the move.
    await expect.poll(() => storedQueueTitles(page), { timeout: 10_000 }).toEqual([E3, E1, E2]);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Queue' }).waitFor();
    await expect.poll(() => queueTitles(page), { timeout: 10_000 }).toEqual([E3, E1, E2]);

    // Play the first one, jump to its last second, and let it end.
    await page.getByRole('listitem', { name: E3 }).getByRole('button', { name: 'Play', exact: true }).click();
    const e3Playing = await waitForAudio(page, (a) => a.src.endsWith('/audio/episode-3.mp3') && !a.paused && a.currentTime > 0.2);
    // Speed is per show: this show was never changed, unlike the long talk's.
    expect(e3Playing.playbackRate).toBe(1);
    await expect.poll(() => queueTitles(page), { timeout: 10_000 }).toEqual([E1, E2]);
    await page.evaluate(() => {
      const a = document.querySelector('audio')!;
      a.currentTime = a.duration - 1;
    });
    await waitForAudio(page, (a) => a.src.endsWith('/audio/episode-1.mp3') && !a.paused && a.currentTime > 0.3, undefined, 20_000);
    await expect.poll(() => queueTitles(page), { timeout: 10_000 }).toEqual([E2]);
    await page.locator('.mini-title', { hasText: E1 }).waitFor();
    const e3 = page.locator('.history-row', { hasText: E3 });
    await e3.getByText('Played', { exact: true }).waitFor();
  });

  test('a 404 enclosure shows a clear message and leaves the queue alone', async () => {
    stack.expectConsoleErrors(fixtureFailure('/audio/missing-episode.mp3', 404), apiFailure('audio\\?url=http%3A%2F%2F127\\.0\\.0\\.1%3A\\d+%2Faudio%2Fmissing-episode\\.mp3$', 502));
    const page = await playerPage(stack, [
      ['network-show.xml', NETWORK],
      [PLAYER_SHOW.file, PLAYER_SHOW.title],
    ]);
    await queueUp(page, [E2]);
    await openShow(page, PLAYER_SHOW.title);
    await page.getByRole('button', { name: `Play ${PLAYER_SHOW.missingTitle}` }).click();
    const alert = page.getByRole('alert').filter({ hasText: /404/ });
    await alert.waitFor({ timeout: 20_000 });
    expect(await alert.textContent()).toMatch(/could not be loaded.*404/i);
    await openQueue(page);
    await page.locator('.queue-list .queue-row').first().waitFor();
    expect(await queueTitles(page)).toEqual([E2]);
  });

  test('history: Play next from a recently played episode, mark played / unplayed', async () => {
    const page = await networkPage();
    // E3 played to its end (nothing queued after it), then E2 queued.
    await openShow(page, NETWORK);
    await page.getByRole('button', { name: `Play ${E3}`, exact: true }).click();
    await waitForAudio(page, (a) => a.src.endsWith('/audio/episode-3.mp3') && !a.paused && a.currentTime > 0.2);
    await page.evaluate(() => {
      const a = document.querySelector('audio')!;
      a.currentTime = a.duration - 1;
    });
    await waitForAudio(page, (a) => a.paused && a.currentTime > a.duration - 0.5, undefined, 15_000);
    await queueUp(page, [E2]);
    await page.locator('.history-row', { hasText: E3 }).getByText('Played', { exact: true }).waitFor();
    const e3 = page.getByRole('listitem', { name: E3 }).filter({ has: page.getByRole('button', { name: 'More' }) });
    await e3.getByRole('button', { name: 'More' }).click();
    await e3.getByRole('button', { name: 'Play next' }).click();
    await expect.poll(() => queueTitles(page), { timeout: 10_000 }).toEqual([E3, E2]);
    await e3.getByRole('button', { name: 'Mark unplayed' }).click();
    await e3.getByText(/^14 s left$/).waitFor();
    await e3.getByRole('button', { name: 'Mark played' }).click();
    await e3.getByText('Played', { exact: true }).waitFor();
    await page.getByRole('listitem', { name: E3 }).first().getByRole('button', { name: 'Remove from queue' }).click();
    await expect.poll(() => queueTitles(page), { timeout: 10_000 }).toEqual([E2]);
  });

  test('sleep timer "end of episode" stops there instead of starting the next', async () => {
    const page = await networkPage();
    await queueUp(page, [E2]);
    await openShow(page, NETWORK);
    await page.getByRole('button', { name: `Play ${E1}`, exact: true }).click();
    await waitForAudio(page, (a) => a.src.endsWith('/audio/episode-1.mp3') && !a.paused);
    await page.getByRole('button', { name: 'Open player' }).click();
    const timer = page.getByRole('combobox', { name: 'Sleep timer' });
    await timer.selectOption('5');
    await page.getByText(/Sleep · 4:5\d/).waitFor({ timeout: 10_000 });
    await timer.selectOption('end');
    await page.evaluate(() => {
      const a = document.querySelector('audio')!;
      a.currentTime = a.duration - 1.5;
    });
    await waitForAudio(page, (a) => a.paused && a.currentTime > a.duration - 0.5, undefined, 15_000);
    // The timer turns off in the same step that decides not to play the next (finishEpisode).
    await expect.poll(() => timer.inputValue()).toBe('off');
    const after = await audioState(page);
    expect(after.src).toContain('/audio/episode-1.mp3');
    expect(after.paused).toBe(true);
    expect(await page.evaluate(() => document.querySelector('audio')!.volume)).toBe(1);
    await closeFullPlayer(page);
    await openQueue(page);
    await page.locator('.history-row', { hasText: E1 }).getByText('Played', { exact: true }).waitFor();
    expect(await queueTitles(page)).toEqual([E2]);
  });

  test('Play next from an episode row puts it at the top of the queue, Add to queue at the bottom', async () => {
    const page = await networkPage();
    await openShow(page, NETWORK);
    await page.getByRole('button', { name: `Add to queue ${E1}`, exact: true }).click();
    await page.getByRole('button', { name: `Add to queue ${E2}`, exact: true }).click();
    await page.getByRole('button', { name: `Play next ${E3}`, exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `${E3} plays next` })
      .waitFor({ state: 'attached' });
    await openQueue(page);
    await expect.poll(() => queueTitles(page), { timeout: 10_000 }).toEqual([E3, E1, E2]);
  });

  test('a mouse click on a row button half under the player dock lands there and the page keeps still', async () => {
    // The regression: a focused row was scrolled clear of the dock on mousedown, moving the button
    // from under the pointer before mouseup, so the click hit the row and Add to queue did nothing.
    const page = await networkPage();
    await openShow(page, NETWORK);
    // Something in the player: the mini player makes the dock (and the scroll padding) taller.
    await page.getByRole('button', { name: `Play ${E3}`, exact: true }).click();
    await waitForAudio(page, (a) => a.src.endsWith('/audio/episode-3.mp3') && !a.paused);
    await page.locator('.mini-player').getByRole('button', { name: 'Pause' }).click();
    await waitForAudio(page, (a) => a.paused);

    // The toast from subscribing sits just above the dock: out of the way.
    const dismiss = page.locator('.toast').getByRole('button', { name: 'Dismiss' });
    if (await dismiss.count()) await dismiss.click();
    await page.locator('.toast').waitFor({ state: 'detached' });

    // Size the window so E1's Add to queue button shows only its top 14 px above the dock.
    const button = page.getByRole('button', { name: `Add to queue ${E1}`, exact: true });
    const geometry = () =>
      button.evaluate((b) => {
        const r = b.getBoundingClientRect();
        const padding = parseFloat(getComputedStyle(document.documentElement).scrollPaddingBottom) || 0;
        return { top: r.top, bottom: r.bottom, left: r.left, width: r.width, dockTop: document.querySelector('.dock')!.getBoundingClientRect().top, paddingLine: innerHeight - padding, scrollY };
      });
    const before = await geometry();
    await page.setViewportSize({ width: 390, height: Math.round(844 + before.top - (before.dockTop - 14)) });
    await expect
      .poll(async () => {
        const g = await geometry();
        return Math.round(g.dockTop - g.top);
      })
      .toBe(14);
    const placed = await geometry();
    // The case needs the button visible but inside the scroll padding (where the old code scrolled).
    expect(placed.bottom).toBeGreaterThan(placed.paddingLine);

    await page.mouse.click(placed.left + placed.width / 2, placed.top + 6);
    await page
      .getByRole('status')
      .filter({ hasText: `${E1} added to the queue` })
      .waitFor({ state: 'attached', timeout: 5_000 });
    expect(await page.evaluate(() => scrollY)).toBe(placed.scrollY);
    // Keyboard focus still brings the whole row clear of the dock.
    await page.keyboard.press('Tab');
    await expect.poll(() => button.evaluate((b) => b.closest('[data-index]')!.getBoundingClientRect().bottom <= document.querySelector('.dock')!.getBoundingClientRect().top)).toBe(true);
    await openQueue(page);
    await expect.poll(() => queueTitles(page), { timeout: 10_000 }).toEqual([E1]);
  });
});
