/**
 * Two tabs of one browser: never two players at once, a queue edit and the playing position show
 * in the other tab within a second, and queue edits made in both tabs at once are all kept.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { CHAPTERS_CORS, checkConsole, FIRST_RUN_REFUSALS, startStack, type Stack } from './harness';
import { addPlayerShow, audioState, openQueue, openShow, PLAYER_SHOW, queueTitles, subscribe, waitForAudio } from './player-helpers';

const NETWORK = 'Fixture Network Show';
const E1 = 'Episode 1: Routing in a hurry';
const E2 = 'Episode 2: Automating the network';
const E3 = 'Episode 3: Day two operations';
const LONG = 'Long talk with chapters';

/** The mini player's progress as a share of the episode (its bar's width). */
function miniProgress(page: Page): Promise<number> {
  return page.locator('.mini-progress-bar').evaluate((el) => parseFloat((el as HTMLElement).style.width) / 100);
}

describe('tabs', () => {
  let stack: Stack;
  let a: Page;
  let b: Page;

  beforeAll(async () => {
    stack = await startStack();
    addPlayerShow(stack);
  });
  afterAll(async () => {
    await stack?.close();
  });
  // The player show's chapters file is on a host without CORS: every test that plays it logs that.
  checkConsole(() => stack, [...FIRST_RUN_REFUSALS, ...CHAPTERS_CORS]);
  // Two tabs of a context of the test's own (checkConsole closes it after), both shows followed.
  beforeEach(async () => {
    const context = await stack.newContext();
    a = await stack.newPage(context);
    await a.goto(stack.appUrl);
    await subscribe(a, `${stack.fixtures.origin}/feeds/network-show.xml`, NETWORK);
    await subscribe(a, `${stack.fixtures.origin}/feeds/${PLAYER_SHOW.file}`, PLAYER_SHOW.title);
    b = await stack.newPage(context);
    await b.goto(`${stack.appUrl}/queue`);
    await b.getByRole('heading', { level: 1, name: 'Queue' }).waitFor();
  });

  test('a queue edit in one tab shows in the other within a second; edits at the same moment are all kept', async () => {
    await openShow(a, NETWORK);
    await a.getByRole('button', { name: `Add to queue ${E1}` }).click();
    await expect.poll(() => queueTitles(b), { timeout: 1_000, interval: 50 }).toEqual([E1]);

    // Both tabs add at once, several times: every add lands in both tabs.
    await openShow(b, NETWORK);
    await Promise.all([a.getByRole('button', { name: `Add to queue ${E2}` }).click(), b.getByRole('button', { name: `Add to queue ${E3}` }).click()]);
    await openShow(a, PLAYER_SHOW.title);
    await openShow(b, PLAYER_SHOW.title);
    await Promise.all([a.getByRole('button', { name: `Add to queue ${LONG}` }).click(), b.getByRole('button', { name: `Add to queue ${PLAYER_SHOW.shortTitle}` }).click()]);
    await openQueue(a);
    await openQueue(b);
    const all = [E1, E2, E3, LONG, PLAYER_SHOW.shortTitle].sort();
    await expect.poll(async () => (await queueTitles(a)).sort(), { timeout: 5_000 }).toEqual(all);
    await expect.poll(async () => (await queueTitles(b)).sort(), { timeout: 5_000 }).toEqual(all);
    expect(await queueTitles(a)).toEqual(await queueTitles(b));
    await b.reload();
    await expect.poll(async () => (await queueTitles(b)).sort(), { timeout: 5_000 }).toEqual(all);

    // A removal in one tab goes from the other too.
    await a
      .getByRole('listitem', { name: E3 })
      .getByRole('button', { name: /Remove/ })
      .click();
    await expect.poll(() => queueTitles(b), { timeout: 1_000, interval: 50 }).not.toContain(E3);
  });

  test('never two players: playing in one tab pauses the other, which follows the position', async () => {
    await openShow(a, NETWORK);
    await a
      .getByRole('button', { name: `Play ${E3}` })
      .first()
      .click();
    await waitForAudio(a, (s) => !s.paused && s.currentTime > 0.2, undefined, 20_000);

    await openShow(b, PLAYER_SHOW.title);
    await b
      .getByRole('button', { name: `Play ${LONG}` })
      .first()
      .click();
    await waitForAudio(b, (s) => !s.paused && s.currentTime > 0.2, undefined, 20_000);
    await waitForAudio(a, (s) => s.paused, undefined, 1_000);
    // Tab A now shows what B plays, and its position, within a second.
    await a.locator('.mini-title', { hasText: LONG }).waitFor({ timeout: 1_000 });
    await b.evaluate(() => {
      document.querySelector('audio')!.currentTime = 60;
    });
    await expect.poll(() => miniProgress(a), { timeout: 1_000, interval: 50 }).toBeGreaterThan(0.49);

    // Back in A: it carries on from where B was, and B stops.
    await b.locator('.mini-player').getByRole('button', { name: 'Pause' }).click();
    await waitForAudio(b, (s) => s.paused);
    await a.locator('.mini-player').getByRole('button', { name: 'Play', exact: true }).click();
    const resumed = await waitForAudio(a, (s) => !s.paused && s.currentTime > 0, undefined, 10_000);
    expect(resumed.currentTime).toBeGreaterThanOrEqual(59.5);
    expect((await audioState(b)).paused).toBe(true);
    await a.locator('.mini-player').getByRole('button', { name: 'Pause' }).click();
  });
});
