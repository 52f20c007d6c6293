/** Page-side probes for the download tests: stored records and chunks, hashes, progress seen. */
import type { BrowserContext, Page } from 'playwright-core';
import { waitForServiceWorker, type Stack } from './harness';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AUDIO_DIR } from '../fixtures/fixture-server';
import { bigBytes } from '../fixtures/serve-file';

export const FEED = 'offline-show.xml';

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
export const audioHash = (name: string) => sha256(readFileSync(path.join(AUDIO_DIR, name)));
export const bigHash = (size: number) => sha256(bigBytes(size));

export interface StoredState {
  chunks: number;
  chunkBytes: number;
  record: { status: string; bytes: number; total: number | null; error: string | null } | null;
}

/** What IndexedDB holds for an episode, read straight from the stores (not through the app). */
export function stored(page: Page, episodeId: string): Promise<StoredState> {
  return page.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('hopcast');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
    });
    const tx = db.transaction(['chunks', 'downloads']);
    const ask = <T>(req: IDBRequest<T>) => new Promise<T>((resolve) => (req.onsuccess = () => resolve(req.result)));
    const rows = await ask(tx.objectStore('chunks').getAll(IDBKeyRange.bound([id, 0], [id, Infinity])));
    const rec = await ask(tx.objectStore('downloads').get(id));
    db.close();
    return {
      chunks: rows.length,
      chunkBytes: rows.reduce((n: number, r: { data: Blob }) => n + r.data.size, 0),
      record: rec ? { status: rec.status, bytes: rec.bytes, total: rec.total, error: rec.error } : null,
    };
  }, episodeId);
}

/** SHA-256 of what the service worker serves at /offline-audio/<id>, plus the response status. */
export function servedHash(page: Page, episodeId: string): Promise<{ status: number; hash: string; length: number }> {
  return page.evaluate(async (id) => {
    const res = await fetch(`/offline-audio/${encodeURIComponent(id)}`);
    const buf = await res.arrayBuffer();
    const digest = await crypto.subtle.digest('SHA-256', buf);
    const hash = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
    return { status: res.status, hash, length: buf.byteLength };
  }, episodeId);
}

/** Starts recording every aria-valuenow of progress bars whose name begins with `label`. */
export function recordProgress(page: Page, label: string): Promise<void> {
  return page.evaluate((prefix) => {
    const w = window as unknown as { __progress?: Record<string, number[]> };
    w.__progress ??= {};
    const seen = (w.__progress[prefix] = [] as number[]);
    const look = () => {
      for (const el of document.querySelectorAll('[role="progressbar"]')) {
        if (!(el.getAttribute('aria-label') ?? '').startsWith(prefix)) continue;
        const v = el.getAttribute('aria-valuenow');
        if (v !== null && seen.at(-1) !== Number(v)) seen.push(Number(v));
      }
    };
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] });
    look();
  }, label);
}

export function progressSeen(page: Page, label: string): Promise<number[]> {
  return page.evaluate((prefix) => (window as unknown as { __progress: Record<string, number[]> }).__progress[prefix] ?? [], label);
}

/** Makes the context look like Safari or Firefox to the downloader: no Background Fetch. */
export async function hideBackgroundFetch(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    delete (window as unknown as { BackgroundFetchManager?: unknown }).BackgroundFetchManager;
  });
}

export const SHOW = 'Offline Fixture Show';
export const QUOTA_TEXT = 'Not enough storage space for this episode';

export const exact = (name: string) => ({ name, exact: true });

export async function subscribeAndOpenShow(stack: Stack, page: Page, feed = FEED, show = SHOW): Promise<void> {
  await page.goto(stack.appUrl);
  await waitForServiceWorker(page);
  await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
  const shows = page.getByRole('list', { name: 'Shows' });
  if ((await shows.getByRole('link', { name: show }).count()) === 0) {
    await page.getByRole('button', { name: 'Add podcast' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add podcast' });
    await dialog.getByLabel('Feed URL').fill(`${stack.fixtures.origin}/feeds/${feed}`);
    await dialog.getByRole('button', { name: 'Subscribe' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }
  await shows.getByRole('link', { name: show }).first().click();
  await page.getByRole('heading', { level: 1, name: show }).waitFor();
}

export function idOf(stack: Stack, guid: string, feed = FEED): string {
  return `${stack.fixtures.origin}/feeds/${feed}\u0000${guid}`;
}

export const row = (page: Page, title: string) => page.getByRole('article', { name: title, exact: true });

export async function download(page: Page, title: string): Promise<void> {
  await row(page, title)
    .getByRole('button', exact(`Download ${title}`))
    .click();
}

export async function downloaded(page: Page, title: string, timeout = 30_000): Promise<void> {
  await row(page, title)
    .getByRole('button', exact(`Remove download ${title}`))
    .waitFor({ timeout });
}
