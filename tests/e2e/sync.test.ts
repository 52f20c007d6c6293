/**
 * Open sync against the real Hopcast sync server (SQLite): another device's show and position
 * arrive in the app, and the app's own plays, position and queue reach the server, as a gpodder
 * client (here plain HTTP from the test, speaking docs/SYNC.md) downloads them.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { apiFailure, CHAPTERS_CORS, checkConsole, FIRST_RUN_REFUSALS, startStack, type Stack } from './harness';
import { addPlayerShow, openQueue, openShow, PLAYER_SHOW, queueTitles, subscribe, waitForAudio } from './player-helpers';
import { openSettings, pauseFromMiniPlayer, playAt, shot } from './backup-helpers';

const PASSWORD = 'correct horse battery';
const LONG = 'Long talk with chapters';
const NETWORK = 'Fixture Network Show';
const E1 = 'Episode 1: Routing in a hurry';

describe('sync', () => {
  let stack: Stack;
  let page: Page;
  /** Each test signs up an account of its own, so what one test synced never reaches another. */
  let USER = '';
  let accounts = 0;
  const api = async (method: string, p: string, body?: unknown) => {
    const auth = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;
    const res = await fetch(`${stack.appUrl.replace('localhost', '127.0.0.1')}/api/2${p}`, {
      method,
      headers: { Authorization: auth, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };

  beforeAll(async () => {
    const data = mkdtempSync(path.join(os.tmpdir(), 'hopcast-sync-e2e-'));
    stack = await startStack({ env: { HOPCAST_SYNC: '1', HOPCAST_SYNC_SIGNUP: '1', HOPCAST_DATA_DIR: data } });
    addPlayerShow(stack);
  });
  afterAll(async () => {
    await stack?.close();
  });
  // The player show's chapters file is on a host without CORS: every test that plays it logs that.
  checkConsole(() => stack, [...FIRST_RUN_REFUSALS, ...CHAPTERS_CORS]);
  beforeEach(async () => {
    USER = `alice${++accounts}`;
    const res = await fetch(`${stack.appUrl.replace('localhost', '127.0.0.1')}/api/2/hopcast/signup.json`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: USER, password: PASSWORD }),
    });
    expect(res.status).toBe(201);
    page = await stack.newPage(await stack.newContext());
    await page.goto(stack.appUrl);
  });

  async function signIn(): Promise<void> {
    await openSettings(page);
    const form = page.locator('.sync-form');
    await form.getByLabel('User name').fill(USER);
    await form.getByLabel('Password').fill(PASSWORD);
    await form.getByRole('button', { name: 'Sign in and sync' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Last synced today at/ })
      .waitFor({ timeout: 30_000 });
  }

  test('Hopcast syncs and shows a show another device uploaded, and resumes at its position', async () => {
    // The wrong password first: the sync server's 401.
    stack.expectConsoleErrors(apiFailure('2/devices/alice\\d+/hopcast-\\w+\\.json', 401));
    const feed = `${stack.fixtures.origin}/feeds/${PLAYER_SHOW.file}`;
    await api('POST', `/subscriptions/${USER}/phone.json`, { add: [feed], remove: [] });
    await api('POST', `/episodes/${USER}.json`, [
      {
        podcast: feed,
        episode: `${stack.fixtures.origin}/audio/long-episode.mp3`,
        action: 'play',
        timestamp: new Date().toISOString().slice(0, 19),
        started: 0,
        position: 60,
        total: 120,
        device: 'phone',
      },
    ]);

    await openSettings(page);
    const form = page.locator('.sync-form');
    expect(await form.getByLabel('Server address').inputValue()).toBe(stack.appUrl);
    await form.getByLabel('User name').fill(USER);
    await form.getByLabel('Password').fill('wrong password');
    await form.getByRole('button', { name: 'Sign in and sync' }).click();
    await page.getByRole('status').filter({ hasText: 'Sync failed: Wrong user name or password.' }).waitFor({ timeout: 20_000 });
    await page.locator('.sync-status').first().scrollIntoViewIfNeeded();
    await shot(page, 'settings-sync-error');

    await form.getByLabel('Password').fill(PASSWORD);
    await form.getByRole('button', { name: 'Sync now' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Last synced today at/ })
      .waitFor({ timeout: 30_000 });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.locator('.sync-status').first().scrollIntoViewIfNeeded();
      await shot(page, `settings-sync-${scheme}`);
    }
    await page.emulateMedia({ colorScheme: 'light' });

    await openShow(page, PLAYER_SHOW.title);
    await page
      .getByRole('button', { name: `Play ${LONG}` })
      .first()
      .click();
    const resumed = await waitForAudio(page, (a) => !a.paused && a.currentTime > 0.1, undefined, 20_000);
    expect(resumed.currentTime).toBeGreaterThanOrEqual(59.5);
    expect(resumed.currentTime).toBeLessThan(70);
    await pauseFromMiniPlayer(page);
  });

  test('Hopcast plays and syncs a play position, its shows and its queue', async () => {
    await signIn();
    await subscribe(page, `${stack.fixtures.origin}/feeds/${PLAYER_SHOW.file}`, PLAYER_SHOW.title);
    await subscribe(page, `${stack.fixtures.origin}/feeds/network-show.xml`, NETWORK);
    await openShow(page, NETWORK);
    await page.getByRole('button', { name: `Add to queue ${E1}` }).click();
    await openShow(page, PLAYER_SHOW.title);
    await playAt(page, LONG, 90);
    await pauseFromMiniPlayer(page);
    const at = Math.floor(await page.evaluate(() => document.querySelector('audio')!.currentTime));

    // No button pressed: the pause schedules a sync a few seconds later.
    const enclosure = `${stack.fixtures.origin}/audio/long-episode.mp3`;
    await expect
      .poll(
        async () => {
          const { actions } = await api('GET', `/episodes/${USER}.json?since=0`);
          return actions.filter((a: { episode: string; device: string }) => a.episode === enclosure && a.device !== 'phone').map((a: { position: number }) => a.position);
        },
        { timeout: 30_000, interval: 500 },
      )
      .toEqual([at]);
    const { actions } = await api('GET', `/episodes/${USER}.json?since=0`);
    const mine = actions.find((a: { episode: string; device: string }) => a.episode === enclosure && a.device !== 'phone');
    expect(mine).toMatchObject({ action: 'play', started: 0, total: 120, podcast: `${stack.fixtures.origin}/feeds/${PLAYER_SHOW.file}` });
    expect(mine.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);

    const subs = await api('GET', `/subscriptions/${USER}/phone.json?since=0`);
    expect(subs.add).toContain(`${stack.fixtures.origin}/feeds/network-show.xml`);
    // One sync sends the play actions first and the queue after them: wait for the queue as well.
    await expect
      .poll(
        async () => {
          const state = await api('GET', `/hopcast/${USER}/state.json`);
          return state.queue.filter((q: { deleted?: boolean }) => !q.deleted).map((q: { id: string }) => q.id);
        },
        { timeout: 30_000, interval: 500 },
      )
      .toEqual([`${stack.fixtures.origin}/audio/episode-1.mp3`]);

    // Another device empties the queue (a tombstone) and adds a playlist and a bookmark: all reach this app.
    const e1 = { podcast: `${stack.fixtures.origin}/feeds/network-show.xml`, episode: `${stack.fixtures.origin}/audio/episode-1.mp3` };
    await api('PUT', `/hopcast/${USER}/state.json`, {
      queue: [{ id: e1.episode, deleted: true, updatedAt: Date.now() + 1000 }],
      playlists: [{ id: 'pl-from-phone', kind: 'manual', name: 'From the phone', order: 1024, createdAt: 1, episodes: [e1], updatedAt: Date.now() }],
      bookmarks: [{ id: 'bm-from-phone', ...e1, at: 5, note: 'the routing bit', episodeTitle: E1, podcastTitle: NETWORK, createdAt: 1, updatedAt: Date.now() }],
    });
    await openSettings(page);
    await page.locator('.sync-form').getByRole('button', { name: 'Sync now' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Last synced today at/ })
      .waitFor({ timeout: 30_000 });
    await openQueue(page);
    await expect.poll(() => queueTitles(page), { timeout: 10_000 }).toEqual([]);
    await page.goto(`${stack.appUrl}/playlists`);
    await page.getByText('From the phone').first().waitFor({ timeout: 10_000 });
    await page.goto(`${stack.appUrl}/bookmarks`);
    await page.getByText('the routing bit').first().waitFor({ timeout: 10_000 });
  });
});
