/**
 * The player in Chromium against the fixture podcast host: real audio files, real
 * subscriptions through the Add podcast dialog, nothing seeded behind the app's back.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { apiFailure, fixtureFailure, CHAPTERS_CORS, checkConsole, FIRST_RUN_OFFLINE, FIRST_RUN_REFUSALS, startStack, navigateOffline, waitForServiceWorker, type Stack } from './harness';
import * as helpers from './player-helpers';
import { addPlayerShow, audioState, mediaHandlers, PLAYER_SHOW, playerPage, recordMediaSession, waitForAudio } from './player-helpers';

const LONG = 'Long talk with chapters';

describe('player', () => {
  let stack: Stack;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    stack = await startStack();
    addPlayerShow(stack);
  });
  afterAll(async () => {
    await stack?.close();
  });
  // The long talk's chapters come from a host without CORS headers: every test that plays it sees that.
  checkConsole(() => stack, [...FIRST_RUN_REFUSALS, ...CHAPTERS_CORS]);
  // Each test in a context of its own (checkConsole closes it after), following the player show.
  beforeEach(async () => {
    page = await playerPage(stack, [[PLAYER_SHOW.file, PLAYER_SHOW.title]], async (c) => {
      context = c;
      await c.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.appUrl });
      await recordMediaSession(c);
    });
  });

  const openShow = (title: string) => helpers.openShow(page, title);

  /** Plays the long talk from its start and opens the full player once its chapters are in. */
  async function playLong(): Promise<void> {
    await openShow(PLAYER_SHOW.title);
    await page.getByRole('button', { name: `Play ${LONG}` }).click();
    await waitForAudio(page, (a) => a.src.endsWith('/audio/long-episode.mp3') && !a.paused && a.currentTime > 0.2);
    await page.getByRole('button', { name: 'Open player' }).click();
    await page.getByRole('dialog').getByRole('heading', { name: 'Chapters', exact: true }).waitFor();
  }

  test('plays: currentTime advances, skip back/forward, speed, chapters', async () => {
    await openShow(PLAYER_SHOW.title);
    await page.getByRole('button', { name: `Play ${LONG}` }).click();
    await page.getByRole('button', { name: 'Open player' }).waitFor();
    await waitForAudio(page, (a) => !a.paused && a.currentTime > 1);
    const mini = await audioState(page);
    expect(mini.src).toContain('/audio/long-episode.mp3');

    await page.getByRole('button', { name: 'Open player' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: LONG }).waitFor();
    expect(await dialog.getByRole('slider', { name: 'Seek' }).getAttribute('aria-valuetext')).toMatch(/^0:0\d of 2:00$/);

    const before = (await audioState(page)).currentTime;
    await dialog.getByRole('button', { name: 'Skip forward' }).click();
    const afterForward = (await audioState(page)).currentTime;
    expect(afterForward - before).toBeGreaterThan(28);
    expect(afterForward - before).toBeLessThan(33);
    await dialog.getByRole('button', { name: 'Skip back' }).click();
    const afterBack = (await audioState(page)).currentTime;
    expect(afterForward - afterBack).toBeGreaterThan(13);
    expect(afterForward - afterBack).toBeLessThan(16.5);

    await dialog.getByRole('combobox', { name: 'Playback speed' }).selectOption('1.5');
    expect((await audioState(page)).playbackRate).toBe(1.5);

    // Chapters come from a JSON file on a host without CORS: fetched through the server's proxy.
    await dialog.getByRole('heading', { name: 'Chapters', exact: true }).waitFor();
    await dialog.getByRole('button', { name: 'Next chapter' }).click();
    await waitForAudio(page, (a) => a.currentTime >= 40 && a.currentTime < 45);
    await dialog.locator('.full-chapter', { hasText: 'The middle part' }).waitFor();
    await dialog.getByRole('button', { name: /The closing part/ }).click();
    await waitForAudio(page, (a) => a.currentTime >= 80 && a.currentTime < 85);
    expect(await dialog.locator('.chapter[aria-current="true"]').textContent()).toContain('The closing part');
    await dialog.getByRole('button', { name: 'Previous chapter' }).click();
    await waitForAudio(page, (a) => a.currentTime >= 40 && a.currentTime < 45);
  });

  test('Media Session: metadata and every handler, and they move the position', async () => {
    await playLong();
    const handlers = await mediaHandlers(page);
    expect(handlers.sort()).toEqual(['nexttrack', 'pause', 'play', 'previoustrack', 'seekbackward', 'seekforward', 'seekto'].sort());
    const meta = await page.evaluate(() => ({
      title: navigator.mediaSession.metadata?.title,
      album: navigator.mediaSession.metadata?.album,
      sizes: navigator.mediaSession.metadata?.artwork.map((a) => a.sizes),
    }));
    expect(meta.title).toContain(LONG);
    expect(meta.album).toBe(PLAYER_SHOW.title);
    expect(meta.sizes?.length).toBeGreaterThanOrEqual(2);

    const invoke = (action: string, details: Record<string, unknown> = {}) =>
      page.evaluate(([a, d]) => (window as unknown as { __media: Record<string, (d: unknown) => void> }).__media[a]({ action: a, ...(d as object) }), [action, details] as const);
    await invoke('seekto', { seekTime: 60 });
    await waitForAudio(page, (a) => Math.abs(a.currentTime - 60) < 2);
    await invoke('seekforward');
    await waitForAudio(page, (a) => a.currentTime >= 89 && a.currentTime < 94);
    await invoke('seekbackward', { seekOffset: 10 });
    await waitForAudio(page, (a) => a.currentTime >= 79 && a.currentTime < 84);
    // Well into a chapter, "previous" restarts it (like a CD player).
    await invoke('seekto', { seekTime: 88 });
    await waitForAudio(page, (a) => a.currentTime >= 88);
    await invoke('previoustrack');
    await waitForAudio(page, (a) => a.currentTime >= 80 && a.currentTime < 83);
    await invoke('pause');
    await waitForAudio(page, (a) => a.paused);
    expect(await page.evaluate(() => navigator.mediaSession.playbackState)).toBe('paused');
    await invoke('play');
    await waitForAudio(page, (a) => !a.paused);
    await invoke('seekto', { seekTime: 10 });
    await invoke('nexttrack');
    await waitForAudio(page, (a) => a.currentTime >= 40 && a.currentTime < 45);
  });

  test('keyboard only: open, play/pause, seek, skip, speed, chapters, close', async () => {
    await playLong();
    await page.getByRole('button', { name: 'Close player' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    // Tab from the top of the page until "Open player" has focus.
    let found = false;
    for (let i = 0; i < 60 && !found; i++) {
      await page.keyboard.press('Tab');
      found = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') === 'Open player');
    }
    expect(found).toBe(true);
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe('none');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')), { timeout: 5_000 }).toBe('Close player');

    const tabTo = async (label: string) => {
      for (let i = 0; i < 30; i++) {
        if ((await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))) === label) return;
        await page.keyboard.press('Tab');
      }
      throw new Error(`focus never reached ${label}`);
    };
    await tabTo('Seek');
    let t = (await audioState(page)).currentTime;
    await page.keyboard.press('ArrowRight');
    await waitForAudio(page, (a, t0) => a.currentTime >= t0! + 4, t);
    await tabTo('Pause');
    await page.keyboard.press('Space');
    await waitForAudio(page, (a) => a.paused);
    await page.keyboard.press('Enter');
    await waitForAudio(page, (a) => !a.paused);
    await tabTo('Skip forward');
    t = (await audioState(page)).currentTime;
    await page.keyboard.press('Enter');
    await waitForAudio(page, (a, t0) => a.currentTime >= t0! + 25, t);
    await tabTo('Playback speed');
    // The focus ring shows on every control reached by keyboard.
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe('none');

    // App-wide shortcuts once focus is back on the page itself.
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')), { timeout: 5_000 }).toBe('Open player');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Space');
    await waitForAudio(page, (a) => a.paused);
    await page.keyboard.press('Space');
    await waitForAudio(page, (a) => !a.paused);
    await page.evaluate(() => {
      document.querySelector('audio')!.currentTime = 50;
    });
    t = (await audioState(page)).currentTime;
    await page.keyboard.press('ArrowLeft');
    await waitForAudio(page, (a, t0) => a.currentTime <= t0! - 13, t);
    await page.keyboard.press('Shift+ArrowRight');
    await waitForAudio(page, (a) => a.currentTime >= 40 && a.currentTime < 45);
    const rate = (await audioState(page)).playbackRate;
    await page.keyboard.press(']');
    await waitForAudio(page, (a, r) => Math.abs(a.playbackRate - (r! + 0.1)) < 0.001, rate);
    await page.keyboard.press('[');
    await page.keyboard.press('[');
    await waitForAudio(page, (a, r) => Math.abs(a.playbackRate - (r! - 0.1)) < 0.001, rate);
  });

  test('reload puts the same episode back at the same position, paused, at the show’s speed', async () => {
    await playLong();
    await page.getByRole('dialog').getByRole('combobox', { name: 'Playback speed' }).selectOption('1.5');
    await page.evaluate(() => {
      document.querySelector('audio')!.currentTime = 70;
    });
    await waitForAudio(page, (a) => a.currentTime > 71);
    const before = await audioState(page);
    await page.reload();
    await page.getByRole('button', { name: 'Open player' }).waitFor();
    await waitForAudio(page, (a) => a.readyState >= 1 && a.currentTime > 0);
    const after = await audioState(page);
    expect(after.src).toContain('/audio/long-episode.mp3');
    expect(after.paused).toBe(true);
    expect(Math.abs(after.currentTime - before.currentTime)).toBeLessThanOrEqual(2);
    expect(after.playbackRate).toBeCloseTo(before.playbackRate, 5);
    await page.getByRole('button', { name: 'Open player' }).click();
    expect(await page.getByRole('slider', { name: 'Seek' }).getAttribute('aria-valuetext')).toMatch(/^1:1\d of 2:00$/);
    await page.getByRole('button', { name: 'Close player' }).click();
  });

  test('share at the current time, and opening that link seeks there', async () => {
    await openShow(PLAYER_SHOW.title);
    await page.getByRole('button', { name: `Play ${LONG}` }).click();
    await waitForAudio(page, (a) => a.src.endsWith('/audio/long-episode.mp3') && !a.paused);
    await page.evaluate(() => {
      document.querySelector('audio')!.currentTime = 95;
    });
    await page.getByRole('button', { name: 'Open player' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Pause' }).click();
    await page.getByRole('button', { name: 'Share at current time' }).click();
    await page.getByText(/Link to 1:3\d copied/).waitFor();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(new RegExp(`^${stack.appUrl}/episode/[^#]+#t=9\\d$`));

    const other = await stack.newPage(context);
    await other.goto(link);
    await other.getByRole('button', { name: 'Open player' }).waitFor();
    await waitForAudio(other, (a) => a.readyState >= 1 && a.currentTime >= 94 && a.currentTime < 100);
    await other.close();
  });

  test('screenshots of the mini and full player, light and dark; no unexpected console errors', async () => {
    // HOPCAST_SCREENSHOTS=docs refreshes the README's images; otherwise they go to a temp folder.
    const dir = process.env.HOPCAST_SCREENSHOTS === 'docs' ? path.join(import.meta.dirname, '..', '..', 'docs', 'screenshots') : path.join(os.tmpdir(), 'hopcast-player-shots');
    mkdirSync(dir, { recursive: true });
    await playLong();
    await page.getByRole('dialog').getByRole('button', { name: 'Pause', exact: true }).click();
    await waitForAudio(page, (a) => a.paused);
    await helpers.closeFullPlayer(page);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await openShow(PLAYER_SHOW.title);
      await page.screenshot({ path: path.join(dir, `mini-player-${scheme}.png`) });
      await page.getByRole('button', { name: 'Open player' }).click();
      // The sheet slides in: shoot it once its animations have finished.
      await page.getByRole('dialog').evaluate((d) => Promise.all(d.getAnimations({ subtree: true }).map((a) => a.finished)));
      await page.screenshot({ path: path.join(dir, `full-player-${scheme}.png`) });
      await page.getByRole('button', { name: 'Close player' }).click();
    }
  });

  test('offline, with the server stopped, the app reopens with the last episode at its position', async () => {
    // Chapters, the never-fetched episode and the default shows, asked for while offline.
    stack.expectConsoleErrors(
      ...FIRST_RUN_OFFLINE,
      fixtureFailure('/files/player-chapters.json', 'net::ERR_INTERNET_DISCONNECTED'),
      apiFailure('feed\\?url=http%3A%2F%2F127\\.0\\.0\\.1%3A\\d+%2Ffiles%2Fplayer-chapters\\.json$', 'net::ERR_INTERNET_DISCONNECTED'),
      fixtureFailure('/audio/episode-2.mp3', 'net::ERR_INTERNET_DISCONNECTED'),
    );
    await playLong();
    await waitForServiceWorker(page);
    await page.evaluate(() => {
      document.querySelector('audio')!.currentTime = 33;
    });
    await waitForAudio(page, (a) => Math.abs(a.currentTime - 33) < 1);
    // Closing takes the player's history entry off later (history.back): done before reloading.
    await helpers.closeFullPlayer(page);
    const title = await page.locator('.mini-title').textContent();
    await stack.stopApp();
    await context.setOffline(true);
    try {
      await navigateOffline(page, (p) => p.reload());
      await page.locator('.mini-title', { hasText: title! }).waitFor();
      await page.getByRole('button', { name: 'Open player' }).click();
      const text = await page.getByRole('slider', { name: 'Seek' }).getAttribute('aria-valuetext');
      const [, m, s] = /^(\d+):(\d\d) of /.exec(text ?? '') ?? [];
      expect(Math.abs(Number(m) * 60 + Number(s) - 33)).toBeLessThanOrEqual(2);
      // The browser's HTTP cache still holds this file, so it resumes right there.
      await page.getByRole('dialog').getByRole('button', { name: 'Play', exact: true }).click();
      await waitForAudio(page, (a) => !a.paused && a.currentTime > 33.2 && a.currentTime < 40);
      await page.getByRole('button', { name: 'Close player' }).click();
      // An episode never fetched and not downloaded: a clear message, and it stays in the player.
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await openShow(PLAYER_SHOW.title);
      await page.getByRole('button', { name: `Play ${PLAYER_SHOW.shortTitle}` }).click();
      await page.getByRole('alert').filter({ hasText: "You're offline and this episode isn't downloaded" }).waitFor({ timeout: 15_000 });
      await page.locator('.mini-title', { hasText: PLAYER_SHOW.shortTitle }).waitFor();
    } finally {
      await context.setOffline(false);
      await stack.restartApp();
    }
  });
});
