import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkConsole, FIRST_RUN_REFUSALS, startStack, type Stack } from './harness';
import { lastRefreshAllAt } from './everyday-helpers';
import { card, feedRequests, openLibrary, rss, subscribeTo } from './library-helpers';

describe('library refresh', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });
  checkConsole(() => stack, FIRST_RUN_REFUSALS);

  test('refresh all: new episodes get badges, a moved feed is followed, one broken feed fails on its own card', async () => {
    stack.fixtures.setFeed('growing.xml', rss('Growing', [1, 2]));
    stack.fixtures.setFeed('old-home.xml', rss('Mover', [1], `<itunes:new-feed-url>{{BASE}}/feeds/new-home.xml</itunes:new-feed-url>`));
    stack.fixtures.setFeed('new-home.xml', rss('Mover', [1, 2]));
    stack.fixtures.setFeed('breaking.xml', rss('Breaking', [1]));
    const page = await openLibrary(stack);
    for (const name of ['growing.xml', 'old-home.xml', 'breaking.xml']) await subscribeTo(page, `${stack.fixtures.origin}/feeds/${name}`);
    await card(page, 'Growing').getByText('2 unplayed').waitFor();
    // The move was followed on subscribe: both episodes of the new home are there.
    await card(page, 'Mover').getByText('2 unplayed').waitFor();
    await card(page, 'Breaking').getByText('1 unplayed').waitFor();

    stack.fixtures.setFeed('growing.xml', rss('Growing', [1, 2, 3, 4]));
    stack.fixtures.setFeed('breaking.xml', 'this is not a feed');
    const oldHomeBefore = feedRequests(stack, 'old-home.xml').length;
    await page.getByRole('button', { name: 'Refresh', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Refreshed \d+ shows: 2 new episodes, 1 failed/ })
      .waitFor();
    await card(page, 'Growing').getByText('2 new').waitFor();
    await card(page, 'Growing').getByText('4 unplayed').waitFor();
    await card(page, 'Breaking').getByRole('alert').filter({ hasText: 'Refresh failed: This address returned something that is not a podcast feed' }).waitFor();
    await card(page, 'Mover')
      .getByText(/Updated just now/)
      .waitFor();
    expect(feedRequests(stack, 'old-home.xml').length).toBe(oldHomeBefore);

    await card(page, 'Growing').getByRole('link', { name: 'Growing' }).click();
    const rows = page.getByRole('list', { name: 'Episodes' }).getByRole('listitem');
    await rows.first().getByText('New', { exact: true }).waitFor();
    await expect(rows.filter({ hasText: 'New' }).count()).resolves.toBe(2);
    await page.getByRole('link', { name: 'Back' }).click();
    await card(page, 'Growing').getByText('4 unplayed').waitFor();
    await expect(card(page, 'Growing').getByText('2 new').count()).resolves.toBe(0);
  });

  test('pull-to-refresh on touch refreshes, and a library older than an hour refreshes on start', async () => {
    stack.fixtures.setFeed('touch.xml', rss('Touch Show', [1]));
    const page = await openLibrary(stack);
    await subscribeTo(page, `${stack.fixtures.origin}/feeds/touch.xml`);
    await card(page, 'Touch Show').waitFor();

    const before = feedRequests(stack, 'touch.xml').length;
    const cdp = await page.context().newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', y: number | null) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: y === null ? [] : [{ x: 200, y }] });
    await touch('touchStart', 150);
    for (let y = 170; y <= 450; y += 20) await touch('touchMove', y);
    await page.getByText('Release to refresh').waitFor();
    await touch('touchEnd', null);
    await page
      .getByRole('status')
      .filter({ hasText: /Refreshed 1 show: 0 new episodes/ })
      .waitFor();
    expect(feedRequests(stack, 'touch.xml').length).toBe(before + 1);

    // Age the show by two hours, then start the app again: it refreshes by itself.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('hopcast');
          open.onerror = () => reject(open.error ?? new Error('IndexedDB request failed'));
          open.onsuccess = () => {
            const store = open.result.transaction('podcasts', 'readwrite').objectStore('podcasts');
            const all = store.getAll();
            all.onsuccess = () => {
              for (const p of all.result) store.put({ ...p, lastRefreshAt: Date.now() - 2 * 3600_000 });
              store.transaction.oncomplete = () => {
                open.result.close();
                resolve();
              };
            };
          };
        }),
    );
    await page.reload();
    await card(page, 'Touch Show')
      .getByText(/Updated just now/)
      .waitFor();
    expect(feedRequests(stack, 'touch.xml').length).toBe(before + 2);
    // A show refreshed within the hour is left alone on the next start: once the start-up pass over
    // due shows has finished (it records when), the feed was still asked only twice.
    const reloadedAt = await page.evaluate(() => Date.now());
    await page.reload();
    await card(page, 'Touch Show').waitFor();
    await expect.poll(() => lastRefreshAllAt(page), { timeout: 15_000 }).toBeGreaterThan(reloadedAt);
    expect(feedRequests(stack, 'touch.xml').length).toBe(before + 2);
  });
});
