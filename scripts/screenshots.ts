/**
 * `npm run screenshots`: builds the app, serves it with the fixture podcast host, drives Debian
 * Chromium through a short session at phone size and writes PNGs to docs/screenshots/.
 * The README shows them; re-run after changing a screen. The player's own images (with chapters)
 * come from its e2e test: `HOPCAST_SCREENSHOTS=docs npx vitest run --project e2e tests/e2e/player.test.ts`.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import setup from '../tests/e2e/global-setup';
import { startStack, waitForServiceWorker } from '../tests/e2e/harness';

const out = path.resolve(import.meta.dirname, '..', 'docs', 'screenshots');
mkdirSync(out, { recursive: true });

const teardown = setup();
const stack = await startStack();

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(out, `${name}.png`) });
  console.log(`docs/screenshots/${name}.png`);
}

/** Subscribes to the fixture show through the UI, as a user would; skipped when the dialog is absent. */
async function subscribeToFixtureShow(page: Page): Promise<boolean> {
  const add = page.getByRole('button', { name: 'Add podcast' });
  if (!(await add.count())) return false;
  await add.first().click();
  await page.getByRole('textbox', { name: 'Feed URL' }).fill(`${stack.fixtures.origin}/feeds/network-show.xml`);
  await page.getByRole('button', { name: 'Subscribe', exact: true }).click();
  await page.getByText('Fixture Network Show').first().waitFor({ timeout: 15_000 });
  return true;
}

try {
  for (const scheme of ['light', 'dark'] as const) {
    const context = await stack.newContext({ colorScheme: scheme });
    const page = await stack.newPage(context);
    await page.goto(stack.appUrl);
    await waitForServiceWorker(page);
    await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
    const subscribed = await subscribeToFixtureShow(page);
    await page.keyboard.press('Escape');
    await shot(page, `library-${scheme}`);
    if (subscribed) {
      await page.getByRole('link', { name: /Fixture Network Show/ }).first().click();
      await page.getByText('Episode 3: Day two operations').first().waitFor();
      await shot(page, `show-${scheme}`);
      await page.getByRole('link', { name: 'Episode 3: Day two operations' }).first().click();
      await page.getByRole('heading', { level: 1 }).waitFor();
      await shot(page, `episode-${scheme}`);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search', exact: true }).click();
      await page.getByRole('searchbox', { name: 'Search episodes' }).fill('routing');
      await page.getByText('Routing in a hurry').first().waitFor();
      await shot(page, `search-results-${scheme}`);
    }
    for (const name of ['Queue', 'Downloads', 'Settings']) {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
      await page.getByRole('heading', { level: 1, name }).waitFor();
      await shot(page, `${name.toLowerCase()}-${scheme}`);
    }
    if (subscribed) {
      // Search with results, and the Episode page a result leads to.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search', exact: true }).click();
      await page.getByRole('searchbox', { name: 'Search episodes' }).fill('episode');
      await page.getByRole('status').filter({ hasText: 'match' }).waitFor();
      await shot(page, `search-results-${scheme}`);
      await page.getByRole('link', { name: 'Episode 3: Day two operations' }).first().click();
      await page.getByRole('heading', { level: 2, name: 'Episode 3: Day two operations' }).waitFor();
      await shot(page, `episode-${scheme}`);
    }
    await context.close();
  }
} finally {
  await stack.close();
  teardown();
}
