/**
 * The Latest view under load and at phone size: no shows, thousands of episodes (one page, then
 * Show more), the show filter by keyboard, the show's name readable in each row, no sideways
 * overflow at 390 px in light and dark.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { checkConsole, FIRST_RUN_REFUSALS, startStack, type Stack } from './harness';

const BIG = 'Thousand Episode Show';
const SMALL = 'Network Automation Nerds';

function rss(title: string, code: string, count: number, startDay: number): string {
  const items = Array.from({ length: count }, (_, i) => {
    const n = count - i;
    const published = new Date(Date.UTC(2020, 0, startDay) + n * 3_600_000).toUTCString();
    return `<item><title>${code}${n}: ${title} episode ${n}</title><guid>${title}-${n}</guid><pubDate>${published}</pubDate><enclosure url="{{BASE}}/audio/episode-1.mp3" type="audio/mpeg" length="48274"/></item>`;
  }).join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title>${items}</channel></rss>`;
}

describe('the Latest view', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
    stack.fixtures.setFeed('thousand.xml', rss(BIG, 'TES', 2000, 1));
    stack.fixtures.setFeed('weekly.xml', rss(SMALL, 'NAN', 5, 200));
  });
  afterAll(async () => {
    await stack?.close();
  });
  checkConsole(() => stack, FIRST_RUN_REFUSALS);

  const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  async function subscribeTo(page: Page, url: string): Promise<void> {
    await page.getByRole('button', { name: 'Add podcast' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add podcast' });
    await dialog.getByLabel('Feed URL').fill(url);
    await dialog.getByRole('button', { name: 'Subscribe' }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 60_000 });
  }

  test('with no shows it says so, and fits the phone', async () => {
    const page = await stack.newPage(await stack.newContext({ colorScheme: 'dark' }));
    await page.goto(`${stack.appUrl}/latest`);
    await page.getByText("You don't follow any shows yet.").waitFor();
    await expect(page.getByRole('group', { name: 'Filter by show' }).count()).resolves.toBe(0);
    await expect(noSidewaysScroll(page)).resolves.toBe(true);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`thousands of episodes: one page at a time, filter by keyboard, show names readable (${colorScheme})`, async () => {
      const page = await stack.newPage(await stack.newContext({ colorScheme }));
      await page.goto(stack.appUrl);
      await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
      await subscribeTo(page, `${stack.fixtures.origin}/feeds/thousand.xml`);
      await subscribeTo(page, `${stack.fixtures.origin}/feeds/weekly.xml`);
      await page.getByRole('link', { name: /Latest episodes/ }).click();
      const list = page.getByRole('list', { name: 'Latest episodes' });
      await list.getByRole('listitem').nth(59).waitFor();
      await expect(list.getByRole('listitem').count()).resolves.toBe(60);
      // Mixed shows: each row names its show, in full, not "Networ…" (the name is what tells the rows apart).
      const firstShow = list.getByRole('listitem').first().locator('.episode-row-show');
      await expect(firstShow.textContent()).resolves.toBe(SMALL);
      await expect(firstShow.evaluate((el) => el.scrollWidth <= el.clientWidth)).resolves.toBe(true);
      await expect(noSidewaysScroll(page)).resolves.toBe(true);
      // A two-line title plus the show's line must not run under the row's buttons (rows were a fixed height).
      const clipped = await list.locator('.episode-row').evaluateAll(
        (rows) =>
          rows.slice(0, 10).filter((r) => {
            const meta = r.querySelector('.episode-row-meta')!.getBoundingClientRect();
            const actions = r.querySelector('.episode-row-actions')!.getBoundingClientRect();
            return meta.bottom > actions.top || actions.bottom > r.getBoundingClientRect().bottom;
          }).length,
      );
      expect(clipped).toBe(0);

      await page.getByRole('button', { name: 'Show more' }).click();
      await list.getByRole('listitem').nth(119).waitFor();

      // The filter by keyboard alone: focus the chip, press Enter.
      const chip = page.getByRole('group', { name: 'Filter by show' }).getByRole('button', { name: BIG });
      await chip.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => chip.getAttribute('aria-pressed')).toBe('true');
      // The focus ring (3 px, 2 px out) is drawn inside the sideways-scrolling strip, not clipped by it.
      const allShows = page.getByRole('group', { name: 'Filter by show' }).getByRole('button', { name: 'All shows' });
      const ringFits = await allShows.evaluate((el) => {
        const strip = el.parentElement!.getBoundingClientRect();
        const box = el.getBoundingClientRect();
        return box.left - 5 >= strip.left && box.top - 5 >= strip.top && box.bottom + 5 <= strip.bottom;
      });
      expect(ringFits).toBe(true);
      const filtered = page.getByRole('list', { name: `Latest episodes of ${BIG}` });
      await filtered.getByRole('listitem').nth(59).waitFor();
      await expect.poll(() => filtered.locator('.badge-code').first().textContent()).toBe('TES2000');
      await expect.poll(() => filtered.locator('.badge-code').allTextContents()).not.toContain('NAN5');
      await expect(filtered.locator('.episode-row-show').count()).resolves.toBe(0);
      await expect(noSidewaysScroll(page)).resolves.toBe(true);
    });
  }
});
