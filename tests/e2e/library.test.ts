import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { apiFailure, checkConsole, FIRST_RUN_REFUSALS, startStack, type Stack } from './harness';
import { card, FEED_TITLE, feedRequests, openLibrary, rss, subscribeTo } from './library-helpers';

describe('library', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });
  checkConsole(() => stack, FIRST_RUN_REFUSALS);

  test('first run: the default shows the sealed proxy refuses show why, with Retry and a paste-URL path that works', async () => {
    const page = await openLibrary(stack);
    const shows = page.getByRole('list', { name: 'Shows' });
    const heavy = shows.getByRole('listitem', { name: 'Heavy Networking' });
    await heavy.getByRole('alert').filter({ hasText: 'only reaches its configured hosts' }).waitFor();
    // No known URL: the origin, Apple by id, then the directory by exact title (the fixture stand-in has no such show).
    const nan = shows.getByRole('listitem', { name: 'Network Automation Nerds' });
    await nan.getByRole('alert').waitFor();
    await nan.getByRole('button', { name: 'Details for Network Automation Nerds' }).click();
    await expect(nan.locator('.tried-list').textContent()).resolves.toContain('No show titled “Network Automation Nerds” by Packet Pushers was found');
    // The opened card takes the focus on its Close; closing it from the keyboard goes back to Details.
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    await expect.poll(focused).toBe('Hide details for Network Automation Nerds');
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe('Details for Network Automation Nerds');
    await shows.getByRole('listitem', { name: 'Packet Protector' }).getByRole('alert').waitFor();
    await shows.getByRole('listitem', { name: 'Day Two DevOps' }).getByRole('alert').waitFor();
    // The directory was asked by title, through the server.
    const asked = stack.fixtures.log.filter((r) => r.url.startsWith('/apple/search')).map((r) => new URL(r.url, stack.fixtures.origin).searchParams.get('term'));
    expect(asked).toEqual(expect.arrayContaining(['Network Automation Nerds', 'Packet Protector']));

    await heavy.getByRole('button', { name: 'Retry Heavy Networking' }).click();
    await heavy.getByRole('alert').waitFor();

    await heavy.getByRole('button', { name: 'Details for Heavy Networking' }).click();
    await heavy.getByRole('button', { name: 'Paste address for Heavy Networking' }).click();
    await heavy.getByLabel('Feed address for Heavy Networking').fill(`${stack.fixtures.origin}/feeds/network-show.xml`);
    await heavy.getByRole('button', { name: 'Use' }).click();
    await card(page, FEED_TITLE).waitFor();
    await shows.getByRole('listitem', { name: 'Heavy Networking' }).waitFor({ state: 'detached' });

    // Unresolved cards come back after a reload; dismissing one is remembered.
    await page.reload();
    await shows.getByRole('listitem', { name: 'Packet Protector' }).getByRole('button', { name: 'Details for Packet Protector' }).click();
    await shows.getByRole('listitem', { name: 'Packet Protector' }).getByRole('button', { name: 'Dismiss Packet Protector' }).click();
    await shows.getByRole('listitem', { name: 'Packet Protector' }).waitFor({ state: 'detached' });
    await page.reload();
    await card(page, FEED_TITLE).waitFor();
    await shows.getByRole('listitem', { name: 'Day Two DevOps' }).waitFor();
    await expect(shows.getByRole('listitem', { name: 'Packet Protector' }).count()).resolves.toBe(0);
  });

  test('a default show without a known feed URL is found by its exact title in the directory', async () => {
    // The fixture directory lists every served feed whose title contains the search term.
    stack.fixtures.setFeed('pp-fans.xml', rss('Packet Protector Fans', [1]));
    // The identity check: the right title, published by Packet Pushers.
    stack.fixtures.setFeed('pp.xml', rss('Packet Protector', [1, 2], '<itunes:author>Packet Pushers</itunes:author>'));
    const page = await openLibrary(stack);
    await card(page, 'Packet Protector').getByText('2 unplayed').waitFor();
    await expect(card(page, 'Packet Protector Fans').count()).resolves.toBe(0);
    await page.getByRole('list', { name: 'Shows' }).getByRole('listitem', { name: 'Network Automation Nerds' }).getByRole('alert').waitFor();
    // Later tests start from a directory without it.
    stack.fixtures.setFeed('pp.xml', 'gone');
    stack.fixtures.setFeed('pp-fans.xml', 'gone');
  });

  test('subscribe by feed URL, open the show, refresh gets a 304, unsubscribe removes everything', async () => {
    const page = await openLibrary(stack);
    await subscribeTo(page, `${stack.fixtures.origin}/feeds/network-show.xml`);
    const show = card(page, FEED_TITLE);
    await show.getByText('3 unplayed').waitFor();
    await show.getByText(/Updated just now/).waitFor();

    await show.getByRole('link', { name: FEED_TITLE }).click();
    await page.getByRole('heading', { level: 1, name: FEED_TITLE }).waitFor();
    const episodes = page.getByRole('list', { name: 'Episodes' });
    await expect(episodes.getByRole('listitem').count()).resolves.toBe(3);
    // The virtual list places rows by the height row-height.ts sets; the rendered rows must be exactly that tall.
    const heights = await episodes.getByRole('listitem').evaluateAll((rows) => rows.map((r) => [r.getBoundingClientRect().height, r.querySelector('.episode-row')!.getBoundingClientRect().height]));
    expect(heights).toEqual([
      [118, 118],
      [118, 118],
      [118, 118],
    ]);
    const first = episodes.getByRole('listitem').first();
    await expect(first.getByRole('link').textContent()).resolves.toBe('Episode 3: Day two operations');
    for (const name of [/^Play (?!next )/, /^Play next /, /^Add to queue /, /^Download /]) await expect(first.getByRole('button', { name }).count()).resolves.toBe(1);
    await page.getByLabel('Sort episodes').selectOption('oldest');
    await expect(episodes.getByRole('listitem').first().getByRole('link').textContent()).resolves.toBe('Episode 1: Routing in a hurry');
    await page.getByLabel('Filter episodes').selectOption('played');
    await page.getByText('No episodes match this filter.').waitFor();
    await page.getByLabel('Filter episodes').selectOption('unplayed');
    await expect(episodes.getByRole('listitem').count()).resolves.toBe(3);

    // Refresh: the stored ETag goes up, the host answers 304 and the proxy passes it down.
    const before = feedRequests(stack, 'network-show.xml').length;
    const notModified = page.waitForResponse((r) => r.url().includes('/api/feed?url=') && r.url().includes('network-show.xml'));
    await page.getByRole('button', { name: 'Refresh' }).click();
    expect((await notModified).status()).toBe(304);
    const sent = feedRequests(stack, 'network-show.xml').slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0].headers['if-none-match']).toMatch(/^"[0-9a-f]{16}"$/);

    await page.getByRole('button', { name: 'Unsubscribe' }).click();
    const confirm = page.getByRole('dialog', { name: `Unsubscribe from ${FEED_TITLE}?` });
    await confirm.getByText('Its 3 episodes').waitFor();
    await confirm.getByRole('button', { name: 'Unsubscribe' }).click();
    await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
    await card(page, FEED_TITLE).waitFor({ state: 'detached' });
    const left = await page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('hopcast');
          open.onerror = () => reject(open.error ?? new Error('IndexedDB request failed'));
          open.onsuccess = () => {
            const count = open.result.transaction('episodes').objectStore('episodes').count();
            count.onsuccess = () => resolve(count.result);
          };
        }),
    );
    expect(left).toBe(0);
  });

  test('subscribe by a web page that links its feed', async () => {
    const page = await openLibrary(stack);
    await subscribeTo(page, `${stack.fixtures.origin}/page/network-show.html`);
    await card(page, FEED_TITLE).getByText('3 unplayed').waitFor();
    expect(stack.fixtures.log.some((r) => r.url === '/page/network-show.html')).toBe(true);
  });

  test('a bad address and a page without a feed get clear errors in the dialog', async () => {
    stack.expectConsoleErrors(apiFailure('feed\\?url=http%3A%2F%2F127\\.0\\.0\\.1%3A\\d+%2Ffeeds%2Fdoes-not-exist\\.xml&', 502));
    const page = await openLibrary(stack);
    await page.getByRole('button', { name: 'Add podcast' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add podcast' });
    await dialog.getByLabel('Feed URL').fill('ftp://example.com/feed');
    await dialog.getByRole('button', { name: 'Subscribe' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Only http and https addresses' }).waitFor();
    await dialog.getByLabel('Feed URL').fill(`${stack.fixtures.origin}/feeds/does-not-exist.xml`);
    await dialog.getByRole('button', { name: 'Subscribe' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'The feed is gone: its host answered 404' }).waitFor();
  });

  test('OPML export then import into a fresh browser round-trips the subscriptions', async () => {
    stack.fixtures.setFeed('second.xml', rss('Second Show', [1]));
    const page = await openLibrary(stack);
    await subscribeTo(page, `${stack.fixtures.origin}/feeds/network-show.xml`);
    await subscribeTo(page, `${stack.fixtures.origin}/feeds/second.xml`);
    await card(page, 'Second Show').waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings', exact: true }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export OPML' }).click();
    const file = await (await download).path();
    const opml = readFileSync(file, 'utf8');
    expect(opml).toContain(`xmlUrl="${stack.fixtures.origin}/feeds/network-show.xml"`);
    expect(opml).toContain('title="Second Show"');

    const fresh = await stack.newPage();
    await fresh.goto(`${stack.appUrl}/settings`);
    await fresh.getByLabel('Choose OPML file').setInputFiles({ name: 'subs.opml', mimeType: 'text/x-opml', buffer: Buffer.from(opml) });
    const report = fresh.getByRole('status', { name: 'Import report' });
    await report.getByText('Imported 2 shows').waitFor();
    await report.getByText(FEED_TITLE).waitFor();

    // Pasted OPML with a broken entry and a duplicate: reported, the rest kept.
    await fresh
      .getByLabel('Paste OPML')
      .fill(
        `<opml version="2.0"><body><outline text="Dup" xmlUrl="${stack.fixtures.origin}/feeds/second.xml"/><outline type="rss" text="Bad" xmlUrl="javascript:alert(1)"/><outline text="Dup2" xmlUrl="${stack.fixtures.origin}/feeds/second.xml"/></body></opml>`,
      );
    await fresh.getByRole('button', { name: 'Import pasted OPML' }).click();
    await report.getByText(/Imported 0 shows, 1 already followed, 1 duplicate skipped, 1 failed/).waitFor();
    await report.getByText(/Only http and https addresses/).waitFor();

    await fresh.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library', exact: true }).click();
    await card(fresh, FEED_TITLE).waitFor();
    await card(fresh, 'Second Show').waitFor();
  });

  test('the optional all-shows feed is offered in Settings and says why it failed', async () => {
    const page = await stack.newPage();
    await page.goto(`${stack.appUrl}/settings`);
    await page.getByRole('button', { name: 'Subscribe to all shows' }).click();
    await page.getByRole('status').filter({ hasText: "Couldn't subscribe: This server's proxy only reaches its configured hosts" }).waitFor();
  });
});
