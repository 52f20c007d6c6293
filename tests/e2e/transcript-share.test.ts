import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { noCors, checkConsole, FIRST_RUN_REFUSALS, startStack, type Stack } from './harness';
import { audioTime, episodeId, exact, LAB, openShow, recordShares, row, shares, startWithBothShows } from './transcript-helpers';

/** The transcript lab's chapters file is on a host without CORS headers (read through the proxy). */
const LAB_CHAPTERS = noCors('/files/lab-chapters.json');

/** The third cue of lab-1.vtt, from its 10th second (scripts/make-transcript-audio.sh says it there). */
const LINE = { at: 10, clock: '0:10', text: 'I build zeppelins in my garden.' };

describe('Share quote on the Episode page transcript', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });
  checkConsole(() => stack, [...FIRST_RUN_REFUSALS, ...LAB_CHAPTERS]);

  test('each line has its own Share quote, reached by keyboard; its link opens the player at that line', async () => {
    const context = await stack.newContext();
    await recordShares(context);
    const page = await stack.newPage(context);
    await startWithBothShows(stack, page);
    await openShow(page, LAB.title);
    await row(page, 'Gardens in the air').getByRole('link', { name: 'Gardens in the air' }).click();
    await page.getByText('Transcript', { exact: true }).click();
    const transcript = page.getByRole('region', { name: 'Transcript' });
    await transcript.getByRole('button', exact(`Play from ${LINE.clock}: ${LINE.text}`)).waitFor({ timeout: 20_000 });
    // One per line, named for its line.
    expect(await transcript.getByRole('button', { name: /^Share quote from / }).count()).toBe(6);

    // Tab from the line reaches its Share quote; Enter shares it.
    await transcript.getByRole('button', exact(`Play from ${LINE.clock}: ${LINE.text}`)).focus();
    await page.keyboard.press('Tab');
    const share = transcript.getByRole('button', exact(`Share quote from ${LINE.clock}: ${LINE.text}`));
    await expect.poll(() => share.evaluate((el) => el === document.activeElement)).toBe(true);
    await screenshot(page, 'episode-transcript-share');
    await page.keyboard.press('Enter');
    await expect.poll(() => shares(page).then((s) => s.length)).toBe(1);
    const [shared] = await shares(page);
    const id = episodeId(stack, LAB.file, 'lab-1');
    expect(shared.text).toBe(`“${LINE.text}” (Zoe Quartermaine) — Gardens in the air, Lab Notes at ${LINE.clock}`);
    expect(shared.url).toBe(`${stack.appUrl}/episode/${encodeURIComponent(id)}#t=${LINE.at}`);

    const other = await stack.newPage(context);
    await other.goto(shared.url!);
    await other.getByRole('heading', { level: 2, name: 'Gardens in the air' }).waitFor({ timeout: 20_000 });
    await expect.poll(() => audioTime(other), { timeout: 15_000 }).toBeGreaterThanOrEqual(LINE.at);
    expect(await audioTime(other)).toBeLessThan(LINE.at + 1);
    expect(await other.locator('audio').evaluate((a: HTMLAudioElement) => a.paused)).toBe(true);
  });
});

/** 390x844, for looking at (HOPCAST_SCREENSHOTS=docs puts it in docs/screenshots/). */
async function screenshot(page: import('playwright-core').Page, name: string): Promise<void> {
  const dir = process.env.HOPCAST_SCREENSHOTS === 'docs' ? path.join(import.meta.dirname, '..', '..', 'docs', 'screenshots') : path.join(os.tmpdir(), 'hopcast-shots');
  mkdirSync(dir, { recursive: true });
  await page.getByRole('region', { name: 'Transcript' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
}
