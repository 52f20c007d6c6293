import { afterEach, describe, expect, test, vi } from 'vitest';

/**
 * The install offer as the browser drives it: a pretend window (an EventTarget with matchMedia),
 * navigator and localStorage are stubbed before each fresh import, and the browser's events are
 * dispatched on that window.
 */
const CHROME = 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36';
const IPHONE_SAFARI = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const IPHONE_CHROME = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0 Mobile/15E148 Safari/604.1';
const IPAD_DESKTOP_MODE = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';

interface Page {
  window: EventTarget;
  standalone: EventTarget & { matches: boolean };
  storage: Map<string, string>;
}

async function load(options: { ua?: string; touchPoints?: number; standalone?: boolean; storage?: Map<string, string>; storageThrows?: boolean } = {}) {
  const standalone = Object.assign(new EventTarget(), { matches: options.standalone ?? false });
  const win = Object.assign(new EventTarget(), {
    matchMedia: (query: string) => (query === '(display-mode: standalone)' ? standalone : Object.assign(new EventTarget(), { matches: false })),
  });
  const storage = options.storage ?? new Map<string, string>();
  const fail = () => {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  };
  vi.stubGlobal('window', win);
  vi.stubGlobal('navigator', { userAgent: options.ua ?? CHROME, maxTouchPoints: options.touchPoints ?? 0 });
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => (options.storageThrows ? fail() : (storage.get(k) ?? null)),
    setItem: (k: string, v: string) => (options.storageThrows ? fail() : void storage.set(k, v)),
  });
  vi.resetModules();
  const m = await import('../../../src/state/install');
  const page: Page = { window: win, standalone, storage };
  return { m, page };
}

/** Chromium's `beforeinstallprompt`, answering the prompt with `outcome`. */
function promptEvent(outcome: 'accepted' | 'dismissed') {
  const event = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
    prompts: 0,
    prompt: async () => void event.prompts++,
    userChoice: Promise.resolve({ outcome }),
  });
  return event;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('install offer', () => {
  test('nothing to offer until the browser says the app can be installed', async () => {
    const { m } = await load();
    expect(m.installMode.value).toBe('none');
    expect(await m.promptInstall()).toBe('unavailable');
  });

  test('beforeinstallprompt: the browser’s own infobar is held back and our prompt offered; accepting installs', async () => {
    const { m, page } = await load();
    const event = promptEvent('accepted');
    page.window.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    expect(m.installMode.value).toBe('prompt');

    expect(await m.promptInstall()).toBe('accepted');
    expect(event.prompts).toBe(1);
    expect(m.installed.value).toBe(true);
    expect(m.installMode.value).toBe('none');
  });

  test('a prompt event is used once: dismissed, it is not offered again', async () => {
    const { m, page } = await load();
    const event = promptEvent('dismissed');
    page.window.dispatchEvent(event);
    expect(await m.promptInstall()).toBe('dismissed');
    expect(m.installed.value).toBe(false);
    expect(m.installMode.value).toBe('none');
    expect(await m.promptInstall()).toBe('unavailable');
    expect(event.prompts).toBe(1);
  });

  test('appinstalled (installed from the browser menu) withdraws a pending prompt', async () => {
    const { m, page } = await load();
    page.window.dispatchEvent(promptEvent('accepted'));
    page.window.dispatchEvent(new Event('appinstalled'));
    expect(m.installed.value).toBe(true);
    expect(m.installMode.value).toBe('none');
    expect(await m.promptInstall()).toBe('unavailable');
  });

  test('running as the installed app offers nothing, and follows the display mode as it changes', async () => {
    const { m, page } = await load({ standalone: true });
    page.window.dispatchEvent(promptEvent('accepted'));
    expect(m.installMode.value).toBe('none');
    page.standalone.dispatchEvent(Object.assign(new Event('change'), { matches: false }));
    expect(m.isStandalone.value).toBe(false);
    expect(m.installMode.value).toBe('prompt');
  });

  test('iOS Safari (which has no prompt) gets the Add to Home Screen explanation; other iOS browsers do not', async () => {
    expect((await load({ ua: IPHONE_SAFARI })).m.installMode.value).toBe('ios');
    // An iPad asks for the desktop site: it reads as a Mac, with a touch screen.
    expect((await load({ ua: IPAD_DESKTOP_MODE, touchPoints: 5 })).m.installMode.value).toBe('ios');
    expect((await load({ ua: IPAD_DESKTOP_MODE, touchPoints: 0 })).m.installMode.value).toBe('none');
    expect((await load({ ua: IPHONE_CHROME })).m.installMode.value).toBe('none');
    expect((await load({ ua: IPHONE_SAFARI, standalone: true })).m.installMode.value).toBe('none');
  });

  test('a dismissed banner stays dismissed on the next visit', async () => {
    const storage = new Map<string, string>();
    const first = await load({ storage });
    expect(first.m.bannerDismissed.value).toBe(false);
    first.m.dismissInstallBanner();
    expect(first.m.bannerDismissed.value).toBe(true);
    expect((await load({ storage })).m.bannerDismissed.value).toBe(true);
  });

  test('without storage (private mode) the banner can still be dismissed for this visit', async () => {
    const { m } = await load({ storageThrows: true });
    expect(m.bannerDismissed.value).toBe(false);
    expect(() => m.dismissInstallBanner()).not.toThrow();
    expect(m.bannerDismissed.value).toBe(true);
  });
});
