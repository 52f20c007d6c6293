/**
 * `npx tsx scripts/screenshots-packet-pushers.ts`: the first run against the simulated Packet
 * Pushers world at phone size: placeholders while the shows are looked for, the Library, the
 * Latest view, a code search, and a show that could not be found. PNGs go to docs/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import setup from '../tests/e2e/global-setup';
import { startStack } from '../tests/e2e/harness';
import { useSimulatedWorld } from '../tests/e2e/simulated-hosts';

const out = path.resolve(import.meta.dirname, '..', 'docs', 'screenshots');
mkdirSync(out, { recursive: true });
const teardown = setup();
const stack = await startStack({ configure: (config, fixtures) => void useSimulatedWorld(config, fixtures.port) });
const SHOWS = ['Heavy Networking', 'Network Automation Nerds', 'Day Two DevOps', 'Packet Protector'];

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: path.join(out, `${name}.png`) });
  console.log(`docs/screenshots/${name}.png`);
}

/** Holds every API answer until released, so the first run can be caught mid-way. */
async function holdApi(context: BrowserContext): Promise<() => void> {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  await context.route('**/api/**', async (route) => {
    await gate;
    await route.continue();
  });
  return release;
}

try {
  for (const scheme of ['light', 'dark'] as const) {
    const context = await stack.newContext({ colorScheme: scheme });
    const release = await holdApi(context);
    const page = await stack.newPage(context);
    await page.goto(stack.appUrl);
    const grid = page.getByRole('list', { name: 'Shows' });
    await grid.getByRole('listitem', { name: 'Day Two DevOps' }).getByRole('status').waitFor();
    await shot(page, `pp-first-run-${scheme}`);
    release();
    for (const title of SHOWS) await grid.getByRole('link', { name: title }).waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('.show-grid img')].every((i) => i.complete));
    await shot(page, `pp-library-${scheme}`);
    await page.getByRole('link', { name: /Latest episodes/ }).click();
    await page.getByRole('list', { name: 'Latest episodes' }).getByRole('listitem').nth(5).waitFor();
    await page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('.latest-row img')].slice(0, 6).every((i) => i.complete));
    await shot(page, `pp-latest-${scheme}`);
    await page.getByRole('group', { name: 'Filter by show' }).getByRole('button', { name: 'Day Two DevOps' }).click();
    await page.getByRole('list', { name: 'Latest episodes of Day Two DevOps' }).getByRole('listitem').nth(3).waitFor();
    await shot(page, `pp-latest-filtered-${scheme}`);
    await page.goto(`${stack.appUrl}/search?q=${encodeURIComponent('hn 806')}`);
    await page.getByRole('list', { name: 'Matching episodes' }).getByRole('article').first().waitFor();
    await shot(page, `pp-code-search-${scheme}`);
    await context.close();
  }

  // A show that cannot be found: the directory down and its addresses refused.
  const context = await stack.newContext();
  await context.route(/\/api\/(search|lookup)\?/, (route) =>
    route.fulfill({
      status: 502,
      contentType: 'application/json',
      body: JSON.stringify({ error: 'directory_unavailable', message: 'Directory search is unavailable right now: Apple Podcasts answered 503' }),
    }),
  );
  await context.route(/\/api\/feed\?url=.*(day2cloud|day-two-devops)/, (route) =>
    route.fulfill({ status: 502, contentType: 'application/json', headers: { 'x-upstream-status': '410' }, body: JSON.stringify({ error: 'upstream_status', message: 'The feed host answered 410' }) }),
  );
  const page = await stack.newPage(context);
  await page.goto(stack.appUrl);
  const card = page.getByRole('list', { name: 'Shows' }).getByRole('listitem', { name: 'Day Two DevOps' });
  await card.getByRole('alert').waitFor({ timeout: 30_000 });
  await card.getByText(/Tried \d+ ways/).click();
  await card.scrollIntoViewIfNeeded();
  await shot(page, 'pp-not-found-light');
  await context.close();
} finally {
  await stack.close();
  teardown();
}
