/**
 * `npm run screenshots`: builds the app, serves it with the fixture podcast host, drives Debian
 * Chromium through a short session at phone size (and the wide layout at 1280×800) and writes PNGs
 * to docs/screenshots/. The README shows them; re-run after changing a screen.
 * `npm run screenshots -- before` writes to docs/screenshots/before/ instead: run it on the old code
 * first when a change alters screens, so the README can show before and after.
 * The player's chapter images come from its e2e test:
 * `HOPCAST_SCREENSHOTS=docs npx vitest run --project e2e tests/e2e/player.test.ts`.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import setup from '../tests/e2e/global-setup';
import { startStack, waitForServiceWorker } from '../tests/e2e/harness';

const sub = process.argv[2] ?? '';
const out = path.resolve(import.meta.dirname, '..', 'docs', 'screenshots', sub);
mkdirSync(out, { recursive: true });

const teardown = setup();
const stack = await startStack();

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(out, `${name}.png`) });
  console.log(path.relative(process.cwd(), path.join(out, `${name}.png`)));
}

/** One screen's steps; a screen the running build lacks is reported and skipped, not fatal. */
async function step(name: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (err) {
    console.warn(`skipped ${name}: ${(err as Error).message.split('\n')[0]}`);
  }
}

/** Subscribes to the fixture show through the UI, as a user would. */
async function subscribeToFixtureShow(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Add podcast' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add podcast' });
  await dialog.getByRole('textbox').first().fill(`${stack.fixtures.origin}/feeds/network-show.xml`);
  await dialog.getByRole('button', { name: 'Subscribe', exact: true }).click();
  await page.getByRole('list', { name: 'Shows' }).getByText('Fixture Network Show').first().waitFor({ timeout: 15_000 });
}

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();

async function phone(context: BrowserContext, scheme: string): Promise<void> {
  const page = await stack.newPage(context);
  await page.goto(stack.appUrl);
  await waitForServiceWorker(page);
  await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
  await step('first-run', async () => {
    await page.getByRole('list', { name: 'Shows' }).getByRole('alert').first().waitFor({ timeout: 15_000 });
    await shot(page, `first-run-${scheme}`);
  });
  await step('add dialog', async () => {
    await page.getByRole('button', { name: 'Add podcast' }).first().click();
    await page.getByRole('dialog', { name: 'Add podcast' }).getByRole('textbox').first().fill('fixture network');
    await page
      .getByRole('dialog', { name: 'Add podcast' })
      .getByRole('button', { name: /^(Subscribe|Search)$/ })
      .click();
    await page
      .getByRole('dialog', { name: 'Add podcast' })
      .getByText('Fixture Network Show')
      .first()
      .waitFor({ timeout: 5_000 })
      .catch(() => {});
    await shot(page, `add-${scheme}`);
    await page.keyboard.press('Escape');
  });
  await subscribeToFixtureShow(page);
  await page.keyboard.press('Escape');
  await step('welcome dismissed', () => page.getByRole('button', { name: 'Got it' }).click({ timeout: 2_000 }));
  await step('toast dismissed', () => page.getByRole('button', { name: 'Dismiss', exact: true }).click({ timeout: 2_000 }));
  await shot(page, `library-${scheme}`);
  await page
    .getByRole('link', { name: /Fixture Network Show/ })
    .first()
    .click();
  await page.getByText('Episode 3: Day two operations').first().waitFor();
  await shot(page, `show-${scheme}`);
  await step('episode menu', async () => {
    await page
      .getByRole('button', { name: /^More actions/ })
      .first()
      .click();
    await shot(page, `episode-menu-${scheme}`);
    await page.keyboard.press('Escape');
  });
  await page.getByRole('link', { name: 'Episode 3: Day two operations' }).first().click();
  await page.getByRole('heading', { level: 2, name: 'Episode 3: Day two operations' }).waitFor();
  await shot(page, `episode-${scheme}`);
  await step('player', async () => {
    await page.getByRole('main').getByRole('button', { name: /^Play/ }).first().click();
    await page.getByRole('button', { name: /^Open player/ }).waitFor();
    await shot(page, `mini-player-${scheme}`);
    await page.getByRole('button', { name: /^Open player/ }).click();
    await page.getByRole('dialog').waitFor();
    await shot(page, `full-player-${scheme}`);
    await page.keyboard.press('Escape');
  });
  await nav(page, 'Search');
  await page.getByRole('searchbox', { name: 'Search episodes' }).fill('episode');
  await page.getByRole('status').filter({ hasText: 'match' }).waitFor();
  await shot(page, `search-results-${scheme}`);
  for (const name of ['Queue', 'Downloads', 'Settings']) {
    await nav(page, name);
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await shot(page, `${name.toLowerCase()}-${scheme}`);
  }
}

async function desktop(scheme: 'light' | 'dark'): Promise<void> {
  const context = await stack.browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: scheme, serviceWorkers: 'allow' });
  try {
    const page = await stack.newPage(context);
    await page.goto(stack.appUrl);
    await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
    await subscribeToFixtureShow(page);
    await page.keyboard.press('Escape');
    await page
      .getByRole('link', { name: /Fixture Network Show/ })
      .first()
      .click();
    await page.getByText('Episode 3: Day two operations').first().waitFor();
    await step('desktop play', async () => {
      await page.getByRole('main').getByRole('button', { name: /^Play/ }).first().click();
      await page
        .getByRole('button', { name: /^(Open player|Pause)/ })
        .first()
        .waitFor();
    });
    await shot(page, `desktop-show-${scheme}`);
    await step('desktop episode', async () => {
      await page.getByRole('link', { name: 'Episode 2: Automating the network' }).first().click();
      await page.getByRole('heading', { level: 2, name: 'Episode 2: Automating the network' }).waitFor();
      await shot(page, `desktop-episode-${scheme}`);
    });
  } finally {
    await context.close();
  }
}

try {
  for (const scheme of ['light', 'dark'] as const) {
    const context = await stack.newContext({ colorScheme: scheme });
    try {
      await phone(context, scheme);
    } finally {
      await context.close();
    }
    await desktop(scheme);
  }
} finally {
  await stack.close();
  teardown();
}
