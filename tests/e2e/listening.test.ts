/**
 * Skip silence, per-show settings, casting and stats in Chromium against the fixture host: the
 * generated gap episode (scripts/make-gap-audio.sh) played at 1× with wall-clock time measured.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { checkConsole, FIRST_RUN_REFUSALS, startStack, waitForServiceWorker, type Stack } from './harness';
import { audioState, closeFullPlayer, openShow, subscribe, waitForAudio } from './player-helpers';
import { addListeningShow, audioOutput, clearMediaLog, recordAudioOutput, resetAudioOutput, editShowSettings, GAPS, LISTEN_SHOW, mediaLog, playEpisode, recordMedia } from './listening-helpers';

describe('listening', () => {
  let stack: Stack;
  let page: Page;

  beforeAll(async () => {
    stack = await startStack();
    addListeningShow(stack);
  });
  afterAll(async () => {
    await stack?.close();
  });
  checkConsole(() => stack, FIRST_RUN_REFUSALS);
  // Each test in a context of its own (checkConsole closes it after), following the listening show.
  beforeEach(async () => {
    const context = await stack.newContext();
    await recordMedia(context);
    await recordAudioOutput(context);
    page = await stack.newPage(context);
    await page.goto(stack.appUrl);
    await subscribe(page, `${stack.fixtures.origin}/feeds/${LISTEN_SHOW.file}`, LISTEN_SHOW.title);
  });

  /** Skip silence (medium) on for the show, and the gap episode in the player, paused, once its silence map is complete. */
  async function gapEpisodeMapped(): Promise<void> {
    await openShow(page, LISTEN_SHOW.title);
    await editShowSettings(page, async (d) => void (await d.getByRole('combobox', { name: 'Skip silence' }).selectOption('medium')));
    await playEpisode(page, LISTEN_SHOW.gapTitle);
    await page.getByRole('button', { name: 'Open player' }).click();
    await expect.poll(() => page.getByRole('dialog').getByTestId('silence-note').textContent(), { timeout: 20_000 }).toMatch(/^Medium · saved/);
    await page.evaluate(() => document.querySelector('audio')!.pause());
    await waitForAudio(page, (a) => a.paused);
    await closeFullPlayer(page);
  }

  test('skip silence at 1×: ends ≥ 80 % of the gap time sooner and never cuts a word', async () => {
    await openShow(page, LISTEN_SHOW.title);
    await editShowSettings(page, async (d) => void (await d.getByRole('combobox', { name: 'Skip silence' }).selectOption('medium')));
    await page.getByRole('button', { name: `Play ${LISTEN_SHOW.gapTitle}` }).click();
    await page.getByRole('button', { name: 'Open player' }).click();
    const player = page.getByRole('dialog');
    await expect.poll(() => player.getByRole('button', { name: 'Skip silence' }).getAttribute('aria-pressed')).toBe('true');
    // The map is built while the first seconds play; once it is complete, measure a whole run from 0.
    await expect.poll(() => player.getByTestId('silence-note').textContent(), { timeout: 20_000 }).toMatch(/^Medium · saved/);
    await page.evaluate(() => {
      const a = document.querySelector('audio')!;
      a.pause();
    });
    await waitForAudio(page, (a) => a.paused);
    await player.getByRole('slider', { name: 'Seek' }).press('Home');
    await waitForAudio(page, (a) => a.currentTime < 0.5 && a.readyState >= 2);
    await clearMediaLog(page);
    await player.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(async () => (await mediaLog(page)).events.some((e) => e.type === 'ended'), { timeout: 40_000 }).toBe(true);

    const log = await mediaLog(page);
    const started = log.events.find((e) => e.type === 'playing')!;
    const ended = log.events.find((e) => e.type === 'ended')!;
    const wall = (ended.at - started.at) / 1000;
    const gapTotal = GAPS.gaps.reduce((a, b) => a + b, 0);
    const saved = GAPS.duration - wall;
    console.log(
      `skip silence (medium, 1×): media ${GAPS.duration.toFixed(2)} s, wall ${wall.toFixed(2)} s, saved ${saved.toFixed(2)} s of ${gapTotal} s of gaps (${((saved / gapTotal) * 100).toFixed(0)} %)`,
    );
    expect(saved).toBeGreaterThanOrEqual(0.8 * gapTotal);

    // Every jump the app made lies inside a known gap: from after the words before it, to before the words after it.
    const jumps = log.seeks.filter((s) => s.to > s.from + 0.1);
    expect(jumps).toHaveLength(GAPS.gaps.length);
    jumps.forEach((jump, i) => {
      const wordsBefore = GAPS.speech[i];
      const wordsAfter = GAPS.speech[i + 1];
      expect(jump.from).toBeGreaterThanOrEqual(wordsBefore[1]);
      expect(jump.to).toBeLessThanOrEqual(wordsAfter[0]);
    });
    // Nothing else moved the playhead backwards or forwards (no other cut).
    expect(log.seeks.length).toBe(jumps.length);

    // The running figure, then the Stats screen.
    await expect.poll(() => player.getByTestId('silence-note').textContent()).toMatch(/saved ([7-9]|1\d) s/);
    await player.getByRole('button', { name: 'Close player' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('link', { name: 'Listening stats' }).click();
    await page.getByRole('heading', { level: 1, name: 'Listening stats' }).waitFor();
    const show = page.locator('.stats-show', { hasText: LISTEN_SHOW.title });
    await show.waitFor();
    expect(await show.textContent()).toMatch(/silence saved (1\d|[7-9]) s/);
    expect(await page.getByRole('definition').nth(3).textContent()).toMatch(/^(1\d|[7-9]) s$/);
  });

  test('skip silence follows speed changes and seeks: at 2×, a seek into a gap lands after it', async () => {
    await gapEpisodeMapped();
    await page.getByRole('button', { name: 'Open player' }).click();
    const player = page.getByRole('dialog');
    await player.getByRole('combobox', { name: 'Playback speed' }).selectOption('2.0');
    const [gapStart, gapEnd] = [GAPS.speech[0][1], GAPS.speech[1][0]];
    await clearMediaLog(page);
    // Seek into the middle of the first gap (the listener drags there), then play.
    await page.evaluate((t) => void (document.querySelector('audio')!.currentTime = t), (gapStart + gapEnd) / 2 - 0.5);
    await player.getByRole('button', { name: 'Play', exact: true }).click();
    await waitForAudio(page, (a) => !a.paused && a.currentTime > gapEnd);
    const firstJump = (await mediaLog(page)).seeks.find((s) => s.to > s.from + 0.1 && s.from > gapStart);
    expect(firstJump!.to).toBeGreaterThan(gapEnd - 0.3);
    expect(firstJump!.to).toBeLessThanOrEqual(gapEnd);
    // At 2× the later gaps are skipped as well, inside their bounds.
    await expect.poll(async () => (await mediaLog(page)).events.some((e) => e.type === 'ended'), { timeout: 30_000 }).toBe(true);
    const later = (await mediaLog(page)).seeks.filter((s) => s.to > s.from + 0.1 && s.from > GAPS.speech[1][1] - 0.01);
    expect(later).toHaveLength(2);
    later.forEach((jump, i) => {
      expect(jump.from).toBeGreaterThanOrEqual(GAPS.speech[i + 1][1]);
      expect(jump.to).toBeLessThanOrEqual(GAPS.speech[i + 2][0]);
    });
    await player.getByRole('combobox', { name: 'Playback speed' }).selectOption('1.0');
    await player.getByRole('button', { name: 'Close player' }).click();
  });

  test('an intro trim starts playback at N seconds; the volume boost plays same-origin', async () => {
    await openShow(page, LISTEN_SHOW.title);
    await editShowSettings(page, async (d) => {
      await d.getByRole('spinbutton', { name: 'Skip intro (seconds)' }).fill('20');
      await d.getByRole('checkbox', { name: /Volume boost/ }).check();
    });
    await clearMediaLog(page);
    await page.getByRole('button', { name: `Play ${LISTEN_SHOW.longTitle}` }).click();
    const a = await waitForAudio(page, (s) => !s.paused && s.currentTime > 20.5, undefined, 20_000);
    expect(a.currentTime).toBeLessThan(30);
    const log = await mediaLog(page);
    // Playback never started from 0: the first position it played from was the trim point.
    const firstPlaying = log.events.find((e) => e.type === 'playing')!;
    expect(firstPlaying.t).toBeGreaterThanOrEqual(20);
    // Boosted through Web Audio, so the cross-origin (no CORS) enclosure is loaded through the proxy…
    expect(a.src).toContain('/api/audio?url=');
    // …and is heard: real samples reach the speakers (a no-CORS source would be zeros), boosted, never clipping.
    await resetAudioOutput(page);
    await expect.poll(async () => (await audioOutput(page)).blocks, { timeout: 10_000 }).toBeGreaterThan(40);
    const out = await audioOutput(page);
    console.log(`volume boost output: peak ${out.peak.toFixed(3)}, RMS ${out.rms.toFixed(3)} over ${out.blocks} blocks`);
    expect(out.taps).toBe(1);
    expect(out.rms).toBeGreaterThan(0.02);
    expect(out.peak).toBeLessThan(1);
    // Reopening the sheet shows what was saved.
    await page.getByRole('button', { name: 'Show settings' }).click();
    const dialog = page.getByRole('dialog', { name: /Settings for/ });
    expect(await dialog.getByRole('spinbutton', { name: 'Skip intro (seconds)' }).inputValue()).toBe('20');
    await dialog.getByRole('spinbutton', { name: 'Skip intro (seconds)' }).fill('9999');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'whole seconds' }).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  test('an outro trim ends the episode M seconds early, marked played', async () => {
    await playEpisode(page, LISTEN_SHOW.longTitle);
    await editShowSettings(page, async (d) => {
      await d.getByRole('spinbutton', { name: 'Skip intro (seconds)' }).fill('0');
      await d.getByRole('spinbutton', { name: 'Skip outro (seconds)' }).fill('110');
    });
    await clearMediaLog(page);
    // The long episode (120 s) is in the player: from 5 s, it must end at 10 s.
    await page.evaluate(() => void (document.querySelector('audio')!.currentTime = 5));
    await page.getByRole('button', { name: 'Open player' }).click();
    const player = page.getByRole('dialog');
    await player.getByRole('button', { name: 'Skip silence' }).waitFor();
    if ((await audioState(page)).paused) await player.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(async () => (await mediaLog(page)).events.some((e) => e.type === 'ended'), { timeout: 20_000 }).toBe(true);
    const jump = (await mediaLog(page)).seeks.find((s) => s.to > 100)!;
    expect(jump.from).toBeGreaterThanOrEqual(10);
    expect(jump.from).toBeLessThan(11);
    await player.getByRole('button', { name: 'Close player' }).click();
    await openShow(page, LISTEN_SHOW.title);
    await page.locator('.episode-row.played', { hasText: LISTEN_SHOW.longTitle }).waitFor();
  });

  test('a downloaded episode is analysed from its offline copy: the audio host is not asked again', async () => {
    await waitForServiceWorker(page);
    await openShow(page, LISTEN_SHOW.title);
    await editShowSettings(page, async (d) => {
      await d.getByRole('combobox', { name: 'Skip silence' }).selectOption('medium');
      await d.getByRole('checkbox', { name: /Volume boost/ }).check();
    });
    await page.getByRole('button', { name: `Download ${LISTEN_SHOW.gapTitle}` }).click();
    await page.getByRole('button', { name: `Remove download ${LISTEN_SHOW.gapTitle}` }).waitFor({ timeout: 20_000 });
    const hostRequests = () => stack.fixtures.log.filter((r) => r.url.includes('gaps-episode')).length;
    const before = hostRequests();
    await clearMediaLog(page);
    await resetAudioOutput(page);
    // Never played before in this context: it loads afresh, from its offline copy.
    await page.getByRole('button', { name: `Play ${LISTEN_SHOW.gapTitle}` }).click();
    await waitForAudio(page, (a) => a.src.includes('/offline-audio/') && !a.paused);
    await expect.poll(async () => (await mediaLog(page)).events.some((e) => e.type === 'ended'), { timeout: 40_000 }).toBe(true);
    const jumps = (await mediaLog(page)).seeks.filter((s) => s.to > s.from + 0.1);
    // The first gap may pass before the map arrives on a busy machine; the later ones are skipped.
    expect(jumps.length).toBeGreaterThanOrEqual(GAPS.gaps.length - 1);
    for (const jump of jumps) {
      // The words the jump follows: the last phrase that ended before it started.
      const i = GAPS.speech.findLastIndex(([, end]) => end <= jump.from);
      expect(i).toBeGreaterThanOrEqual(0);
      expect(jump.to).toBeLessThanOrEqual(GAPS.speech[i + 1][0]);
    }
    expect(hostRequests()).toBe(before);
    // The show still has the volume boost on: speech peaking at −2 dBFS, boosted, stays below full scale.
    const out = await audioOutput(page);
    console.log(`volume boost on loud speech: peak ${out.peak.toFixed(3)}, RMS ${out.rms.toFixed(3)} over ${out.blocks} blocks`);
    expect(out.peak).toBeGreaterThan(0.3);
    expect(out.peak).toBeLessThan(1);
  });

  test('the Cast button is hidden when no remote device is available', async () => {
    await playEpisode(page, LISTEN_SHOW.longTitle);
    await page.getByRole('button', { name: 'Open player' }).click();
    const player = page.getByRole('dialog');
    await player.getByRole('button', { name: 'Skip silence' }).waitFor();
    // The API is there and was asked; headless Chromium has no devices.
    const watched = await page.evaluate(async () => {
      const remote = (document.querySelector('audio') as HTMLAudioElement & { remote?: RemotePlayback }).remote;
      if (!remote) return 'no api';
      try {
        return await new Promise<string>((resolve) => void remote.watchAvailability((a) => resolve(String(a))).catch((e: unknown) => resolve(e instanceof Error ? e.name : String(e))));
      } catch (e) {
        return (e as Error).name;
      }
    });
    expect(['false', 'NotSupportedError', 'no api']).toContain(watched);
    expect(await player.getByRole('button', { name: /^Cast/ }).count()).toBe(0);
    await player.getByRole('button', { name: 'Close player' }).click();
  });

  test('screenshots of the player extras, the show settings sheet and Stats, light and dark', async () => {
    await gapEpisodeMapped();
    // Some listening (and a skipped gap) for the Stats screen to show, counted once paused.
    await page.getByRole('button', { name: 'Open player' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Play', exact: true }).click();
    await waitForAudio(page, (a) => !a.paused && a.currentTime > GAPS.speech[1][1], undefined, 20_000);
    await page.getByRole('dialog').getByRole('button', { name: 'Pause', exact: true }).click();
    await waitForAudio(page, (a) => a.paused);
    await closeFullPlayer(page);
    const dir = process.env.HOPCAST_SCREENSHOTS === 'docs' ? path.join(import.meta.dirname, '..', '..', 'docs', 'screenshots') : path.join(os.tmpdir(), 'hopcast-listening-shots');
    mkdirSync(dir, { recursive: true });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await openShow(page, LISTEN_SHOW.title);
      await page.getByRole('button', { name: 'Show settings' }).click();
      await page.getByRole('dialog', { name: /Settings for/ }).waitFor();
      await page.screenshot({ path: path.join(dir, `show-settings-${scheme}.png`) });
      await page
        .getByRole('dialog', { name: /Settings for/ })
        .getByRole('button', { name: 'Cancel' })
        .click();
      await page.getByRole('button', { name: 'Open player' }).click();
      const player = page.getByRole('dialog');
      await player.getByRole('button', { name: 'Skip silence' }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(dir, `full-player-listening-${scheme}.png`) });
      await closeFullPlayer(page);
      await page.goto(`${stack.appUrl}/stats`);
      await page.locator('.stats-show').first().waitFor();
      await page.screenshot({ path: path.join(dir, `stats-${scheme}.png`) });
    }
    console.log(`screenshots in ${dir}`);
  });
});
