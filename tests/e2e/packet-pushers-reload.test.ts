/**
 * A reload in the middle of the first run (the listener closes the tab, the browser restores
 * it): the run carries on with the shows not yet followed, follows none twice, and a show
 * dismissed before the reload stays dismissed.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Route } from 'playwright-core';
import { apiFailure, SIMULATED_FEED_MISSES, checkConsole, startStack, type Stack } from './harness';
import { useSimulatedWorld } from './simulated-hosts';

describe('a reload during the first run', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ configure: (config, fixtures) => void useSimulatedWorld(config, fixtures.port) });
  });
  afterAll(async () => {
    await stack?.close();
  });
  // The feed paths a simulated show is not at answer 502 through the proxy; the app then tries the next.
  checkConsole(() => stack, SIMULATED_FEED_MISSES);

  test('carries on with the shows not yet followed, none twice, the dismissed one left out', async () => {
    // The directory search the test makes fail.
    stack.expectConsoleErrors(apiFailure('search\\?q=Packet%20Protector$', 502));
    const context = await stack.newContext();
    // Network Automation Nerds and Day Two DevOps are still being looked for when the page goes away.
    const held: Route[] = [];
    await context.route(/\/api\/(lookup|search|feed)\?.*(network-automation-nerds|1730980821|Network|day2cloud|day-two-devops|Day)/, (route) => void held.push(route));
    // Packet Protector cannot be found this time: its origin is gone and the directory is down.
    await context.route(/\/api\/feed\?url=.*packet-protector/, (route) =>
      route.fulfill({
        status: 502,
        contentType: 'application/json',
        headers: { 'x-upstream-status': '410' },
        body: JSON.stringify({ error: 'upstream_status', message: 'The feed host answered 410' }),
      }),
    );
    await context.route(/\/api\/search\?q=Packet/, (route) =>
      route.fulfill({ status: 502, contentType: 'application/json', body: JSON.stringify({ error: 'directory_unavailable', message: 'Directory search is unavailable right now' }) }),
    );
    const page = await stack.newPage(context);
    await page.goto(stack.appUrl);
    const grid = page.getByRole('list', { name: 'Shows' });
    await grid.getByRole('link', { name: 'Heavy Networking' }).waitFor({ timeout: 30_000 });
    await grid.getByRole('button', { name: 'Details for Packet Protector' }).click();
    await grid.getByRole('button', { name: 'Dismiss Packet Protector' }).click();
    await expect.poll(() => grid.getByRole('listitem', { name: 'Packet Protector' }).count()).toBe(0);
    await expect.poll(() => held.length).toBeGreaterThan(0);

    await context.unrouteAll({ behavior: 'ignoreErrors' });
    await page.reload();
    for (const title of ['Heavy Networking', 'Network Automation Nerds', 'Day Two DevOps']) await grid.getByRole('link', { name: title }).waitFor({ timeout: 30_000 });
    await expect(grid.getByRole('link', { name: 'Heavy Networking' }).count()).resolves.toBe(1);
    await expect(grid.getByRole('listitem', { name: 'Packet Protector' }).count()).resolves.toBe(0);
    await expect(grid.getByRole('link', { name: 'Packet Protector' }).count()).resolves.toBe(0);
    const stored = await page.evaluate(
      () =>
        new Promise<string[]>((resolve, reject) => {
          const open = indexedDB.open('hopcast');
          open.onerror = () => reject(open.error ?? new Error('IndexedDB request failed'));
          open.onsuccess = () => {
            const all = open.result.transaction('podcasts').objectStore('podcasts').getAll();
            all.onsuccess = () => resolve((all.result as Array<{ title: string }>).map((p) => p.title).sort());
            all.onerror = () => reject(all.error ?? new Error('IndexedDB request failed'));
          };
        }),
    );
    expect(stored).toEqual(['Day Two DevOps', 'Heavy Networking', 'Network Automation Nerds']);
  });
});
