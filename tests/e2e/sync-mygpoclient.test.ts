/**
 * The whole open-sync chain with a real gPodder client: Debian's python3-mygpoclient (what gPodder
 * uses) uploads a show and a play position to the Hopcast sync server, Hopcast in a fresh Chromium
 * signs in, follows the show and resumes there; then Hopcast plays on, syncs by itself after the
 * pause, and mygpoclient downloads the new position. Skipped (with the reason in the suite's name)
 * only where python3-mygpoclient is missing; tests/server/sync-interop.test.ts fails there instead.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHAPTERS_CORS, checkConsole, FIRST_RUN_REFUSALS, startStack, type Stack } from './harness';
import { addPlayerShow, openShow, PLAYER_SHOW, waitForAudio } from './player-helpers';
import { openSettings, pauseFromMiniPlayer } from './backup-helpers';
import { MYGPO_MISSING, mygpo, type MygpoAction } from '../server/interop/mygpo';

const PASSWORD = 'correct horse battery';
/** mygpoclient's own device, as gPodder on a laptop registers it. */
const LAPTOP = 'laptop';
const LONG = 'Long talk with chapters';
/** Where gPodder left the 2-minute episode, and where Hopcast leaves it afterwards (seconds). */
const P = 47;
const Q = 93;

const title = MYGPO_MISSING ? `sync with mygpoclient (SKIPPED: ${MYGPO_MISSING})` : 'sync with mygpoclient';

describe.skipIf(MYGPO_MISSING !== null)(title, () => {
  let stack: Stack;
  let root: string;
  let feed: string;
  let enclosure: string;
  let user = '';
  let attempt = 0;

  beforeAll(async () => {
    const data = mkdtempSync(path.join(os.tmpdir(), 'hopcast-sync-mygpo-'));
    stack = await startStack({ env: { HOPCAST_SYNC: '1', HOPCAST_SYNC_SIGNUP: '1', HOPCAST_DATA_DIR: data } });
    addPlayerShow(stack);
    // Python's urllib may try ::1 for "localhost"; the server listens on 127.0.0.1 only.
    root = stack.appUrl.replace('localhost', '127.0.0.1');
    feed = `${stack.fixtures.origin}/feeds/${PLAYER_SHOW.file}`;
    enclosure = `${stack.fixtures.origin}/audio/long-episode.mp3`;
  });
  afterAll(async () => {
    await stack?.close();
  });
  // The player show's chapters file is on a host without CORS: every test that plays it logs that.
  checkConsole(() => stack, [...FIRST_RUN_REFUSALS, ...CHAPTERS_CORS]);

  /** mygpoclient's view of the episode: its play actions, newest first. */
  const gpodderPlays = async (): Promise<MygpoAction[]> => {
    const out = await mygpo(root, user, PASSWORD, LAPTOP, 'download');
    const actions = out.actions as MygpoAction[];
    return actions.filter((a) => a.action === 'play' && a.episode === enclosure).sort((a, b) => (b.timestamp ?? '').localeCompare(a.timestamp ?? ''));
  };

  test('gPodder uploads a show and a position, Hopcast resumes there, plays on and syncs, gPodder downloads the new position', async () => {
    // An account of its own per try: a retry must not start from the previous try's positions.
    user = `gpodder-fan-${++attempt}`;
    const res = await fetch(`${root}/api/2/hopcast/signup.json`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: user, password: PASSWORD }),
    });
    expect(res.status).toBe(201);

    // 1. gPodder: its device, the show, and a play action at P.
    const up = await mygpo(root, user, PASSWORD, LAPTOP, 'upload', feed, enclosure, String(P), '120');
    expect(up).toMatchObject({ device_saved: true, update_urls: [] });

    // 2. Hopcast in a fresh browser signs in with the same account and syncs.
    const page = await stack.newPage();
    await page.goto(stack.appUrl);
    await openSettings(page);
    const form = page.locator('.sync-form');
    expect(await form.getByLabel('Server address').inputValue()).toBe(stack.appUrl);
    await form.getByLabel('User name').fill(user);
    await form.getByLabel('Password').fill(PASSWORD);
    await form.getByRole('button', { name: 'Sign in and sync' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Last synced today at/ })
      .waitFor({ timeout: 30_000 });

    await openShow(page, PLAYER_SHOW.title);
    await page
      .getByRole('button', { name: `Play ${LONG}` })
      .first()
      .click();
    const resumed = await waitForAudio(page, (a) => !a.paused && a.currentTime > 0.1, undefined, 20_000);
    expect(resumed.src).toBe(enclosure);
    expect(resumed.currentTime).toBeGreaterThanOrEqual(P - 0.5);
    expect(resumed.currentTime).toBeLessThan(P + 10);

    // 3. Hopcast carries on in the same episode from where gPodder left it, to Q.
    await page.evaluate((t) => {
      document.querySelector('audio')!.currentTime = t;
    }, Q);
    await waitForAudio(page, (a, t) => !a.paused && a.currentTime >= t!, Q, 20_000);
    await pauseFromMiniPlayer(page);
    const at = await page.evaluate(() => document.querySelector('audio')!.currentTime);

    // No button: the pause schedules a sync. gPodder polls, as it would on its next refresh.
    await expect.poll(async () => (await gpodderPlays())[0]?.position ?? -1, { timeout: 30_000, interval: 1_000 }).toBeGreaterThanOrEqual(Math.floor(at) - 1);
    // 4. What gPodder now reads for the episode.
    const plays = await gpodderPlays();
    const newest = plays[0];
    expect(Math.abs(newest.position! - at)).toBeLessThanOrEqual(1.5);
    // What AntennaPod needs to accept it too, and a device id that is Hopcast's own.
    expect(newest).toMatchObject({ podcast: feed, episode: enclosure, started: 0, total: 120 });
    expect(newest.device).toMatch(/^hopcast-/);
    expect(newest.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    // The server keeps the newest play per episode (docs/SYNC.md): Hopcast's replaced gPodder's.
    expect(plays).toHaveLength(1);
    // And the show is still in gPodder's list: Hopcast's first sync did not drop it.
    const out = await mygpo(root, user, PASSWORD, LAPTOP, 'download');
    expect(out.add).toEqual([feed]);
    expect(out.remove).toEqual([]);
  });
});
