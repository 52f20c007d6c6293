import { chromium, type Browser, type BrowserContext, type LaunchOptions } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Flags that keep Chromium off the closed network: no background services, and every host name
 * except localhost resolves to nothing, so artwork URLs in real feeds never leave the machine.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--autoplay-policy=no-user-gesture-required',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];

const launchOptions = (): LaunchOptions => ({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });

export function launchBrowser(): Promise<Browser> {
  return chromium.launch(launchOptions());
}

/** A phone-sized context (390×844), service workers allowed. */
export function phoneContext(browser: Browser, options: { colorScheme?: 'light' | 'dark' } = {}): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: false,
    hasTouch: true,
    serviceWorkers: 'allow',
    colorScheme: options.colorScheme ?? 'light',
  });
}

/** Not incognito: Chromium reports `in-incognito` for installability in a normal newContext(). */
export function persistentContext(): Promise<BrowserContext> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hopcast-profile-'));
  return chromium.launchPersistentContext(dir, { ...launchOptions(), viewport: { width: 390, height: 844 }, serviceWorkers: 'allow' });
}
