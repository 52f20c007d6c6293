/**
 * The first run as most listeners see it: the four default shows are found, one after another, in
 * the simulated Packet Pushers world. Placeholders turn into show cards in their slots, the sort
 * control and the Latest link are there from the start: nothing moves (issue 11, CLS ≤ 0.02).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SIMULATED_FEED_MISSES, checkConsole, startStack, type Stack } from './harness';
import { useSimulatedWorld } from './simulated-hosts';
import { noticeableShifts, recordShifts } from './layout-shift-helpers';

describe('layout stability while the default shows are found', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ configure: (config, fixtures) => void useSimulatedWorld(config, fixtures.port) });
  });
  afterAll(async () => {
    await stack?.close();
  });
  checkConsole(() => stack, SIMULATED_FEED_MISSES);

  test('placeholders become show cards in place; nothing shifts', async () => {
    const context = await stack.newContext();
    await recordShifts(context);
    const page = await stack.newPage(context);
    await page.setViewportSize({ width: 390, height: 1500 });
    await page.goto(stack.appUrl);
    const grid = page.getByRole('list', { name: 'Shows' });
    for (const title of ['Heavy Networking', 'Network Automation Nerds', 'Day Two DevOps', 'Packet Protector']) await grid.getByRole('link', { name: title }).waitFor({ timeout: 30_000 });
    await expect.poll(() => grid.locator('[aria-busy="true"]').count()).toBe(0);
    expect(await noticeableShifts(page)).toEqual([]);
  });
});
