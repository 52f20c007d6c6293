/** The Library screen for the library e2e files: a made-up feed, subscribing, a show's card, feed requests seen. */
import type { Page } from 'playwright-core';
import type { Stack } from './harness';

export const FEED_TITLE = 'Fixture Network Show';

/** A feed named `title` with one episode per day number in `items` (published 2026-01-<n>). */
export function rss(title: string, items: number[], extra = ''): string {
  const body = items
    .map(
      (n) => `<item><title>${title} episode ${n}</title><guid>${title}-${n}</guid><pubDate>${new Date(Date.UTC(2026, 0, n)).toUTCString()}</pubDate>
      <enclosure url="{{BASE}}/audio/episode-1.mp3" type="audio/mpeg" length="48274"/><description>Notes ${n}</description></item>`,
    )
    .join('');
  return `<?xml version="1.0"?><rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>${title}</title>${extra}${body}</channel></rss>`;
}

export async function openLibrary(stack: Stack): Promise<Page> {
  const page = await stack.newPage();
  await page.goto(stack.appUrl);
  await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
  return page;
}

export async function subscribeTo(page: Page, url: string): Promise<void> {
  await page.getByRole('button', { name: 'Add podcast' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add podcast' });
  await dialog.getByLabel('Feed URL').fill(url);
  await dialog.getByRole('button', { name: 'Subscribe' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

export const card = (page: Page, title: string) =>
  page
    .getByRole('list', { name: 'Shows' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: title }) });

/** The requests the fixture host saw for /feeds/<name>. */
export const feedRequests = (stack: Stack, name: string) => stack.fixtures.log.filter((r) => r.url === `/feeds/${name}`);
