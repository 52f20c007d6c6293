import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import path from 'node:path';
import { MAX_ITEMS } from '../../src/core/feed/limits';
import { checkConsole, FIRST_RUN_REFUSALS, startStack, type Stack } from './harness';

/**
 * A feed of more items than the engine keeps (the "3 MB of empty <item>s" in miniature):
 * the show is stored with MAX_ITEMS episodes, and its page says the feed was truncated.
 */
describe('a feed past the item cap', () => {
  let stack: Stack;
  const TOTAL = MAX_ITEMS + 25;
  beforeAll(async () => {
    stack = await startStack();
    const items = Array.from({ length: TOTAL }, (_, i) => `<item><guid>g${i}</guid><title>Item ${i}</title></item>`).join('');
    stack.fixtures.setFeed('flood.xml', `<?xml version="1.0"?><rss version="2.0"><channel><title>Flood Show</title>${items}</channel></rss>`);
  });
  afterAll(async () => {
    await stack?.close();
  });
  checkConsole(() => stack, FIRST_RUN_REFUSALS);

  test('is kept at the cap and the Show page says the feed was truncated', async () => {
    const page = await stack.newPage();
    await page.goto(stack.appUrl);
    await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
    await page.getByRole('button', { name: 'Add podcast' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add podcast' });
    await dialog.getByLabel('Feed URL').fill(`${stack.fixtures.origin}/feeds/flood.xml`);
    await dialog.getByRole('button', { name: 'Subscribe' }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 60_000 });
    await page
      .getByRole('list', { name: 'Shows' })
      .getByRole('link', { name: /Flood Show/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: 'Flood Show' }).waitFor();
    const note = page.getByRole('note').filter({ hasText: 'This feed was truncated' });
    await note.waitFor();
    expect(await note.textContent()).toContain(`lists ${TOTAL.toLocaleString('en-US')} episodes`);
    // The show holds exactly the cap.
    expect(await page.locator('.show-stats').textContent()).toMatch(new RegExp(`^${MAX_ITEMS} episodes`));
    if (process.env.HOPCAST_SCREENSHOTS) await page.screenshot({ path: path.join(process.env.HOPCAST_SCREENSHOTS, 'show-truncated.png') });
  });
});
