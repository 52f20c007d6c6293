/** Shared steps for the playlist and bookmark e2e tests. */
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

export async function openPlaylists(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Queue', exact: true }).click();
  await page.getByRole('navigation', { name: 'More lists' }).getByRole('link', { name: 'Playlists' }).click();
  await page.getByRole('heading', { level: 1, name: 'Playlists' }).waitFor();
}

export async function openPlaylist(page: Page, name: string): Promise<void> {
  await openPlaylists(page);
  await page.getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

export function playlistTitles(page: Page): Promise<string[]> {
  return page.locator('.playlist-episodes .queue-title').allTextContents();
}

/**
 * Resolves once IndexedDB holds the playlist's episodes in the order its rows show. The screen
 * changes first and the write follows a moment later: a reload in between would lose the change.
 */
export async function waitForStoredOrder(page: Page, name: string): Promise<void> {
  const shown = async () =>
    (await page.locator('.playlist-episodes a.playlist-row-title').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))).map((href) =>
      decodeURIComponent(href.replace(/^\/episode\//, '')),
    );
  const stored = () =>
    page.evaluate(
      (name) =>
        new Promise<string[]>((resolve, reject) => {
          const open = indexedDB.open('hopcast');
          open.onerror = () => reject(open.error ?? new Error('IndexedDB request failed'));
          open.onsuccess = () => {
            const all = open.result.transaction('playlists').objectStore('playlists').getAll();
            all.onsuccess = () => resolve((all.result as Array<{ name: string; episodeIds?: string[] }>).find((p) => p.name === name)?.episodeIds ?? []);
            all.onerror = () => reject(all.error ?? new Error('IndexedDB request failed'));
            open.result.close();
          };
        }),
      name,
    );
  const expected = await shown();
  await expect.poll(stored, { timeout: 10_000 }).toEqual(expected);
}

/** Ticks `playlist` in the "Add to playlist…" dialog opened by `opener`, then closes it with Done. */
export async function addViaDialog(page: Page, openerName: string, playlist: string, within: Locator | Page = page): Promise<void> {
  await within.getByRole('button', { name: openerName, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Add to playlist' });
  await dialog.waitFor();
  await dialog.getByRole('checkbox', { name: playlist }).check();
  await dialog
    .getByRole('status')
    .filter({ hasText: `Added to ${playlist}.` })
    .waitFor();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/** Jumps the audio to its last second so it ends soon. */
export async function nearEnd(page: Page): Promise<void> {
  await page.evaluate(() => {
    const a = document.querySelector('audio')!;
    a.currentTime = a.duration - 1;
  });
}

/** Screenshots go to a temp folder (HOPCAST_SCREENSHOTS=docs: docs/screenshots) in light and dark. */
export async function shoot(page: Page, name: string, prepare?: () => Promise<void>): Promise<void> {
  const dir = process.env.HOPCAST_SCREENSHOTS === 'docs' ? path.join(import.meta.dirname, '..', '..', 'docs', 'screenshots') : path.join(os.tmpdir(), 'hopcast-playlist-shots');
  mkdirSync(dir, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await prepare?.();
    await page.screenshot({ path: path.join(dir, `${name}-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
