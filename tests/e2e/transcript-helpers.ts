/** Shared steps of the transcript e2e tests: the two fixture shows, stored records, playback starts. */
import type { BrowserContext, Page } from 'playwright-core';
import { waitForServiceWorker, type Stack } from './harness';

export const LAB = { file: 'transcript-lab.xml', title: 'Lab Notes' };
export const NIGHT = { file: 'transcript-night.xml', title: 'Night Shift Radio' };

export const exact = (name: string) => ({ name, exact: true });
export const row = (page: Page, title: string) => page.getByRole('article', { name: title, exact: true });

export function episodeId(stack: Stack, file: string, guid: string): string {
  return `${stack.fixtures.origin}/feeds/${file}\u0000${guid}`;
}

export async function subscribeTo(stack: Stack, page: Page, show: { file: string; title: string }): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', exact('Library')).click();
  await page.getByRole('button', { name: 'Add podcast' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add podcast' });
  await dialog.getByLabel('Feed URL').fill(`${stack.fixtures.origin}/feeds/${show.file}`);
  await dialog.getByRole('button', exact('Subscribe')).click();
  await dialog.waitFor({ state: 'hidden', timeout: 20_000 });
  await page.getByRole('list', { name: 'Shows' }).getByRole('link', { name: show.title }).first().waitFor();
}

export async function startWithBothShows(stack: Stack, page: Page): Promise<void> {
  await page.goto(stack.appUrl);
  await waitForServiceWorker(page);
  await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
  await subscribeTo(stack, page, LAB);
  await subscribeTo(stack, page, NIGHT);
}

export async function openShow(page: Page, title: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', exact('Library')).click();
  await page.getByRole('list', { name: 'Shows' }).getByRole('link', { name: title }).first().click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

/** What IndexedDB holds for an episode's transcript and index segment, read straight from the stores. */
export function storedTranscript(page: Page, id: string): Promise<{ cues: number; error: string | null; segment: boolean } | null> {
  return page.evaluate(async (key) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('hopcast');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
    });
    const tx = db.transaction(['transcripts', 'transcriptIndex']);
    const ask = <T>(req: IDBRequest<T>) => new Promise<T>((resolve) => (req.onsuccess = () => resolve(req.result)));
    const rec = await ask(tx.objectStore('transcripts').get(key));
    const seg = await ask(tx.objectStore('transcriptIndex').get(key));
    db.close();
    if (!rec) return null;
    return { cues: rec.doc?.kind === 'cues' ? rec.doc.cues.length : 0, error: rec.error, segment: !!seg };
  }, id);
}

/** Records the audio element's time at every `playing` event (media events do not bubble: capture). */
export async function recordPlaying(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { __playing: number[] };
    w.__playing = [];
    document.addEventListener('playing', (e) => w.__playing.push((e.target as HTMLMediaElement).currentTime), true);
  });
}

export function playingTimes(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as { __playing: number[] }).__playing.slice());
}

/** Replaces Web Share with a recorder, as a phone's share sheet would receive it. */
export async function recordShares(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { __shared: ShareData[] };
    w.__shared = [];
    Object.defineProperty(navigator, 'share', { configurable: true, value: async (data: ShareData) => void w.__shared.push(data) });
  });
}

export function shares(page: Page): Promise<Array<{ title?: string; text?: string; url?: string }>> {
  return page.evaluate(() => (window as unknown as { __shared: ShareData[] }).__shared.slice());
}

export function audioTime(page: Page): Promise<number> {
  return page.locator('audio').evaluate((a: HTMLAudioElement) => a.currentTime);
}
