import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { apiFailure, fixtureFailure, checkConsole, FIRST_RUN_REFUSALS, startStack, type Stack } from './harness';
import { seededPage } from './everyday-helpers';

const FEED_TITLE = 'Fixture Network Show';

describe('search and the episode page', () => {
  let stack: Stack;
  let page: Page;

  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });
  checkConsole(() => stack, FIRST_RUN_REFUSALS);
  // Each test in a context of its own, subscribed to the one show (checkConsole closes it after).
  beforeEach(async () => {
    page = await seededPage(stack, [['network-show.xml', FEED_TITLE]]);
  });

  async function openSearch(): Promise<void> {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Search' }).waitFor();
  }

  const results = () => page.getByRole('list', { name: 'Matching episodes' }).getByRole('article');

  test('finds an episode by a word that is only in its show notes, as you type, highlighted', async () => {
    await openSearch();
    const box = page.getByRole('searchbox', { name: 'Search episodes' });
    await box.pressSequentially('quokka', { delay: 30 });
    await page.getByRole('status').filter({ hasText: '1 episode matches “quokka”' }).waitFor();
    await expect(results().count()).resolves.toBe(1);
    const row = results().first();
    await expect(row.getAttribute('aria-label')).resolves.toBe('Episode 3: Day two operations');
    await expect(row.locator('mark').allTextContents()).resolves.toEqual(['quokkalantern']);
    await row.getByRole('button', { name: 'Play Episode 3: Day two operations' }).waitFor();
    await row.getByRole('button', { name: 'Add to queue Episode 3: Day two operations' }).waitFor();
    await row.getByRole('button', { name: 'Download Episode 3: Day two operations' }).waitFor();

    await box.fill('routing hurry');
    await page.getByRole('status').filter({ hasText: '1 episode matches “routing hurry”' }).waitFor();
    await expect(results().first().getAttribute('aria-label')).resolves.toBe('Episode 1: Routing in a hurry');
    await box.fill('zzzznothing');
    await page.getByRole('status').filter({ hasText: 'No episodes match “zzzznothing”.' }).waitFor();
  });

  test('filters narrow the results', async () => {
    await page.goto(`${stack.appUrl}/search?q=episode`);
    await page.getByRole('status').filter({ hasText: '3 episodes match “episode”' }).waitFor();
    await page.getByRole('combobox', { name: 'Played state' }).selectOption('played');
    await page.getByRole('status').filter({ hasText: 'No episodes match “episode”.' }).waitFor();
    await page.getByRole('combobox', { name: 'Played state' }).selectOption('unplayed');
    await page.getByRole('status').filter({ hasText: '3 episodes match “episode”' }).waitFor();
    await page.getByRole('checkbox', { name: 'Downloaded' }).check();
    await page.getByRole('status').filter({ hasText: 'No episodes match “episode”.' }).waitFor();
  });

  test('the index survives a reload, and the query is kept in the address', async () => {
    await page.goto(`${stack.appUrl}/search?q=quokkalantern`);
    await expect(page.getByRole('searchbox', { name: 'Search episodes' }).inputValue()).resolves.toBe('quokkalantern');
    await page.getByRole('status').filter({ hasText: '1 episode matches “quokkalantern”' }).waitFor();
    // The index is saved in IndexedDB (right after the first build), with one signature per episode.
    const savedSignatures = () =>
      page.evaluate(
        () =>
          new Promise<number>((resolve, reject) => {
            const open = indexedDB.open('hopcast');
            open.onerror = () => reject(open.error ?? new Error('IndexedDB request failed'));
            open.onsuccess = () => {
              const get = open.result.transaction('searchIndex').objectStore('searchIndex').get('episodes');
              get.onsuccess = () => resolve((get.result as { signatures?: unknown[] } | undefined)?.signatures?.length ?? 0);
              get.onerror = () => reject(get.error ?? new Error('IndexedDB request failed'));
            };
          }),
      );
    await expect.poll(savedSignatures, { timeout: 10_000 }).toBe(3);
  });

  test('a show note with <img onerror> and <script> runs nothing on the episode page', async () => {
    // The <img src=x> the notes carry, resolved against the show's page.
    stack.expectConsoleErrors(fixtureFailure('/page/x', 404));
    await page.goto(`${stack.appUrl}/search?q=automating`);
    await results().first().getByRole('link', { name: 'Episode 2: Automating the network' }).click();
    await page.getByRole('heading', { level: 2, name: 'Episode 2: Automating the network' }).waitFor();
    await page.getByText('Small scripts, big wins.').waitFor();
    const notes = page.locator('.show-notes');
    // Every image in the notes has loaded or failed, so an onerror handler, had one survived, has run.
    await expect.poll(() => notes.evaluate((n) => [...n.querySelectorAll('img')].every((img) => img.complete))).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    await expect(notes.locator('script').count()).resolves.toBe(0);
    await expect(notes.locator('[onerror]').count()).resolves.toBe(0);
    await page.getByRole('link', { name: FEED_TITLE }).waitFor();
    await page.getByRole('button', { name: 'Play Episode 2: Automating the network' }).waitFor();
    await page.getByRole('button', { name: 'Add to queue Episode 2: Automating the network' }).waitFor();
    await page.getByRole('button', { name: 'Download Episode 2: Automating the network' }).waitFor();
  });

  test('a timestamp in the notes plays the episode from there', async () => {
    await page.goto(`${stack.appUrl}/search?q=quokkalantern`);
    await results().first().getByRole('link', { name: 'Episode 3: Day two operations' }).click();
    await page.getByRole('heading', { level: 2, name: 'Episode 3: Day two operations' }).waitFor();
    await page.getByRole('button', { name: 'Play from 0:05' }).click();
    await page.waitForFunction(
      () => {
        const audio = document.querySelector('audio');
        return !!audio && !audio.paused && audio.currentTime >= 5;
      },
      undefined,
      { timeout: 15_000 },
    );
    await page.getByRole('button', { name: 'Pause Episode 3: Day two operations' }).click();
  });

  test('directory search: results with Subscribe state, the server error shown, offline explained', async () => {
    stack.expectConsoleErrors(apiFailure('search\\?q=__fail$', 502));
    await openSearch();
    const box = page.getByRole('searchbox', { name: 'Search episodes' });
    await box.fill('network');
    await box.press('Enter');
    const found = page.getByRole('list', { name: 'Podcasts found for network' });
    await found.waitFor();
    // Already followed: the card links to the show instead of subscribing again.
    await found.getByRole('link', { name: `Subscribed: open ${FEED_TITLE}` }).waitFor();
    // Local results stay next to the directory's.
    await results().first().waitFor();

    await box.fill('__fail');
    await page.getByRole('button', { name: 'Search directories for “__fail”' }).click();
    await page.getByRole('alert').filter({ hasText: 'Directory search failed: Directory search is unavailable right now' }).waitFor();

    await page.context().setOffline(true);
    try {
      await page.getByRole('status').filter({ hasText: 'Directory search needs a network connection' }).waitFor();
      await box.fill('quokkalantern');
      await page.getByRole('status').filter({ hasText: '1 episode matches “quokkalantern”' }).waitFor();
    } finally {
      await page.context().setOffline(false);
    }
  });

  test('episode page extras: chapters, a transcript whose lines seek, safe links, people and funding', async () => {
    await page.goto(stack.appUrl);
    await page.getByRole('button', { name: 'Add podcast' }).first().click();
    await page.getByRole('textbox', { name: 'Feed URL' }).fill(`${stack.fixtures.origin}/feeds/quokka-tales.xml`);
    await page.getByRole('button', { name: 'Subscribe', exact: true }).click();
    await page.getByRole('textbox', { name: 'Feed URL' }).waitFor({ state: 'hidden', timeout: 20_000 });
    await page.goto(`${stack.appUrl}/search?q=marsupials`);
    await results()
      .first()
      .getByRole('link', { name: /^Lanterns, marsupials/ })
      .click();
    await page.getByRole('heading', { level: 2, name: 'Lanterns, marsupials and a café at dawn' }).waitFor();

    const link = page.getByRole('link', { name: 'a reading list' });
    await expect(link.getAttribute('href')).resolves.toBe(`${stack.fixtures.origin}/page/reading-list`);
    await expect(link.getAttribute('target')).resolves.toBe('_blank');
    await expect(link.getAttribute('rel')).resolves.toBe('noopener noreferrer');
    await expect(page.locator('.show-notes a', { hasText: 'Not a link' }).getAttribute('href')).resolves.toBeNull();

    const chapters = page.getByRole('region', { name: 'Chapters' });
    await chapters.getByRole('button', { name: 'Play from 1:15: Lantern making' }).waitFor();
    await expect(chapters.getByRole('listitem').count()).resolves.toBe(4);

    // Each name opens the person's page across shows; their own web page is a second link.
    await page.getByRole('link', { name: 'Ada Lovelace', exact: true }).waitFor();
    await page.getByRole('link', { name: 'Web page of Ada Lovelace' }).waitFor();
    await page.getByText('Jürgen Müller', { exact: true }).waitFor();
    await page.getByRole('link', { name: 'Tip jar' }).waitFor();
    await page.getByRole('link', { name: 'Support Quokka Tales' }).waitFor();

    await page.getByText('Transcript', { exact: true }).click();
    const cue = page.getByRole('button', { name: 'Play from 0:30: So, why do quokkas smile?' });
    await cue.click();
    await page.waitForFunction(
      () => {
        const audio = document.querySelector('audio');
        return !!audio && !audio.paused && audio.currentTime >= 30;
      },
      undefined,
      { timeout: 15_000 },
    );
    // While this episode plays, the line being spoken is marked.
    await page.locator('.cue[aria-current="true"]', { hasText: 'why do quokkas smile' }).waitFor();
    await page.getByRole('button', { name: 'Pause Lanterns, marsupials and a café at dawn' }).click();
  });
});
