/**
 * Library speed: writing 10,000 episodes (the app's own writeFeed on fake-indexeddb in Node, for
 * a relative figure, and the same puts in one transaction in Chromium's real IndexedDB), then time
 * to first paint of the Library grid and of a 2,000-episode Show page with that database, cold
 * (first load) and warm (service worker in control), in Debian Chromium through the e2e harness.
 * Run with `npm run bench library` or `npx tsx scripts/bench/library.bench.ts`.
 */
import 'fake-indexeddb/auto';
import type { Page } from 'playwright-core';
import setup from '../../tests/e2e/global-setup';
import { startStack, waitForServiceWorker } from '../../tests/e2e/harness';
import { writeFeed } from '../../src/db/library-writes';
import { toEpisode } from '../../src/core/library/merge';
import type { Episode, ParsedEpisode, Podcast } from '../../src/core/types';

const TOTAL = 10_000;
const BIG = 2_000;
const SHOWS = 17;
const RUNS = 7;

const NOTES = '<p>We talk routing, automation and the things that break at 3 am. Links: <a href="https://example.com">example</a>. </p>'.repeat(8);

function parsed(show: number, n: number): ParsedEpisode {
  return {
    guid: `s${show}-e${n}`,
    title: `Show ${show} episode ${n}: a realistic title about networking and operations`,
    pubDate: new Date(Date.UTC(2015, 0, 1) + n * 86_400_000).toISOString(),
    enclosure: { url: `https://media.example/s${show}/e${n}.mp3`, type: 'audio/mpeg', length: 40_000_000 },
    duration: 2400 + n,
    season: null,
    episode: n,
    episodeType: 'full',
    explicit: false,
    chapters: null,
    chaptersType: null,
    transcripts: [],
    persons: [],
    funding: [],
    image: null,
    link: `https://show.example/${show}/${n}`,
    description: NOTES,
    fingerprint: `fp-${show}-${n}`,
  };
}

function podcast(show: number): Podcast {
  return {
    id: `https://feeds.example/show-${show}`,
    feedUrl: `https://feeds.example/show-${show}`,
    title: show === 0 ? 'Big Archive Show' : `Bench show ${show}`,
    author: 'Bench',
    description: 'A show for the benchmark',
    image: null,
    link: null,
    language: 'en',
    categories: [],
    funding: [],
    persons: [],
    subscribedAt: 1,
    lastRefreshAt: Date.now(),
    lastError: null,
    etag: null,
    lastModified: null,
    newCount: 0,
    order: show,
  };
}

/** Show 0 has BIG episodes; the rest share what is left of TOTAL. */
function library(): Array<{ podcast: Podcast; episodes: Episode[] }> {
  const per = Math.ceil((TOTAL - BIG) / (SHOWS - 1));
  let left = TOTAL;
  return Array.from({ length: SHOWS }, (_, show) => {
    const count = Math.min(left, show === 0 ? BIG : per);
    left -= count;
    const p = podcast(show);
    return { podcast: p, episodes: Array.from({ length: count }, (_, n) => toEpisode(parsed(show, n), p.id, 1)) };
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${x.toFixed(0)} ms`;

async function nodeWrite(data: ReturnType<typeof library>): Promise<number> {
  const t0 = performance.now();
  for (const { podcast: p, episodes } of data) await writeFeed({ podcast: p, added: episodes, changed: [], countNew: false });
  return performance.now() - t0;
}

/** Records, relative to navigation start, the frame after `selector` first matches (when it is painted) as `window[key]`. */
const PAINT_PROBE = (selector: string, key: string, text = '') => `
  (() => {
    const seen = () => { const el = document.querySelector(${JSON.stringify(selector)}); return el && el.textContent.includes(${JSON.stringify(text)}); };
    const done = () => requestAnimationFrame(() => { window[${JSON.stringify(key)}] = performance.now(); });
    const obs = new MutationObserver(() => { if (seen()) { obs.disconnect(); done(); } });
    document.addEventListener('DOMContentLoaded', () => { if (seen()) done(); else obs.observe(document.body, { childList: true, subtree: true, characterData: true }); });
  })();`;

async function paintTimes(page: Page, url: string, keys: string[]): Promise<number[]> {
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction((names) => names.every((k) => typeof (window as unknown as Record<string, unknown>)[k] === 'number'), keys, { timeout: 30_000 });
  return page.evaluate((names) => names.map((k) => (window as unknown as Record<string, number>)[k]), keys);
}

function bigFeed(n: number): string {
  const items = Array.from(
    { length: n },
    (_, i) =>
      `<item><title>Episode ${n - i}</title><guid>big-${i}</guid><pubDate>${new Date(Date.UTC(2015, 0, 1) + (n - i) * 86_400_000).toUTCString()}</pubDate><enclosure url="https://media.example/${i}.mp3" type="audio/mpeg" length="1"/><itunes:duration>2400</itunes:duration><description><![CDATA[${NOTES}]]></description></item>`,
  ).join('');
  return `<?xml version="1.0"?><rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>Subscribed Big Show</title>${items}</channel></rss>`;
}

export async function run(): Promise<string> {
  const data = library();
  const nodeMs = await nodeWrite(data);

  const teardown = setup();
  const stack = await startStack();
  try {
    const context = await stack.newContext();
    const page = await stack.newPage(context);
    await page.goto(stack.appUrl);
    await waitForServiceWorker(page);
    // Seed the database the app opened (its current version), marking first run done so no default shows are fetched.
    const browserWriteMs = await page.evaluate(async (payload) => {
      const database = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('hopcast');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error ?? new Error('IndexedDB request failed'));
      });
      const t0 = performance.now();
      for (const { podcast: p, episodes } of payload) {
        const tx = database.transaction(['podcasts', 'episodes'], 'readwrite');
        tx.objectStore('podcasts').put(p);
        const store = tx.objectStore('episodes');
        for (const e of episodes) store.put(e);
        await new Promise((resolve, reject) => {
          tx.oncomplete = resolve;
          tx.onerror = () => reject(tx.error ?? new Error('IndexedDB request failed'));
        });
      }
      const elapsed = performance.now() - t0;
      const tx = database.transaction('settings', 'readwrite');
      tx.objectStore('settings').put(true, 'library.firstRunDone');
      await new Promise((resolve) => (tx.oncomplete = resolve));
      database.close();
      return elapsed;
    }, data);

    const measure = async (path: string, probes: Array<[selector: string, text?: string]>) => {
      const probe = await stack.newPage(context);
      const keys = probes.map((_, i) => `__painted${i}`);
      for (const [i, [selector, text]] of probes.entries()) await probe.addInitScript(PAINT_PROBE(selector, keys[i], text));
      const runs: number[][] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await paintTimes(probe, `${stack.appUrl}${path}`, keys));
      const fcp = await probe.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
      await probe.close();
      return keys.map((_, k) => {
        const times = runs.map((r) => r[k]);
        return { median: median(times), min: Math.min(...times), max: Math.max(...times), fcp };
      });
    };
    const showPath = `/show/${encodeURIComponent(data[0].podcast.id)}`;
    const [libraryPaint] = await measure('/', [['.show-card']]);
    const [showPaint, showFull] = await measure(showPath, [['.virtual-row .episode-row'], ['.show-count', `${BIG} shown`]]);
    const rows = await (async () => {
      await page.goto(`${stack.appUrl}${showPath}`);
      await page.locator('.virtual-row').first().waitFor();
      return page.locator('.virtual-row').count();
    })();
    // Scrolling: 200 px per frame through the list, frame-to-frame times from requestAnimationFrame.
    // A string, not a function: tsx would wrap the inner arrow functions in a helper the page lacks.
    const frames = (await page.evaluate<unknown>(`new Promise((resolve) => {
      const deltas = [];
      let last = performance.now();
      let n = 0;
      const step = (now) => {
        deltas.push(now - last);
        last = now;
        window.scrollBy(0, 200);
        if (++n < 240) requestAnimationFrame(step);
        else resolve(deltas.slice(1));
      };
      requestAnimationFrame(step);
    })`)) as number[];
    const p95 = [...frames].sort((a, b) => a - b)[Math.floor(frames.length * 0.95)];

    // The whole path through the UI: proxy fetch, parse in the worker, merge, one-transaction write.
    stack.fixtures.setFeed('bench-big.xml', bigFeed(BIG));
    await page.goto(stack.appUrl);
    await page.getByRole('button', { name: 'Add podcast' }).click();
    await page.getByRole('textbox', { name: 'Feed URL' }).fill(`${stack.fixtures.origin}/feeds/bench-big.xml`);
    const t0 = performance.now();
    await page.getByRole('button', { name: 'Subscribe', exact: true }).click();
    await page.getByRole('link', { name: 'Subscribed Big Show' }).waitFor({ timeout: 60_000 });
    const subscribeMs = performance.now() - t0;
    if (stack.errors.length) throw new Error(`page errors: ${stack.errors.join('; ')}`);

    const target = (x: number) => (x < 300 ? 'under the 300 ms target' : 'OVER the 300 ms target');
    return [
      `write ${TOTAL} episodes (${SHOWS} shows, one transaction per show):`,
      `  Node + fake-indexeddb, writeFeed: ${ms(nodeMs)} (relative figure only)`,
      `  Chromium IndexedDB, same puts:    ${ms(browserWriteMs)}`,
      `first paint with that database, service worker in control, median of ${RUNS} loads (min–max), from navigation start:`,
      `  Library grid (${SHOWS} shows):          ${ms(libraryPaint.median)} (${ms(libraryPaint.min)}–${ms(libraryPaint.max)}), FCP ${ms(libraryPaint.fcp)}: ${target(libraryPaint.median)}`,
      `  Show page, ${BIG} episodes listed:  ${ms(showPaint.median)} (${ms(showPaint.min)}–${ms(showPaint.max)}), FCP ${ms(showPaint.fcp)}: ${target(showPaint.median)}`,
      `  Show page, whole ${BIG}-episode list read and shown: ${ms(showFull.median)} (${ms(showFull.min)}–${ms(showFull.max)})`,
      `  rows in the DOM for ${BIG} episodes: ${rows} (virtualized); scrolling 200 px a frame: frame time median ${median(frames).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`,
      `subscribe through the UI to a ${BIG}-episode feed (${(bigFeed(BIG).length / 1e6).toFixed(1)} MB: proxy, worker parse, merge, write): ${ms(subscribeMs)}`,
    ].join('\n');
  } finally {
    await stack.close();
    teardown();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await run());
