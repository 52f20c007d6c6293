import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { apiFailure, noCors, checkConsole, FIRST_RUN_REFUSALS, startStack, type Stack } from './harness';
import { download, downloaded, exact, hideBackgroundFetch, idOf, row, SHOW, stored, subscribeAndOpenShow } from './download-helpers';

/** The download screens and automation: failures shown, the Downloads screen, the queue's Download all, Settings. */
describe('download screens', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });
  checkConsole(() => stack, FIRST_RUN_REFUSALS);

  async function openShow(): Promise<{ page: Page; context: BrowserContext }> {
    const context = await stack.newContext();
    // The in-page downloader (Safari, Firefox): these tests are about the screens, not the engine.
    await hideBackgroundFetch(context);
    const page = await stack.newPage(context);
    await subscribeAndOpenShow(stack, page);
    return { page, context };
  }

  test('a download the host refuses shows why, offers Retry, and stores nothing', async () => {
    // Direct (no CORS), then through the proxy, which answers the host's 404 with 502.
    stack.expectConsoleErrors(...noCors('/o/status=404/audio/gone.mp3'), apiFailure('audio\\?url=http%3A%2F%2F127\\.0\\.0\\.1%3A\\d+%2Fo%2Fstatus%3D404%2Faudio%2Fgone\\.mp3', 502));
    const { page } = await openShow();
    await download(page, 'Gone episode');
    await row(page, 'Gone episode').getByRole('alert').filter({ hasText: 'The audio host answered 404' }).waitFor();
    await row(page, 'Gone episode').getByRole('button', exact('Retry download Gone episode')).waitFor();
    expect(await stored(page, idOf(stack, 'offline-gone'))).toMatchObject({ chunks: 0, record: { status: 'failed', bytes: 0 } });
  });

  test('Downloads screen: state and size of each, storage figures, delete all played, delete one, delete all', async () => {
    stack.expectConsoleErrors(
      ...noCors('/o/slow=60/audio/long-episode.mp3'),
      // The dropped connection under test, seen through the proxy.
      apiFailure('audio\\?url=http%3A%2F%2F127\\.0\\.0\\.1%3A\\d+%2Fo%2Fdrop%3D200000%2Faudio%2Flong-episode\\.mp3', 'net::ERR_CONTENT_LENGTH_MISMATCH'),
      apiFailure('audio\\?url=http%3A%2F%2F127\\.0\\.0\\.1%3A\\d+%2Fo%2Fstatus%3D404%2Faudio%2Fgone\\.mp3', 502),
    );
    const { page } = await openShow();
    for (const title of ['Long walk', 'Flaky host']) {
      await download(page, title);
      await downloaded(page, title);
    }
    await download(page, 'Gone episode');
    await row(page, 'Gone episode').getByRole('alert').waitFor();
    // Play a moment so the episode lands in history, then mark it played there.
    await row(page, 'Long walk').getByRole('button', exact('Play Long walk')).click();
    await expect.poll(() => page.locator('audio').evaluate((a: HTMLAudioElement) => a.currentTime)).toBeGreaterThan(0.2);
    await page.locator('audio').evaluate((a: HTMLAudioElement) => a.pause());
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', exact('Queue')).click();
    await page.getByRole('listitem').filter({ hasText: 'Long walk' }).getByRole('button', { name: 'Mark played' }).click();
    await page.getByRole('listitem').filter({ hasText: 'Long walk' }).getByRole('button', { name: 'Mark unplayed' }).waitFor();

    await nav.getByRole('link', exact('Downloads')).click();
    await page.getByRole('heading', { level: 1, name: 'Downloads' }).waitFor();
    const list = page.getByRole('list', { name: 'Downloaded episodes' });
    const item = (title: string) => list.getByRole('listitem').filter({ has: page.getByText(title, { exact: true }) });
    await expect.poll(() => list.getByRole('listitem').count()).toBe(3);
    await item('Long walk').getByText('Downloaded').waitFor();
    await item('Long walk').getByText('480 KB').waitFor();
    await item('Long walk').getByText('Played').waitFor();
    await item('Flaky host').getByText('Downloaded').waitFor();
    await item('Gone episode').getByText('The audio host answered 404 (Not Found)').waitFor();
    await page.getByText(/960 KB in downloads · .+ used of .+ available to Hopcast/).waitFor();

    await page.getByRole('button', exact('Delete all played')).click();
    await item('Long walk').waitFor({ state: 'detached' });
    expect((await stored(page, idOf(stack, 'offline-long'))).chunks).toBe(0);
    expect((await stored(page, idOf(stack, 'offline-flaky'))).record?.status).toBe('complete');

    await item('Flaky host').getByRole('button', exact('Delete download Flaky host')).click();
    await item('Flaky host').waitFor({ state: 'detached' });
    expect(await stored(page, idOf(stack, 'offline-flaky'))).toEqual({ chunks: 0, chunkBytes: 0, record: null });

    await page.getByRole('button', exact('Delete all')).click();
    await page.getByRole('group', { name: 'Delete every download?' }).getByRole('button', exact('Yes, delete all')).click();
    await page.getByText('No downloads yet').waitFor();
    expect((await stored(page, idOf(stack, 'offline-gone'))).record).toBeNull();
  });

  test('queue: Download all, auto-download of the next items, delete after played', async () => {
    stack.expectConsoleErrors(...noCors('/o/slow=60/audio/long-episode.mp3'), ...noCors('/o/drop=200000/audio/long-episode.mp3'));
    const { page } = await openShow();
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const title of ['Long walk', 'Flaky host'])
      await row(page, title)
        .getByRole('button', exact(`Add to queue ${title}`))
        .click();
    await nav.getByRole('link', exact('Queue')).click();
    await page.getByRole('button', exact('Download all')).click();
    await nav.getByRole('link', exact('Downloads')).click();
    const list = page.getByRole('list', { name: 'Downloaded episodes' });
    await expect.poll(() => list.getByText('Downloaded', { exact: true }).count(), { timeout: 20_000 }).toBe(2);

    // Keep the next 3 downloaded: queueing a third episode downloads it without a click.
    await nav.getByRole('link', exact('Settings')).click();
    await page.getByLabel('Auto-download from the queue').selectOption('3');
    await page.getByRole('checkbox', { name: 'Delete downloads once played' }).check();
    await page.goBack();
    await page.goBack();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: SHOW }).waitFor();
    await row(page, 'Another big one').getByRole('button', exact('Add to queue Another big one')).click();
    await downloaded(page, 'Another big one');

    // Played (marked in history) and not in the player: deleted.
    await row(page, 'Flaky host').getByRole('button', exact('Play Flaky host')).click();
    await expect.poll(() => page.locator('audio').evaluate((a: HTMLAudioElement) => a.currentTime)).toBeGreaterThan(0.2);
    await row(page, 'Long walk').getByRole('button', exact('Play Long walk')).click();
    await expect.poll(() => page.locator('audio').evaluate((a: HTMLAudioElement) => decodeURIComponent(a.currentSrc))).toContain('offline-long');
    await nav.getByRole('link', exact('Queue')).click();
    await page.getByRole('listitem').filter({ hasText: 'Flaky host' }).getByRole('button', { name: 'Mark played' }).click();
    await expect.poll(async () => (await stored(page, idOf(stack, 'offline-flaky'))).record).toBeNull();
    expect((await stored(page, idOf(stack, 'offline-long'))).record?.status).toBe('complete');
  });
});
