/**
 * Everything an e2e test needs: the built app served by the real server (its proxy sealed to the
 * fixture server), the fixture podcast host on 127.0.0.1, and Chromium kept off the network.
 */
import { afterEach, beforeEach } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../server/index';
import { readConfig, type ServerConfig } from '../../server/config';
import { startFixtureServer, type FixtureServer } from '../fixtures/fixture-server';
import { launchBrowser, phoneContext } from './browser';

export interface Stack {
  /** The app's origin, e.g. http://localhost:41234 (localhost: a secure context for the SW). */
  appUrl: string;
  app: RunningServer;
  fixtures: FixtureServer;
  browser: Browser;
  /**
   * Console errors and page errors seen by pages opened through `newPage` since the last check, as
   * `console: <text> @ <url>` (the URL the message is about: a failed resource's own address) or
   * `pageerror: <message>`. `checkConsole` empties it after each test.
   */
  errors: string[];
  /** The console errors the running test expects (each pattern matched against an `errors` entry); reset after each test. */
  expectConsoleErrors(...patterns: RegExp[]): void;
  /** Marks the start of a test: errors and expectations start empty, and new contexts are the test's own. */
  beginTest(): void;
  /** Closes the contexts the test opened and returns the errors no expected pattern matched; forgets both lists. */
  endTest(): Promise<string[]>;
  newPage(context?: BrowserContext): Promise<Page>;
  /** A context made during a test is closed after it (`checkConsole`); one made in `beforeAll` lives until `close`. */
  newContext(options?: { colorScheme?: 'light' | 'dark' }): Promise<BrowserContext>;
  /** Stop the app server (offline tests); `restartApp` brings it back on the same port. */
  stopApp(): Promise<void>;
  restartApp(): Promise<void>;
  close(): Promise<void>;
}

export function distDir(): string {
  const dir = process.env.HOPCAST_E2E_DIST;
  if (!dir) throw new Error('HOPCAST_E2E_DIST is not set: run e2e tests through `vitest --project e2e`.');
  return dir;
}

export async function startApp(fixtures: FixtureServer, port = 0, env: Record<string, string> = {}, configure?: (config: ServerConfig) => void): Promise<RunningServer> {
  const config = readConfig({
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    HOPCAST_DIST_DIR: distDir(),
    HOPCAST_PROXY_ALLOW: `127.0.0.1:${fixtures.port}`,
    // Directory search goes to the fixture server's stand-in, never to the real directories.
    HOPCAST_APPLE_SEARCH_URL: `${fixtures.origin}/apple/search`,
    HOPCAST_APPLE_LOOKUP_URL: `${fixtures.origin}/apple/lookup`,
    PODCASTINDEX_API_KEY: '',
    PODCASTINDEX_API_SECRET: '',
    ...env,
  });
  configure?.(config);
  return startServer(config);
}

const FAILED = String.raw`^console: Failed to load resource:`;
const APP = String.raw`http://localhost:\d+`;
const FIXTURES = String.raw`http://127\.0\.0\.1:\d+`;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** How Chromium words a failed load: an HTTP status (404 → "… status of 404 (Not Found)") or a net:: error. */
const failure = (status: number | `net::${string}`) => (typeof status === 'number' ? String.raw` the server responded with a status of ${status} \([\w ]*\)` : ` ${escape(status)}`);
const PP_FEED = String.raw`feed\?url=https%3A%2F%2F(feeds\.)?packetpushers\.net%2F\S*`;

/** A request to the app's own `/api/<path…>` that failed with `status`; `path` is a regex source matched from there. */
export function apiFailure(path: string, status: number | `net::${string}`): RegExp {
  return new RegExp(`${FAILED}${failure(status)} @ ${APP}/api/${path}`);
}

/** A request to the fixture host's `path` (exact) that failed with `status`. */
export function fixtureFailure(path: string, status: number | `net::${string}`): RegExp {
  return new RegExp(`${FAILED}${failure(status)} @ ${FIXTURES}${escape(path)}$`);
}

/**
 * The fixture host serves `path` without CORS headers on purpose: Chromium logs the app's direct
 * fetch as blocked (and failed), then the app reads it through its proxy.
 */
export function noCors(path: string): RegExp[] {
  return [new RegExp(`^console: Access to fetch at '${FIXTURES}${escape(path)}' from origin '${APP}' has been blocked by CORS policy`), fixtureFailure(path, 'net::ERR_FAILED')];
}

/**
 * A fresh install looks up the four real Packet Pushers shows (Apple ids, then their feeds): the
 * directory is unreachable (502) and the sealed proxy refuses the feed hosts (403); Chromium logs each.
 */
export const FIRST_RUN_REFUSALS: readonly RegExp[] = [apiFailure('lookup\\?id=(370842767|1730980821|1460004936)$', 502), apiFailure(PP_FEED, 403)];

/** In the simulated Packet Pushers world, the feed paths a show is not at answer 502 (tried, then the next). */
export const SIMULATED_FEED_MISSES: readonly RegExp[] = [apiFailure(PP_FEED, 502)];

/** The same first-run fetches while the browser is offline. */
export const FIRST_RUN_OFFLINE: readonly RegExp[] = [apiFailure(PP_FEED, 'net::ERR_INTERNET_DISCONNECTED')];

/** The player fixture show's chapters file (no CORS headers on its host). */
export const CHAPTERS_CORS: readonly RegExp[] = noCors('/files/player-chapters.json');

/**
 * Fails the test that just ran on any console or page error it did not declare (through
 * `stack.expectConsoleErrors` or `fileWide`, for errors every test of a file causes), then closes
 * the contexts the test opened. Call once per describe, after the `beforeAll` that starts the stack.
 */
export function checkConsole(getStack: () => Stack | undefined, fileWide: readonly RegExp[] = []): void {
  beforeEach(() => {
    getStack()?.beginTest();
  });
  afterEach(async () => {
    const stack = getStack();
    if (!stack) return;
    // Here rather than in beforeEach: a test may start its own stack (no stack before it ran).
    stack.expectConsoleErrors(...fileWide);
    const unexpected = await stack.endTest();
    if (unexpected.length) throw new Error(`Unexpected console or page errors:\n${unexpected.join('\n')}`);
  });
}

/** `configure` adjusts the server config in code (test seams such as the simulated Packet Pushers world). */
export async function startStack(options: { env?: Record<string, string>; configure?: (config: ServerConfig, fixtures: FixtureServer) => void } = {}): Promise<Stack> {
  const fixtures = await startFixtureServer();
  const configure = options.configure ? (config: ServerConfig) => options.configure!(config, fixtures) : undefined;
  let app = await startApp(fixtures, 0, options.env, configure);
  const browser = await launchBrowser();
  const errors: string[] = [];
  let expected: RegExp[] = [];
  const contexts: BrowserContext[] = [];
  let testContexts: BrowserContext[] | undefined;
  const stack: Stack = {
    get appUrl() {
      return `http://localhost:${app.port}`;
    },
    get app() {
      return app;
    },
    fixtures,
    browser,
    errors,
    expectConsoleErrors(...patterns) {
      expected.push(...patterns);
    },
    beginTest() {
      // Errors logged in a beforeAll stay, checked with the first test's.
      expected = [];
      testContexts = [];
    },
    async endTest() {
      // Closed first, so whatever the pages log while they go is still checked.
      for (const c of testContexts ?? []) await c.close().catch(() => {});
      testContexts = undefined;
      const unexpected = errors.filter((e) => !expected.some((p) => p.test(e)));
      errors.splice(0);
      expected = [];
      return unexpected;
    },
    async newContext(opts) {
      const context = await phoneContext(browser, opts);
      (testContexts ?? contexts).push(context);
      return context;
    },
    async newPage(context) {
      const page = await (context ?? (await stack.newContext())).newPage();
      page.on('console', (msg) => {
        if (msg.type() !== 'error') return;
        const url = msg.location().url;
        errors.push(`console: ${msg.text()}${url ? ` @ ${url}` : ''}`);
      });
      page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
      return page;
    },
    async stopApp() {
      await app.close();
    },
    async restartApp() {
      app = await startApp(fixtures, app.port, options.env, configure);
    },
    async close() {
      for (const c of [...(testContexts ?? []), ...contexts]) await c.close().catch(() => {});
      await browser.close().catch(() => {});
      await app.close().catch(() => {});
      await fixtures.close();
    },
  };
  return stack;
}

/**
 * Resolves after two animation frames: whatever the last input changed has been rendered by then
 * (Preact renders on the next tick). The positive sign to wait for before asserting that an input
 * showed nothing, where nothing else appears to wait on.
 */
export async function renderedFrames(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** Resolves once a service worker controls the page (first visit: after clients.claim()). */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, undefined, { timeout: 15_000 });
}

/**
 * Loads a document in a page whose context is offline (`context.setOffline(true)` first). Debian's
 * Chromium 150 brings a document its service worker serves up with `navigator.onLine` true although
 * the context is offline, so the emulation is set again on the page once it has loaded: the page then
 * sees `offline`, as a phone in airplane mode would from the start.
 */
export async function navigateOffline(page: Page, navigate: (page: Page) => Promise<unknown>): Promise<void> {
  await navigate(page);
  // The session stays attached: detaching it would drop the emulation it set. It goes with the page.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await page.waitForFunction(() => !navigator.onLine);
}
