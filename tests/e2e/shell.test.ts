import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cpSync, appendFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FIRST_RUN_OFFLINE, checkConsole, FIRST_RUN_REFUSALS, startStack, navigateOffline, waitForServiceWorker, distDir, startApp, type Stack } from './harness';
import { persistentContext } from './browser';

const NAV = ['Library', 'Queue', 'Downloads', 'Search', 'Settings'];

describe('app shell', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });
  checkConsole(() => stack, FIRST_RUN_REFUSALS);

  test('loads with no console errors and navigates between every screen', async () => {
    const page = await stack.newPage();
    await page.goto(stack.appUrl);
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const name of NAV) await expect(nav.getByRole('link', { name, exact: true }).count()).resolves.toBe(1);
    for (const name of NAV.slice(1)) {
      await nav.getByRole('link', { name, exact: true }).click();
      await page.getByRole('heading', { level: 1, name }).waitFor();
      expect(await nav.getByRole('link', { name, exact: true }).getAttribute('aria-current')).toBe('page');
    }
    // A client-side route survives a reload (the server falls back to index.html).
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
  });

  test('the service worker takes control, and the shell works offline with the server stopped', async () => {
    stack.expectConsoleErrors(...FIRST_RUN_OFFLINE);
    const context = await stack.newContext();
    const page = await stack.newPage(context);
    await page.goto(stack.appUrl);
    await waitForServiceWorker(page);
    await stack.stopApp();
    await context.setOffline(true);
    try {
      await navigateOffline(page, (p) => p.goto(`${stack.appUrl}/queue`));
      await page.getByRole('heading', { level: 1, name: 'Queue' }).waitFor();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Downloads', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Downloads' }).waitFor();
      await page.getByRole('status').filter({ hasText: "You're offline" }).waitFor();
    } finally {
      await context.setOffline(false);
      await stack.restartApp();
    }
  });

  test('the install banner and the Settings button use beforeinstallprompt; dismissing the banner is remembered', async () => {
    const page = await stack.newPage();
    // Headless Chromium never fires the real event; dispatch one with the same shape.
    const offerInstall = () =>
      page.evaluate(() => {
        const event = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
          prompt: () => {
            (window as unknown as { __prompted: boolean }).__prompted = true;
            return Promise.resolve();
          },
          userChoice: Promise.resolve({ outcome: 'dismissed' as const }),
        });
        window.dispatchEvent(event);
      });
    await page.goto(stack.appUrl);
    await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
    await expect(page.getByRole('button', { name: 'Install app' }).count()).resolves.toBe(0);
    await offerInstall();
    const banner = page.getByRole('complementary', { name: 'Install Hopcast' });
    await banner.getByRole('button', { name: 'Install app' }).waitFor();
    await banner.getByRole('button', { name: 'Dismiss install banner' }).click();
    await banner.waitFor({ state: 'detached' });

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
    await offerInstall();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings', exact: true }).click();
    // Settings offers its own button; once it is there, the dismissed banner must still be gone.
    await page.getByRole('button', { name: 'Install app' }).waitFor();
    await expect(page.getByRole('complementary', { name: 'Install Hopcast' }).count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Install app' }).click();
    expect(await page.evaluate(() => (window as unknown as { __prompted?: boolean }).__prompted)).toBe(true);
    await page.getByText('Install cancelled.').waitFor();
  });

  test('a waiting new version shows "Update available" and never reloads by itself', async () => {
    const dist = mkdtempSync(path.join(os.tmpdir(), 'hopcast-update-'));
    cpSync(distDir(), dist, { recursive: true });
    const server = await startApp(stack.fixtures, 0, { HOPCAST_DIST_DIR: dist });
    try {
      const page = await stack.newPage();
      const url = `http://localhost:${server.port}`;
      await page.goto(url);
      await waitForServiceWorker(page);
      await page.evaluate(() => ((window as unknown as { __marker: number }).__marker = 42));
      appendFileSync(path.join(dist, 'sw.js'), '\n// next version\n');
      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
      const prompt = page.getByRole('status').filter({ hasText: 'Update available' });
      await prompt.waitFor({ timeout: 15_000 });
      // Still the same document: nothing reloaded.
      expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(42);
      await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: 'Reload' }).click()]);
      expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBeUndefined();
    } finally {
      await server.close();
    }
  });
});

describe('installability', () => {
  test('Chromium reports no installability errors for the manifest', async () => {
    const fixtures = await (await import('../fixtures/fixture-server')).startFixtureServer();
    const server = await startApp(fixtures);
    const context = await persistentContext();
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`http://localhost:${server.port}`);
      await waitForServiceWorker(page);
      const cdp = await context.newCDPSession(page);
      const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
        installabilityErrors: Array<{ errorId: string }>;
      };
      expect(installabilityErrors).toEqual([]);
      const manifest = await page.evaluate(() => fetch('/manifest.webmanifest').then((r) => r.json()));
      expect(manifest.display).toBe('standalone');
      expect(manifest.shortcuts.map((s: { name: string }) => s.name)).toEqual(['Queue', 'Downloads']);
      expect(manifest.icons.some((i: { purpose?: string }) => i.purpose === 'maskable')).toBe(true);
    } finally {
      await context.close();
      await server.close();
      await fixtures.close();
    }
  });
});
