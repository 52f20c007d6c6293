import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { checkConsole, FIRST_RUN_REFUSALS, startStack, type Stack } from './harness';
import { NETWORK_SHOW, openLibrary, subscribe } from './everyday-helpers';

/** Issue 17 point 6: relative times are never in the future, and move on as time passes. */
describe('relative times', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });
  checkConsole(() => stack, FIRST_RUN_REFUSALS);

  const card = (page: Page) =>
    page
      .getByRole('list', { name: 'Shows' })
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: NETWORK_SHOW }) });

  test('a show added a while after the Library opened says "just now", then "3 minutes ago" without a reload', async () => {
    const page = await stack.newPage(await stack.newContext());
    // The page's clock, under the test's control (timers fire when it is moved on).
    await page.clock.install({ time: new Date('2026-06-01T10:00:00Z') });
    await openLibrary(stack, page);
    await page.clock.fastForward('00:50');
    // Every text a card's status ever shows, recorded as it changes (a future time may show only briefly).
    await page.evaluate(() => {
      const w = window as unknown as { __statuses: string[] };
      w.__statuses = [];
      new MutationObserver(() => {
        for (const el of document.querySelectorAll('.show-card-status')) w.__statuses.push(el.textContent ?? '');
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await subscribe(stack, page, 'network-show.xml', NETWORK_SHOW);
    await card(page).getByText('Updated just now').waitFor();
    const statuses = await page.evaluate(() => (window as unknown as { __statuses: string[] }).__statuses);
    expect(statuses.filter((t) => /\bin \d/.test(t))).toEqual([]);
    await page.clock.fastForward('03:00');
    await card(page).getByText('Updated 3 minutes ago').waitFor();
  });
});
