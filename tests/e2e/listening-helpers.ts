/** Fixtures and probes for the listening e2e tests (skip silence, per-show settings, casting, stats). */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import type { Stack } from './harness';

export const GAPS = JSON.parse(readFileSync(new URL('../fixtures/audio/gaps-episode.json', import.meta.url), 'utf8')) as {
  speech: Array<[number, number]>;
  gaps: number[];
  duration: number;
};

export const LISTEN_SHOW = { file: 'listening-show.xml', title: 'Fixture Listening Show', gapTitle: 'Pauses between phrases', longTitle: 'A long one for trims' };

const FEED = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">
  <channel>
    <title>${LISTEN_SHOW.title}</title>
    <link>{{BASE}}/page/listening-show.html</link>
    <description>Listening test show.</description>
    <itunes:author>Hopcast Fixtures</itunes:author>
    <item>
      <title>${LISTEN_SHOW.gapTitle}</title>
      <guid isPermaLink="false">listen-gaps</guid>
      <pubDate>Wed, 21 Jan 2026 09:00:00 GMT</pubDate>
      <enclosure url="{{BASE}}/audio/gaps-episode.mp3" type="audio/mpeg" length="77845"/>
      <itunes:duration>0:19</itunes:duration>
    </item>
    <item>
      <title>${LISTEN_SHOW.longTitle}</title>
      <guid isPermaLink="false">listen-long</guid>
      <pubDate>Tue, 20 Jan 2026 09:00:00 GMT</pubDate>
      <enclosure url="{{BASE}}/audio/long-episode.mp3" type="audio/mpeg" length="480235"/>
      <itunes:duration>2:00</itunes:duration>
    </item>
  </channel>
</rss>`;

export function addListeningShow(stack: Stack): void {
  stack.fixtures.setFeed(LISTEN_SHOW.file, FEED);
}

export interface MediaLog {
  seeks: Array<{ from: number; to: number; at: number }>;
  events: Array<{ type: string; t: number; at: number }>;
}

/**
 * Logs, in the page, every currentTime assignment (old and new time) and the media events with
 * their wall-clock time, before the app's own code runs. Observation only: nothing is changed.
 */
export async function recordMedia(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const log = { seeks: [] as Array<{ from: number; to: number; at: number }>, events: [] as Array<{ type: string; t: number; at: number }> };
    (window as unknown as { __mediaLog: typeof log }).__mediaLog = log;
    const desc = Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, 'currentTime')!;
    Object.defineProperty(HTMLMediaElement.prototype, 'currentTime', {
      configurable: true,
      get: desc.get,
      set(this: HTMLMediaElement, v: number) {
        log.seeks.push({ from: desc.get!.call(this) as number, to: v, at: performance.now() });
        desc.set!.call(this, v);
      },
    });
    for (const type of ['playing', 'seeked', 'ended', 'pause', 'loadstart']) {
      addEventListener(type, (e) => log.events.push({ type, t: (e.target as HTMLMediaElement).currentTime, at: performance.now() }), true);
    }
  });
}

export function mediaLog(page: Page): Promise<MediaLog> {
  return page.evaluate(() => (window as unknown as { __mediaLog: MediaLog }).__mediaLog);
}

export async function clearMediaLog(page: Page): Promise<void> {
  await page.evaluate(() => {
    const log = (window as unknown as { __mediaLog: MediaLog }).__mediaLog;
    log.seeks.length = 0;
    log.events.length = 0;
  });
}

/** Opens the show's settings sheet, applies `change`, saves and waits for the sheet to close. */
export async function editShowSettings(page: Page, change: (dialog: ReturnType<Page['getByRole']>) => Promise<void>): Promise<void> {
  await page.getByRole('button', { name: 'Show settings' }).click();
  const dialog = page.getByRole('dialog', { name: /Settings for/ });
  await dialog.waitFor();
  await change(dialog);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'hidden' });
}
