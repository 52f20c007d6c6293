/**
 * Everything an e2e test needs: the built app served by the real server (its proxy sealed to the
 * fixture server), the fixture podcast host on 127.0.0.1, and Chromium kept off the network.
 */
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
  /** Console errors and page errors seen by pages opened through `newPage`. */
  errors: string[];
  newPage(context?: BrowserContext): Promise<Page>;
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

/**
 * Chromium logs every 4xx/5xx answer as a console error. Answers from the app's own `/api/` routes
 * (the sealed proxy refusing the real default feeds on first run, a feed host's 404) and from other
 * hosts (artwork) are expected here and shown by the app in its UI, where tests assert them; a
 * failing app file still counts.
 */
function isExpectedHttpFailure(text: string, url: string, appUrl: string): boolean {
  if (!text.startsWith('Failed to load resource:')) return false;
  return url.startsWith(`${appUrl}/api/`) || !url.startsWith(appUrl);
}

/** `configure` adjusts the server config in code (test seams such as the simulated Packet Pushers world). */
export async function startStack(options: { env?: Record<string, string>; configure?: (config: ServerConfig, fixtures: FixtureServer) => void } = {}): Promise<Stack> {
  const fixtures = await startFixtureServer();
  const configure = options.configure ? (config: ServerConfig) => options.configure!(config, fixtures) : undefined;
  let app = await startApp(fixtures, 0, options.env, configure);
  const browser = await launchBrowser();
  const errors: string[] = [];
  const contexts: BrowserContext[] = [];
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
    async newContext(opts) {
      const context = await phoneContext(browser, opts);
      contexts.push(context);
      return context;
    },
    async newPage(context) {
      const page = await (context ?? (await stack.newContext())).newPage();
      page.on('console', (msg) => {
        if (msg.type() !== 'error' || isExpectedHttpFailure(msg.text(), msg.location().url, stack.appUrl)) return;
        errors.push(`console: ${msg.text()}`);
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
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close().catch(() => {});
      await app.close().catch(() => {});
      await fixtures.close();
    },
  };
  return stack;
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
