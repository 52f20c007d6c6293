import { afterAll, beforeAll, describe, test } from 'vitest';
import type { Page } from 'playwright-core';
import { startStack, type Stack } from './harness';
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

  const card = (page: Page) => page.getByRole('list', { name: 'Shows' }).getByRole('listitem').filter({ has: page.getByRole('link', { name: NETWORK_SHOW }) });

  test('a show added a while after the Library opened says "just now", then "3 minutes ago" without a reload', async () => {
    const page = await stack.newPage(await stack.newContext());
    // The page's clock, under the test's control (timers fire when it is moved on).
    await page.clock.install({ time: new Date('2026-06-01T10:00:00Z') });
    await openLibrary(stack, page);
    await page.clock.fastForward('00:50');
    await subscribe(stack, page, 'network-show.xml', NETWORK_SHOW);
    await card(page).getByText('Updated just now').waitFor();
    await page.clock.fastForward('03:00');
    await card(page).getByText('Updated 3 minutes ago').waitFor();
  });
});
