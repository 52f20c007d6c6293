/**
 * Eviction-proof downloads: chunks deleted behind the app's back (as a browser clearing storage
 * would) are found at start, on return to the foreground and at play time; the episode is marked
 * "Removed by the browser" with "Download again", and it streams instead of playing half.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { noCors, checkConsole, FIRST_RUN_REFUSALS, startStack, waitForServiceWorker, type Stack } from './harness';
import { exact, hideBackgroundFetch, row, stored } from './download-helpers';
import { waitForAudio } from './player-helpers';
import { shot } from './backup-helpers';

const FILE = 'eviction-show.xml';
const SHOW = 'Eviction Fixture Show';
const BIG = 'Three chunks';
const SMALL = 'One chunk';
const FEED = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>${SHOW}</title><link>{{BASE}}/</link><description>Eviction tests.</description>
  <item><title>${BIG}</title><guid>evict-big</guid><pubDate>Tue, 13 Jan 2026 09:00:00 GMT</pubDate>
    <enclosure url="{{BASE}}/big/2500000.mp3" type="audio/mpeg" length="2500000"/></item>
  <item><title>${SMALL}</title><guid>evict-small</guid><pubDate>Mon, 12 Jan 2026 09:00:00 GMT</pubDate>
    <enclosure url="{{BASE}}/audio/episode-1.mp3" type="audio/mpeg" length="48274"/></item>
</channel></rss>`;

/** Deletes stored chunks straight from IndexedDB, the way an eviction or a damaged profile would. */
function deleteChunks(page: Page, episodeId: string, indexes: number[] | 'all'): Promise<void> {
  return page.evaluate(
    async ({ id, which }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('hopcast');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
      });
      const tx = db.transaction('chunks', 'readwrite');
      if (which === 'all') tx.objectStore('chunks').delete(IDBKeyRange.bound([id, 0], [id, Infinity]));
      else for (const i of which) tx.objectStore('chunks').delete([id, i]);
      await new Promise((resolve) => (tx.oncomplete = resolve));
      db.close();
    },
    { id: episodeId, which: indexes },
  );
}

describe('eviction', () => {
  let stack: Stack;
  let page: Page;
  const id = (guid: string) => `${stack.fixtures.origin}/feeds/${FILE}\u0000${guid}`;

  beforeAll(async () => {
    stack = await startStack();
    stack.fixtures.setFeed(FILE, FEED);
  });
  afterAll(async () => {
    await stack?.close();
  });
  // The three-chunk episode's host sends no CORS headers: each test downloads it through the proxy.
  checkConsole(() => stack, [...FIRST_RUN_REFUSALS, ...noCors('/big/2500000.mp3')]);
  // Each test in a context of its own (closed by checkConsole), with both episodes downloaded.
  beforeEach(async () => {
    const context = await stack.newContext();
    await hideBackgroundFetch(context);
    page = await stack.newPage(context);
    await page.goto(stack.appUrl);
    await waitForServiceWorker(page);
    await page.getByRole('button', { name: 'Add podcast' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add podcast' });
    await dialog.getByLabel('Feed URL').fill(`${stack.fixtures.origin}/feeds/${FILE}`);
    await dialog.getByRole('button', { name: 'Subscribe' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('list', { name: 'Shows' }).getByRole('link', { name: SHOW }).first().click();
    for (const title of [BIG, SMALL])
      await row(page, title)
        .getByRole('button', exact(`Download ${title}`))
        .click();
    for (const title of [BIG, SMALL])
      await row(page, title)
        .getByRole('button', exact(`Remove download ${title}`))
        .waitFor({ timeout: 30_000 });
    expect((await stored(page, id('evict-big'))).chunks).toBe(3);
  });

  test('a chunk gone while the app runs is found on return to the foreground; Download again restores it', async () => {
    await deleteChunks(page, id('evict-big'), [1]);
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await row(page, BIG).getByText('Removed by the browser').waitFor();
    await shot(page, 'download-removed-by-browser');
    expect(await stored(page, id('evict-big'))).toMatchObject({ chunks: 0, record: { status: 'failed', error: 'Removed by the browser' } });
    // The other download was not touched.
    await row(page, SMALL)
      .getByRole('button', exact(`Remove download ${SMALL}`))
      .waitFor();

    await row(page, BIG)
      .getByRole('button', exact(`Download again ${BIG}`))
      .click();
    await row(page, BIG)
      .getByRole('button', exact(`Remove download ${BIG}`))
      .waitFor({ timeout: 30_000 });
    expect(await stored(page, id('evict-big'))).toMatchObject({ chunks: 3, chunkBytes: 2_500_000, record: { status: 'complete' } });
  });

  test('everything gone while the app was closed is found at start, and plays from the web, never half', async () => {
    await deleteChunks(page, id('evict-small'), 'all');
    await page.reload();
    await row(page, SMALL).getByText('Removed by the browser').waitFor({ timeout: 15_000 });
    await row(page, SMALL)
      .getByRole('button', { name: `Play ${SMALL}` })
      .click();
    const playing = await waitForAudio(page, (a) => !a.paused && a.currentTime > 0.1, undefined, 20_000);
    expect(playing.src).toBe(`${stack.fixtures.origin}/audio/episode-1.mp3`);
    await page.locator('.mini-player').getByRole('button', { name: 'Pause' }).click();
  });

  test('a chunk gone just before Play: the player streams instead and the row says why', async () => {
    await deleteChunks(page, id('evict-big'), [2]);
    await row(page, BIG)
      .getByRole('button', { name: `Play ${BIG}` })
      .click();
    await row(page, BIG).getByText('Removed by the browser').waitFor();
    // Straight from the host, or through the app's proxy (the fixture host sends no CORS headers).
    const src = (await waitForAudio(page, (a) => decodeURIComponent(a.src).includes('/big/2500000.mp3'))).src;
    expect(src).not.toContain('/offline-audio/');
  });

  test('the Downloads screen says whether storage is persistent and how to make it so', async () => {
    // One download evicted, so the screen shows a row to download again as well.
    await deleteChunks(page, id('evict-small'), 'all');
    await page.reload();
    await row(page, SMALL).getByText('Removed by the browser').waitFor({ timeout: 15_000 });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Downloads', exact: true }).click();
    // Headless Chromium keeps storage best-effort.
    await page.getByText(/Best-effort storage: the browser may clear downloads/).waitFor();
    await page.getByText(/To keep downloads safe: install Hopcast/).waitFor();
    // Pressing it asks the browser; headless Chromium may never answer, so only its presence is checked.
    await page.getByRole('button', { name: 'Keep downloads' }).waitFor();
    await page.getByRole('button', exact(`Download again ${SMALL}`)).waitFor();
    await shot(page, 'downloads-persistence', true);
  });
});
