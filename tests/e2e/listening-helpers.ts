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

export interface OutputLevels {
  taps: number;
  /** Largest |sample| seen at the input of the AudioContext's destination. */
  peak: number;
  /** RMS over every sampled block. */
  rms: number;
  blocks: number;
}

/**
 * Taps whatever the app connects to an AudioContext's destination with an AnalyserNode and samples
 * it every 50 ms: the level that reaches the speakers, to check the boost neither clips nor plays
 * silence (which is what a cross-origin source without CORS would give). Observation only.
 */
export async function recordAudioOutput(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const state = { taps: [] as AnalyserNode[], peak: 0, sumSq: 0, n: 0, blocks: 0 };
    (window as unknown as { __output: typeof state }).__output = state;
    const connect = AudioNode.prototype.connect as (this: AudioNode, dest: AudioNode, ...rest: number[]) => AudioNode;
    (AudioNode.prototype as unknown as { connect: typeof connect }).connect = function (this: AudioNode, dest: AudioNode, ...rest: number[]) {
      if (dest instanceof AudioDestinationNode) {
        const tap = this.context.createAnalyser();
        tap.fftSize = 2048;
        connect.call(this, tap);
        state.taps.push(tap);
      }
      return connect.call(this, dest, ...rest);
    };
    const buf = new Float32Array(2048);
    setInterval(() => {
      for (const tap of state.taps) {
        tap.getFloatTimeDomainData(buf);
        state.blocks++;
        for (const v of buf) {
          state.peak = Math.max(state.peak, Math.abs(v));
          state.sumSq += v * v;
          state.n++;
        }
      }
    }, 50);
  });
}

export async function resetAudioOutput(page: Page): Promise<void> {
  await page.evaluate(() => {
    const s = (window as unknown as { __output: { peak: number; sumSq: number; n: number; blocks: number } }).__output;
    s.peak = s.sumSq = s.n = s.blocks = 0;
  });
}

export function audioOutput(page: Page): Promise<OutputLevels> {
  return page.evaluate(() => {
    const s = (window as unknown as { __output: { taps: unknown[]; peak: number; sumSq: number; n: number; blocks: number } }).__output;
    return { taps: s.taps.length, peak: s.peak, rms: s.n ? Math.sqrt(s.sumSq / s.n) : 0, blocks: s.blocks };
  });
}

/** Plays `title` from the listening show's page and waits until it is under way. */
export async function playEpisode(page: Page, title: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library', exact: true }).click();
  await page
    .getByRole('link', { name: new RegExp(LISTEN_SHOW.title) })
    .first()
    .click();
  await page.getByRole('heading', { level: 1, name: LISTEN_SHOW.title }).waitFor();
  await page.getByRole('button', { name: `Play ${title}` }).click();
  await page.waitForFunction(
    () => {
      const a = document.querySelector('audio');
      return !!a && !a.paused && a.currentTime > 0.2;
    },
    undefined,
    { timeout: 20_000 },
  );
}
