/**
 * Downloads in Chromium (Debian /usr/bin/chromium, launched through the e2e harness flags):
 *  1. storage choice: a 100 MB file fetched raw vs into IndexedDB 1 MiB Blob chunks (one per
 *     transaction, and batched the app's way with no app logic), Cache Storage
 *     and OPFS, with the JS heap peak and the cost of reading 64 KiB at 80 % back;
 *  2. the app's own downloader on 100 MB (in-page through the proxy, in-page direct with CORS,
 *     Background Fetch): MB/s and peak JS heap of the page;
 *  3. offline, the time from a seek to playback resuming (SW answering Range from chunks).
 * The fixture server and the app server run as child processes so their work is not counted here.
 */
import { execFileSync } from 'node:child_process';
import { startChild } from './child';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { launchBrowser, phoneContext } from '../../tests/e2e/browser';
import { clearStoresInPage, storeInPage, type StoreKind, type StoreResult } from './download-stores';

const root = path.resolve(import.meta.dirname, '../..');
const SIZE = Number(process.env.BENCH_DOWNLOAD_MB ?? 100) * 1024 * 1024;
const MB = (bytes: number, ms: number) => bytes / 1024 / 1024 / (ms / 1000);

interface Memory {
  /** V8 heap in use, MiB. */
  heap: number;
  /** ArrayBuffer backing stores (where fetched bytes live until collected), MiB. */
  buffers: number;
}

/** Samples the page's JS memory every 50 ms while `work` runs; returns its result, the baseline and the peaks. */
async function withHeapPeak<T>(cdp: CDPSession, work: () => Promise<T>): Promise<{ result: T; base: Memory; peak: Memory }> {
  const read = async (): Promise<Memory> => {
    const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
    return { heap: usage.usedSize / 1024 / 1024, buffers: (usage.backingStorageSize ?? 0) / 1024 / 1024 };
  };
  await cdp.send('HeapProfiler.collectGarbage');
  const base = await read();
  const peak = { ...base };
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const now = await read().catch(() => base);
      peak.heap = Math.max(peak.heap, now.heap);
      peak.buffers = Math.max(peak.buffers, now.buffers);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  try {
    return { result: await work(), base, peak };
  } finally {
    sampling = false;
    await sampler;
  }
}

const memText = (base: Memory, peak: Memory) => `JS heap ${base.heap.toFixed(1)} → peak ${peak.heap.toFixed(1)} MiB, ArrayBuffers peak +${(peak.buffers - base.buffers).toFixed(1)} MiB`;

function feed(origin: string): string {
  const item = (title: string, guid: string, url: string, duration = '') =>
    `<item><title>${title}</title><guid>${guid}</guid><pubDate>Mon, 05 Jan 2026 09:00:00 GMT</pubDate><enclosure url="${url}" type="audio/mpeg" length="1"/>${duration}</item>`;
  return `<?xml version="1.0"?><rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>Bench Show</title>
    ${item('Big via proxy', 'b1', `${origin}/big/${SIZE}.mp3`)}
    ${item('Big via CORS', 'b2', `${origin}/o/cors/big/${SIZE}.mp3`)}
    ${item('Big in background', 'b3', `${origin}/o/close/big/${SIZE}.mp3`)}
    ${item('Seekable', 's1', `${origin}/audio/long-episode.mp3`, '<itunes:duration>120</itunes:duration>')}
  </channel></rss>`;
}

async function openShow(page: Page, appUrl: string, fixtureOrigin: string): Promise<void> {
  await page.goto(appUrl);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.waitForFunction(() => !!navigator.serviceWorker.controller);
  const shows = page.getByRole('list', { name: 'Shows' });
  await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
  if ((await shows.getByRole('link', { name: 'Bench Show' }).count()) === 0) {
    await page.getByRole('button', { name: 'Add podcast' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add podcast' });
    await dialog.getByLabel('Feed URL').fill(`${fixtureOrigin}/feeds/bench-show.xml`);
    await dialog.getByRole('button', { name: 'Subscribe' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }
  await shows.getByRole('link', { name: 'Bench Show' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Bench Show' }).waitFor();
}

async function appDownload(page: Page, cdp: CDPSession, title: string): Promise<{ line: string; mbps: number }> {
  const row = page.getByRole('article', { name: title, exact: true });
  const button = row.getByRole('button', { name: `Download ${title}`, exact: true });
  // Playwright waits until the button can take the click (a banner above it may take seconds to
  // go): that wait is not the download's, so it happens before the clock starts.
  await button.click({ trial: true });
  const {
    result: ms,
    base,
    peak,
  } = await withHeapPeak(cdp, async () => {
    const t = performance.now();
    await button.click();
    await row.getByRole('button', { name: `Remove download ${title}`, exact: true }).waitFor({ timeout: 300_000 });
    return performance.now() - t;
  });
  return { line: `${title.padEnd(18)} ${MB(SIZE, ms).toFixed(0).padStart(4)} MB/s (${(ms / 1000).toFixed(2)} s), ${memText(base, peak)}`, mbps: MB(SIZE, ms) };
}

/** Seeks the playing stored episode and times seeked and the first advance of currentTime. */
async function seekTimes(page: Page): Promise<Array<{ to: number; seekedMs: number; resumedMs: number }>> {
  return page.evaluate(async () => {
    const a = document.querySelector('audio')!;
    const out: Array<{ to: number; seekedMs: number; resumedMs: number }> = [];
    for (const share of [0.8, 0.2, 0.5, 0.95, 0.1, 0.65]) {
      const to = a.duration * share;
      const t = performance.now();
      const seeked = new Promise((r) => a.addEventListener('seeked', r, { once: true }));
      a.currentTime = to;
      await seeked;
      const seekedMs = performance.now() - t;
      while (a.currentTime <= to + 0.01) await new Promise((r) => requestAnimationFrame(r));
      out.push({ to, seekedMs, resumedMs: performance.now() - t });
      await new Promise((r) => setTimeout(r, 300));
    }
    return out;
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function run(): Promise<string> {
  const dist = mkdtempSync(path.join(os.tmpdir(), 'hopcast-bench-dist-'));
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { cwd: root, env: { ...process.env, HOPCAST_OUT_DIR: dist }, stdio: ['ignore', 'ignore', 'inherit'] });
  const fixture = await startChild('tests/fixtures/fixture-server.ts', ['0'], {}, /fixture server at (http:\/\/127\.0\.0\.1:(\d+))/);
  const origin = fixture.match[1];
  const server = await startChild(
    'server/index.ts',
    [],
    { HOST: '127.0.0.1', PORT: '0', HOPCAST_PROXY_ALLOW: `127.0.0.1:${fixture.match[2]}`, HOPCAST_RATE_LIMIT: '100000', HOPCAST_DIST_DIR: dist },
    /running at http:\/\/[^:]+:(\d+)/,
  );
  const appUrl = `http://localhost:${server.match[1]}`;
  await fetch(`${origin}/__set/bench-show.xml`, { method: 'PUT', body: feed(origin) });
  const browser = await launchBrowser();
  const lines: string[] = [];
  try {
    // 1. Storage choice, in one page on the app origin, the file from the CORS-enabled fixture host.
    const context: BrowserContext = await phoneContext(browser);
    const page = await context.newPage();
    await page.goto(`${appUrl}/downloads`);
    await page.evaluate('globalThis.__name = (f) => f');
    const cdp = await context.newCDPSession(page);
    const url = `${origin}/o/cors/big/${SIZE}.mp3`;
    const warm: { url: string; kind: StoreKind } = { url, kind: 'fetch-only' };
    await page.evaluate(storeInPage, warm); // warm the fixture's buffer
    lines.push(`storage choice (${SIZE / 1024 / 1024} MiB from the fixture host, same Chromium, same page):`);
    const rates = new Map<StoreKind, number[]>();
    for (const kind of ['fetch-only', 'idb-chunks', 'idb-batched', 'cache', 'opfs', 'fetch-only', 'idb-chunks', 'idb-batched', 'cache', 'opfs'] as StoreKind[]) {
      const { result, base, peak } = await withHeapPeak(cdp, () => page.evaluate<StoreResult, { url: string; kind: StoreKind }>(storeInPage, { url, kind }));
      const seek = result.readAt80Ms === null ? '' : `, read 64 KiB at 80 %: ${result.readAt80Ms.toFixed(1)} ms`;
      rates.set(kind, [...(rates.get(kind) ?? []), MB(result.bytes, result.ms)]);
      lines.push(`  ${kind.padEnd(11)} ${MB(result.bytes, result.ms).toFixed(0).padStart(4)} MB/s (${(result.ms / 1000).toFixed(2)} s), ${memText(base, peak)}${seek}`);
      await page.evaluate(clearStoresInPage);
    }
    await context.close();

    // 2. The app's downloader, end to end through the UI.
    lines.push(`app downloader (${SIZE / 1024 / 1024} MiB, click Download → Remove download):`);
    for (const hideBf of [true, false]) {
      const ctx = await phoneContext(browser);
      if (hideBf) await ctx.addInitScript('delete window.BackgroundFetchManager');
      const p = await ctx.newPage();
      const c = await ctx.newCDPSession(p);
      await openShow(p, appUrl, origin);
      if (hideBf) {
        // CORS first: the proxy row's failed direct attempt marks the fixture's origin as no-CORS.
        const cors = await appDownload(p, c, 'Big via CORS');
        lines.push(`  ${cors.line}  [in-page, direct CORS]`);
        lines.push(`  ${(await appDownload(p, c, 'Big via proxy')).line}  [in-page, /api/audio]`);
        const mean = (kind: StoreKind) => (rates.get(kind) ?? []).reduce((a, b, _, xs) => a + b / xs.length, 0);
        const ratio = (kind: StoreKind) => `${(cors.mbps / mean(kind)).toFixed(2)} of ${kind} (${mean(kind).toFixed(0)} MB/s mean)`;
        lines.push(`  direct CORS: ${ratio('fetch-only')}, ${ratio('idb-chunks')}, ${ratio('idb-batched')}, ${ratio('cache')}`);
      } else {
        lines.push(`  ${(await appDownload(p, c, 'Big in background')).line}  [Background Fetch + SW copy into chunks]`);
        // 3. Offline seeks on a stored real MP3 (120 s).
        await appDownload(p, c, 'Seekable');
        await ctx.setOffline(true);
        await p.getByRole('article', { name: 'Seekable', exact: true }).getByRole('link', { name: 'Seekable' }).click();
        await p.getByRole('button', { name: 'Play Seekable', exact: true }).click();
        await p.waitForFunction(() => (document.querySelector('audio')?.currentTime ?? 0) > 0.3);
        const seeks = await seekTimes(p);
        lines.push(`offline seek → playback resumes (120 s MP3 from IndexedDB chunks via the SW, ${seeks.length} seeks):`);
        lines.push(
          `  seeked: median ${median(seeks.map((s) => s.seekedMs)).toFixed(0)} ms; currentTime advancing again: median ${median(seeks.map((s) => s.resumedMs)).toFixed(0)} ms, max ${Math.max(...seeks.map((s) => s.resumedMs)).toFixed(0)} ms`,
        );
      }
      await ctx.close();
    }
  } finally {
    await browser.close();
    server.child.kill('SIGTERM');
    fixture.child.kill('SIGTERM');
    rmSync(dist, { recursive: true, force: true });
  }
  return lines.join('\n');
}
