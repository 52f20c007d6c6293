/** Fixtures and probes for the player e2e tests. */
import { expect } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { Stack } from './harness';

/**
 * A second show, served at runtime: a 2-minute episode with chapters (JSON on a host without CORS),
 * one whose audio is missing, and a short one the player tests never fetch (the offline case).
 */
export const PLAYER_SHOW = {
  file: 'player-show.xml',
  title: 'Fixture Player Show',
  missingTitle: 'The episode whose audio is gone',
  shortTitle: 'A short one nobody played yet',
};

const FEED = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:podcast="https://podcastindex.org/namespace/1.0">
  <channel>
    <title>${PLAYER_SHOW.title}</title>
    <link>{{BASE}}/page/player-show.html</link>
    <description>Player test show.</description>
    <itunes:author>Hopcast Fixtures</itunes:author>
    <item>
      <title>Long talk with chapters</title>
      <guid isPermaLink="false">player-long</guid>
      <pubDate>Wed, 21 Jan 2026 09:00:00 GMT</pubDate>
      <enclosure url="{{BASE}}/audio/long-episode.mp3" type="audio/mpeg" length="480000"/>
      <itunes:duration>2:00</itunes:duration>
      <podcast:chapters url="{{BASE}}/files/player-chapters.json" type="application/json+chapters"/>
      <description>Two minutes in three chapters.</description>
    </item>
    <item>
      <title>${PLAYER_SHOW.missingTitle}</title>
      <guid isPermaLink="false">player-missing</guid>
      <pubDate>Tue, 20 Jan 2026 09:00:00 GMT</pubDate>
      <enclosure url="{{BASE}}/audio/missing-episode.mp3" type="audio/mpeg" length="1000"/>
      <itunes:duration>0:30</itunes:duration>
      <description>The host lost this file.</description>
    </item>
    <item>
      <title>A short one nobody played yet</title>
      <guid isPermaLink="false">player-short</guid>
      <pubDate>Mon, 19 Jan 2026 09:00:00 GMT</pubDate>
      <enclosure url="{{BASE}}/audio/episode-2.mp3" type="audio/mpeg" length="40229"/>
      <itunes:duration>0:10</itunes:duration>
      <description>Ten seconds.</description>
    </item>
  </channel>
</rss>`;

const CHAPTERS = JSON.stringify({
  version: '1.2.0',
  chapters: [
    { startTime: 0, title: 'The opening' },
    { startTime: 40, title: 'The middle part' },
    { startTime: 80, title: 'The closing part' },
  ],
});

export function addPlayerShow(stack: Stack): void {
  stack.fixtures.setFeed(PLAYER_SHOW.file, FEED);
  stack.fixtures.setFeed('player-chapters.json', CHAPTERS);
}

/** Subscribes through the Add podcast dialog, exactly as a user does. */
export async function subscribe(page: Page, feedUrl: string, title: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library', exact: true }).click();
  await page.getByRole('button', { name: 'Add podcast' }).first().click();
  await page.getByRole('textbox', { name: 'Feed URL' }).fill(feedUrl);
  await page.getByRole('button', { name: 'Subscribe', exact: true }).click();
  await page
    .getByRole('link', { name: new RegExp(title) })
    .first()
    .waitFor({ timeout: 20_000 });
  await page
    .getByRole('dialog')
    .waitFor({ state: 'detached' })
    .catch(() => page.keyboard.press('Escape'));
}

/** Records every Media Session handler the app sets, so a test can call them like the OS would. */
export async function recordMediaSession(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { __media: Record<string, MediaSessionActionHandler | null> };
    w.__media = {};
    const original = navigator.mediaSession.setActionHandler.bind(navigator.mediaSession);
    navigator.mediaSession.setActionHandler = (action, handler) => {
      if (handler) w.__media[action] = handler;
      else Reflect.deleteProperty(w.__media, action);
      original(action, handler);
    };
  });
}

export function mediaHandlers(page: Page): Promise<string[]> {
  return page.evaluate(() => Object.keys((window as unknown as { __media: object }).__media));
}

export interface AudioState {
  src: string;
  currentTime: number;
  duration: number;
  paused: boolean;
  playbackRate: number;
  readyState: number;
  count: number;
}

/** The app's audio element(s): there must be exactly one for the app's lifetime. */
export function audioState(page: Page): Promise<AudioState> {
  return page.evaluate(() => {
    const all = document.querySelectorAll('audio');
    const a = all[0];
    if (!a) return { src: '', currentTime: 0, duration: 0, paused: true, playbackRate: 1, readyState: 0, count: 0 };
    return { src: a.currentSrc || a.src, currentTime: a.currentTime, duration: a.duration, paused: a.paused, playbackRate: a.playbackRate, readyState: a.readyState, count: all.length };
  });
}

/** Polls the audio element until `check` holds (checked here in Node, so any closure works). */
export async function waitForAudio<T>(page: Page, check: (a: AudioState, arg?: T) => boolean, arg?: T, timeout = 10_000): Promise<AudioState> {
  let last: AudioState | null = null;
  let extra = 0;
  try {
    await expect
      .poll(
        async () => {
          last = await audioState(page);
          extra = Math.max(extra, last.count - 1);
          return extra === 0 && check(last, arg);
        },
        { timeout, interval: 100 },
      )
      .toBe(true);
  } catch {
    throw new Error(extra ? `${extra + 1} audio elements: the app must keep exactly one` : `audio never reached the expected state; last: ${JSON.stringify(last)}`);
  }
  return last!;
}

/**
 * A page in a context of its own (`setup` adjusts the context first: permissions, init scripts),
 * on the app, subscribed through the dialog to each `[feed file, show title]` of the fixture host.
 */
export async function playerPage(stack: Stack, feeds: ReadonlyArray<readonly [string, string]>, setup?: (context: BrowserContext) => Promise<void>): Promise<Page> {
  const context = await stack.newContext();
  await setup?.(context);
  const page = await stack.newPage(context);
  await page.goto(stack.appUrl);
  for (const [file, title] of feeds) await subscribe(page, `${stack.fixtures.origin}/feeds/${file}`, title);
  return page;
}

export async function openShow(page: Page, title: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library', exact: true }).click();
  await page
    .getByRole('link', { name: new RegExp(title) })
    .first()
    .click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

/**
 * Closes the full player and waits until its history entry is gone: the app takes it off with
 * history.back(), which runs later, and a page.goto started before that Back has run is aborted
 * by it (net::ERR_ABORTED).
 */
export async function closeFullPlayer(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Close player' }).click();
  await page.getByRole('button', { name: 'Close player' }).waitFor({ state: 'detached' });
  await page.waitForFunction(() => !(history.state as { hopcastOverlay?: boolean } | null)?.hopcastOverlay);
}

export async function openQueue(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Queue', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Queue' }).waitFor();
}

export function queueTitles(page: Page): Promise<string[]> {
  return page.locator('.queue-list .queue-title').allTextContents();
}

/** The titles of the queue as IndexedDB holds it (by order), for waiting until a change shown is also stored. */
export function storedQueueTitles(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('hopcast');
        open.onerror = () => reject(open.error ?? new Error('IndexedDB request failed'));
        open.onsuccess = () => {
          const tx = open.result.transaction(['queue', 'episodes']);
          const all = tx.objectStore('queue').getAll();
          all.onsuccess = () => {
            const entries = (all.result as Array<{ episodeId: string; order: number }>).sort((a, b) => a.order - b.order);
            const titles: string[] = [];
            for (const [i, entry] of entries.entries()) {
              const get = tx.objectStore('episodes').get(entry.episodeId);
              get.onsuccess = () => (titles[i] = (get.result as { title?: string } | undefined)?.title ?? entry.episodeId);
            }
            tx.oncomplete = () => resolve(titles);
          };
          tx.onerror = () => reject(tx.error ?? new Error('IndexedDB request failed'));
          open.result.close();
        };
      }),
  );
}
