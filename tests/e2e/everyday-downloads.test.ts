import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { checkConsole, FIRST_RUN_REFUSALS, startStack, waitForServiceWorker, type Stack } from './harness';
import { episodeRow, exact, nav, openShow, subscribe } from './everyday-helpers';

const SHOW = 'Big Download Show';
const BIG = 'Twenty megabytes slowly';

/** Issue 17 point 5: a download shows its real state, a rising percentage, then a Downloaded mark; Play on the Downloads screen. */
describe('download states', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });
  checkConsole(() => stack, FIRST_RUN_REFUSALS);

  /** Every distinct text the row's download figure showed, recorded in the page as it changes. */
  function recordFigures(page: Page): Promise<void> {
    return page.evaluate(() => {
      const w = window as unknown as { __figures: string[] };
      w.__figures = [];
      const look = () => {
        for (const el of document.querySelectorAll('.download-figures')) {
          const text = el.textContent ?? '';
          if (w.__figures.at(-1) !== text) w.__figures.push(text);
        }
      };
      new MutationObserver(look).observe(document.body, { subtree: true, childList: true, characterData: true });
      look();
    });
  }
  const figures = (page: Page) => page.evaluate(() => (window as unknown as { __figures: string[] }).__figures);

  test('a 20 MB throttled download: the row shows a rising percentage, then Downloaded; the Downloads screen plays it', async () => {
    const page = await stack.newPage(await stack.newContext());
    await page.goto(stack.appUrl);
    // With a service worker, Chromium downloads through Background Fetch: the path that said "Waiting…".
    await waitForServiceWorker(page);
    await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
    await subscribe(stack, page, 'big-download.xml', SHOW);
    await openShow(page, SHOW);
    await recordFigures(page);
    const row = episodeRow(page, BIG);
    await row.getByRole('button', exact(`Download ${BIG}`)).click();
    await row.getByText(/^\d+%$/).waitFor({ timeout: 30_000 });
    const percents = async () => (await figures(page)).filter((t) => /^\d+%$/.test(t)).map((t) => parseInt(t, 10));
    await expect.poll(async () => new Set(await percents()).size, { timeout: 60_000 }).toBeGreaterThanOrEqual(3);
    const seen = await percents();
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    expect(await figures(page)).not.toContain('Waiting…');
    await episodeRow(page, 'Short one to play').getByRole('button', exact('Download Short one to play')).click();
    await episodeRow(page, 'Short one to play').getByText('Downloaded').waitFor({ timeout: 30_000 });

    // The Downloads screen says the same while it runs.
    await nav(page, 'Downloads');
    const item = page.getByRole('list', { name: 'Downloaded episodes' }).getByRole('listitem').filter({ hasText: BIG });
    await item.getByText(/^(Downloading \d+%|Downloaded)$/).waitFor();
    await item.getByText('Downloaded', { exact: true }).waitFor({ timeout: 90_000 });
    await item.getByRole('button', exact(`Play ${BIG}`)).waitFor();
    // The big one is random bytes, not audio: play the short one from here.
    const short = page.getByRole('list', { name: 'Downloaded episodes' }).getByRole('listitem').filter({ hasText: 'Short one to play' });
    await short.getByRole('button', exact('Play Short one to play')).click();
    await page.getByRole('button', exact('Pause')).waitFor();
    await page.locator('audio').evaluate((a: HTMLAudioElement) => a.pause());

    await nav(page, 'Library');
    await openShow(page, SHOW);
    await episodeRow(page, BIG).getByText('Downloaded').waitFor();
    await episodeRow(page, BIG)
      .getByRole('button', exact(`Remove download ${BIG}`))
      .waitFor();
  });
});
