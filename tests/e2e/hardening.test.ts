import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { apiFailure, fixtureFailure, checkConsole, FIRST_RUN_REFUSALS, startStack, waitForServiceWorker, type Stack } from './harness';

/**
 * The issue-10 attacks, opened in Chromium as an attacker would: each proxied answer as a page of
 * the app's origin, the relayed script as a <script> of the app, and the proxy from another site.
 * Each payload, if it ran, would set the title to RAN, set window.__hopcastPwned and request
 * /attack/beacon from the fixture host; the test asserts none of that happened.
 */
describe('nothing gets in through the proxy', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });
  checkConsole(() => stack, FIRST_RUN_REFUSALS);

  const beacons = () => stack.fixtures.log.filter((r) => r.url.startsWith('/attack/beacon')).length;
  const proxied = (route: 'feed' | 'audio', path: string, extra = '') => `${stack.appUrl}/api/${route}?url=${encodeURIComponent(`${stack.fixtures.origin}${path}`)}${extra}`;

  async function ran(page: Page): Promise<boolean> {
    // A sandboxed or downloaded document may refuse evaluation: that is "did not run" too.
    const title = await page.title().catch(() => '');
    const flag = await page.evaluate(() => (window as unknown as { __hopcastPwned?: boolean }).__hopcastPwned === true).catch(() => false);
    return title === 'RAN' || flag;
  }

  test.each([
    ['audio answered as "audio/mpeg;x=1, text/html" (HTML with a script from /api/feed)', 'audio', '/attack/audio-html', ''],
    ['audio answered as image/svg+xml with a script', 'audio', '/attack/svg', ''],
    ['a feed that is an XHTML document with scripts', 'feed', '/attack/xhtml-feed', ''],
    ['a web page fetched for feed discovery (allowHtml=1)', 'feed', '/attack/page.html', '&allowHtml=1'],
    ['a feed answered as application/javascript', 'feed', '/attack/payload.js', ''],
  ] as const)('opened as a page: %s runs nothing', async (_name, route, path, extra) => {
    const before = beacons();
    const page = await stack.newPage();
    const answer = page.waitForResponse((r) => r.url().startsWith(`${stack.appUrl}/api/${route}`));
    // A download or a media document is fine; what matters is that nothing ran.
    await page.goto(proxied(route, path, extra)).catch(() => undefined);
    const res = await answer;
    const headers = await res.allHeaders();
    expect(headers['content-security-policy']).toMatch(/(^|; )sandbox(;|$)/);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['content-type']).not.toMatch(/html|svg|javascript|ecmascript/);
    await page.waitForLoadState('load').catch(() => undefined);
    expect(await ran(page)).toBe(false);
    expect(beacons()).toBe(before);
    // The script the HTML asks for was never even fetched: the document never rendered as HTML.
    expect(stack.fixtures.log.filter((r) => r.url.startsWith('/attack/payload.js') && path !== '/attack/payload.js')).toEqual([]);
    await page.close();
  });

  test('a relayed script included by a page of the app does not execute (nosniff, non-script type)', async () => {
    stack.expectConsoleErrors(
      /^console: Refused to execute script from 'http:\/\/localhost:\d+\/api\/feed\?url=http%3A%2F%2F127\.0\.0\.1%3A\d+%2Fattack%2Fpayload\.js' because its MIME type \('application\/octet-stream'\) is not executable/,
    );
    const page = await stack.newPage();
    await page.goto(stack.appUrl);
    const before = beacons();
    const outcome = await page.evaluate(
      (src) =>
        new Promise<string>((resolve) => {
          const s = document.createElement('script');
          s.src = src;
          s.onload = () => resolve('load');
          s.onerror = () => resolve('error');
          document.head.append(s);
        }),
      `/api/feed?url=${encodeURIComponent(`${stack.fixtures.origin}/attack/payload.js`)}`,
    );
    expect(outcome).toBe('error');
    expect(await ran(page)).toBe(false);
    expect(beacons()).toBe(before);
    await page.close();
  });

  test('another site cannot use the proxy: fetch, no-cors fetch and <audio> are refused before any upstream request', async () => {
    stack.expectConsoleErrors(
      // The fixture's page links a stylesheet and has no icon.
      fixtureFailure('/style.css', 404),
      fixtureFailure('/favicon.ico', 404),
      // The refusals under test: the CORS fetch (blocked, then failed) and the no-cors one (403).
      /^console: Access to fetch at 'http:\/\/localhost:\d+\/api\/feed\?url=\S+relay%3D1' from origin 'http:\/\/127\.0\.0\.1:\d+' has been blocked by CORS policy/,
      apiFailure('feed\\?url=\\S+relay%3D1$', 'net::ERR_FAILED'),
      apiFailure('feed\\?url=\\S+relay%3D2$', 403),
    );
    const page = await stack.newPage();
    await page.goto(`${stack.fixtures.origin}/page/network-show.html`);
    const marker = (n: number) => `${stack.appUrl}/api/feed?url=${encodeURIComponent(`${stack.fixtures.origin}/feeds/network-show.xml?relay=${n}`)}`;
    const audio = `${stack.appUrl}/api/audio?url=${encodeURIComponent(`${stack.fixtures.origin}/audio/episode-1.mp3?relay=3`)}`;
    const statuses: number[] = [];
    page.on('response', (r) => {
      if (r.url().startsWith(`${stack.appUrl}/api/`)) statuses.push(r.status());
    });
    const result = await page.evaluate(
      async ([cors, noCors, media]) => {
        const corsOutcome = await fetch(cors).then(
          () => 'read',
          () => 'blocked',
        );
        await fetch(noCors, { mode: 'no-cors' }).catch(() => undefined);
        const audioOutcome = await new Promise<string>((resolve) => {
          const a = new Audio();
          a.onerror = () => resolve('error');
          a.oncanplay = () => resolve('played');
          a.src = media!;
          a.load();
        });
        return { corsOutcome, audioOutcome };
      },
      [marker(1), marker(2), audio],
    );
    expect(result).toEqual({ corsOutcome: 'blocked', audioOutcome: 'error' });
    // The upstream never saw any of them: the gate answered first (403 wherever Chromium reports a status).
    expect(statuses.every((s) => s === 403)).toBe(true);
    expect(stack.fixtures.log.filter((r) => r.url.includes('relay='))).toEqual([]);
    await page.close();
  });

  test('the app itself, and its service worker, still reach the proxy', async () => {
    const context = await stack.newContext();
    const page = await stack.newPage(context);
    await page.goto(stack.appUrl);
    await waitForServiceWorker(page);
    const status = await page.evaluate((url) => fetch(url).then((r) => r.status), `/api/feed?url=${encodeURIComponent(`${stack.fixtures.origin}/feeds/network-show.xml`)}`);
    expect(status).toBe(200);
    // Background Fetch and the SW's own requests are exercised by offline.test.ts and downloads-ui.test.ts.
  });
});
