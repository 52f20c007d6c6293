/** Shared steps for the everyday-polish tests (issue 17): subscribing, rows, width and dock checks. */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { Stack } from './harness';

export const LONG_SHOW = 'The Extraordinarily Long-Named Weekly Networking and Infrastructure Operations Roundtable';
export const NETWORK_SHOW = 'Fixture Network Show';
export const exact = (name: string) => ({ name, exact: true });

export async function openLibrary(stack: Stack, page: Page): Promise<void> {
  await page.goto(stack.appUrl);
  await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
}

/** Subscribes through the Add box, as a user would, and waits for the show's card. */
export async function subscribe(stack: Stack, page: Page, feed: string, title: string): Promise<void> {
  await page.getByRole('button', { name: 'Add podcast' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add podcast' });
  await dialog.getByRole('textbox').first().fill(`${stack.fixtures.origin}/feeds/${feed}`);
  await dialog.getByRole('button', exact('Subscribe')).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByRole('list', { name: 'Shows' }).getByRole('link', { name: title }).first().waitFor({ timeout: 20_000 });
}

/** A page in a context of its own, on the Library, subscribed to each `[feed file, show title]`. */
export async function seededPage(stack: Stack, feeds: ReadonlyArray<readonly [string, string]>): Promise<Page> {
  const page = await stack.newPage(await stack.newContext());
  await openLibrary(stack, page);
  for (const [feed, title] of feeds) await subscribe(stack, page, feed, title);
  return page;
}

export async function openShow(page: Page, title: string): Promise<void> {
  await page.getByRole('list', { name: 'Shows' }).getByRole('link', { name: title }).first().click();
  await page.getByRole('list', { name: 'Episodes' }).waitFor();
}

export const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', exact(name)).click();

export const episodeRow = (page: Page, title: string) => page.locator(`article.episode-row[aria-label="${title.replace(/"/g, '\\"')}"]`);

/** The page is no wider than the viewport; on failure, names the elements that stick out. */
export async function expectFitsViewport(page: Page, where: string): Promise<void> {
  const report = () =>
    page.evaluate(() => {
      const width = window.innerWidth;
      if (document.documentElement.scrollWidth <= width) return 'fits';
      const wide = [...document.querySelectorAll<HTMLElement>('body *')]
        .filter((el) => el.getBoundingClientRect().right > width + 0.5)
        .slice(0, 5)
        .map((el) => `${el.tagName.toLowerCase()}.${el.className} right=${Math.round(el.getBoundingClientRect().right)}`);
      return `scrollWidth ${document.documentElement.scrollWidth} > ${width}: ${wide.join('; ')}`;
    });
  await expect.poll(report, { message: where }).toBe('fits');
}

/** When the app last finished a refresh-all pass (the start-up one included), from its settings store; 0 if never. */
export function lastRefreshAllAt(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('hopcast');
        open.onerror = () => reject(open.error ?? new Error('indexedDB.open failed'));
        open.onsuccess = () => {
          const get = open.result.transaction('settings').objectStore('settings').get('library.lastRefreshAllAt');
          get.onsuccess = () => {
            open.result.close();
            resolve(typeof get.result === 'number' ? get.result : 0);
          };
        };
      }),
  );
}
