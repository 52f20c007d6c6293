import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkConsole, FIRST_RUN_REFUSALS, startStack, type Stack } from './harness';
import { episodeRow, exact, LONG_SHOW, nav, NETWORK_SHOW, openLibrary, openShow, subscribe } from './everyday-helpers';
import { SERVED_DIR } from '../fixtures/fixture-server';

const QUOKKA = 'Quokka Tales';
const LANTERNS = 'Lanterns, marsupials and a café at dawn';

/** Issue 17 point 13: the smaller things. */
describe('smaller things', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });
  checkConsole(() => stack, FIRST_RUN_REFUSALS);

  async function fresh(): Promise<Page> {
    const page = await stack.newPage(await stack.newContext());
    await openLibrary(stack, page);
    return page;
  }

  test('a show keeps its sort and filter when you come back, and can be searched inside', async () => {
    const page = await fresh();
    await subscribe(stack, page, 'long-names.xml', LONG_SHOW);
    await openShow(page, LONG_SHOW);
    await page.getByRole('combobox', { name: 'Sort episodes' }).selectOption('oldest');
    await page.getByRole('combobox', { name: 'Filter episodes' }).selectOption('unplayed');
    await nav(page, 'Library');
    await openShow(page, LONG_SHOW);
    await expect(page.getByRole('combobox', { name: 'Sort episodes' }).inputValue()).resolves.toBe('oldest');
    await expect(page.getByRole('combobox', { name: 'Filter episodes' }).inputValue()).resolves.toBe('unplayed');

    await page.getByRole('searchbox', { name: 'Search in this show' }).fill('zareason');
    await page.getByText('1 shown').waitFor();
    await episodeRow(page, 'ZaReason laptops on the bench').waitFor();
    await page.getByRole('searchbox', { name: 'Search in this show' }).fill('no such words here');
    await page.getByText('No episodes of this show match “no such words here”.').waitFor();
  });

  test('Episode page: Play and Pause take the same room, the current chapter is marked; remaining time honours speed; the queue header says it once', async () => {
    const page = await fresh();
    await subscribe(stack, page, 'quokka-tales.xml', QUOKKA);
    await openShow(page, QUOKKA);
    await episodeRow(page, 'Night walks').getByRole('button', exact('Add to queue Night walks')).click();
    await page.getByRole('link', exact(LANTERNS)).click();
    await page.getByRole('heading', { level: 2, name: LANTERNS }).waitFor();
    const play = page.getByRole('button', exact(`Play ${LANTERNS}`));
    const download = page.getByRole('main').getByRole('button', exact(`Download ${LANTERNS}`));
    const before = { play: (await play.boundingBox())!, download: (await download.boundingBox())! };
    await play.click();
    const pause = page.getByRole('button', exact(`Pause ${LANTERNS}`));
    await pause.waitFor();
    expect((await pause.boundingBox())!.width).toBe(before.play.width);
    expect(await download.boundingBox()).toEqual(before.download);

    // Into "Lantern making" (75–105 s), paused there.
    await pause.click();
    await page.locator('audio').evaluate((a: HTMLAudioElement) => (a.currentTime = 93));
    const current = page.locator('.chapter-list li[aria-current="true"]');
    await current.getByText('Lantern making', { exact: true }).waitFor();
    await current.getByText('Now playing').waitFor();

    await page.getByRole('button', { name: 'Open player' }).click();
    await page.getByRole('combobox', { name: 'Playback speed' }).selectOption('1.5');
    const expected = await page.locator('audio').evaluate((a: HTMLAudioElement) => {
      const left = Math.floor((a.duration - a.currentTime) / 1.5);
      return `-${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
    });
    await expect.poll(() => page.locator('.seek-times span').last().textContent()).toBe(expected);
    await page.keyboard.press('Escape');

    await nav(page, 'Queue');
    const summary = page.locator('.queue-summary');
    await summary.getByText(/plus .+ of the episode playing now/).waitFor();
    const text = (await summary.textContent())!;
    expect(text).not.toMatch(/with the episode playing now/);
  });

  test('importing shows already followed under another address (podcast:guid, title and author) adds no duplicates', async () => {
    const page = await fresh();
    await subscribe(stack, page, 'network-show.xml', NETWORK_SHOW);
    await subscribe(stack, page, 'long-names.xml', LONG_SHOW);
    // Same podcast:guid, another title and address.
    const renamed = readFileSync(path.join(SERVED_DIR, 'long-names.xml'), 'utf8').replace(`<title>${LONG_SHOW}</title>`, '<title>Renamed Roundtable</title>');
    stack.fixtures.setFeed('renamed-guid.xml', renamed);
    await nav(page, 'Settings');
    await page
      .getByLabel('Paste OPML')
      .fill(
        `<opml version="2.0"><body><outline type="rss" text="Old address" xmlUrl="${stack.fixtures.origin}/r/1/feeds/network-show.xml"/><outline type="rss" text="Renamed" xmlUrl="${stack.fixtures.origin}/feeds/renamed-guid.xml"/></body></opml>`,
      );
    await page.getByRole('button', { name: 'Import pasted OPML' }).click();
    await page
      .getByRole('status', { name: 'Import report' })
      .getByText(/Imported 0 shows, 2 already followed/)
      .waitFor();
    await nav(page, 'Library');
    // Shows followed are links; the default shows the sealed proxy refused are tiles without one.
    const followed = page.getByRole('list', { name: 'Shows' }).locator('a.show-card-link');
    await followed.nth(1).waitFor();
    await expect(followed.count()).resolves.toBe(2);
  });

  test('Settings: theme, refresh interval, and Reset app data with an export offered first', async () => {
    const page = await fresh();
    await subscribe(stack, page, 'network-show.xml', NETWORK_SHOW);
    await nav(page, 'Settings');
    await page.getByRole('radio', { name: 'Dark' }).check();
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await expect.poll(bg).toBe('rgb(11, 20, 22)');
    await page.getByRole('combobox', { name: 'Check for new episodes' }).selectOption('manual');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await expect.poll(bg).toBe('rgb(11, 20, 22)');
    await expect(page.getByRole('radio', { name: 'Dark' }).isChecked()).resolves.toBe(true);
    await expect(page.getByRole('combobox', { name: 'Check for new episodes' }).inputValue()).resolves.toBe('manual');
    await page.getByRole('radio', { name: 'Same as device' }).check();
    await expect.poll(bg).toBe('rgb(245, 247, 247)');

    await page.getByRole('button', { name: 'Reset app data…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reset app data?' });
    const saved = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export subscriptions first' }).click();
    const file = await saved;
    expect(readFileSync(await file.path(), 'utf8')).toContain(NETWORK_SHOW);
    await dialog.getByRole('button', { name: 'Delete everything' }).click();
    await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
    await page.getByRole('region', { name: 'Welcome to Hopcast' }).waitFor();
    await expect(page.getByRole('list', { name: 'Shows' }).getByRole('link', { name: NETWORK_SHOW }).count()).resolves.toBe(0);
  });
});
