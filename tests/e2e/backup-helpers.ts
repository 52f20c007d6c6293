/** Shared steps for the backup, tabs and resilience e2e tests. */
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { waitForAudio } from './player-helpers';

export async function openSettings(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
}

/** Plays the show page's episode `title`, jumps to `at` seconds and waits until it plays there. */
export async function playAt(page: Page, title: string, at: number): Promise<void> {
  await page
    .getByRole('button', { name: `Play ${title}` })
    .first()
    .click();
  await waitForAudio(page, (a) => !a.paused && a.readyState >= 1 && a.currentTime > 0.1, undefined, 20_000);
  await page.evaluate((t) => {
    document.querySelector('audio')!.currentTime = t;
  }, at);
  await waitForAudio(page, (a, t) => !a.paused && a.currentTime >= t!, at, 20_000);
}

export async function pauseFromMiniPlayer(page: Page): Promise<void> {
  await page.locator('.mini-player').getByRole('button', { name: 'Pause' }).click();
  await waitForAudio(page, (a) => a.paused);
}

/** A 390x844 screenshot for looking at (HOPCAST_SCREENSHOTS=docs puts it in docs/screenshots/). */
export async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  const dir = process.env.HOPCAST_SCREENSHOTS === 'docs' ? path.join(import.meta.dirname, '..', '..', 'docs', 'screenshots') : path.join(os.tmpdir(), 'hopcast-shots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage });
}
