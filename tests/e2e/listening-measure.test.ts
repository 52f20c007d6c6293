/**
 * Why skip silence reads a silence map, measured in this Chromium, and the Cast button with a
 * reported device: each with a stack of its own (the device stand-in is set before the app loads).
 */
import { expect, test, describe } from 'vitest';
import { checkConsole, FIRST_RUN_REFUSALS, renderedFrames, startStack, type Stack } from './harness';
import { openShow, subscribe } from './player-helpers';
import { addListeningShow, LISTEN_SHOW } from './listening-helpers';

describe('why skip silence uses a silence map (measured in this Chromium)', () => {
  // The stack is the test's own; checkConsole still reads its errors after the test.
  let stack: Stack | undefined;
  checkConsole(() => stack, FIRST_RUN_REFUSALS);
  test('Web Audio reads zeros from cross-origin audio without CORS, and real samples from the same file through the proxy', async () => {
    stack = await startStack();
    try {
      const page = await stack.newPage();
      await page.goto(stack.appUrl);
      const direct = `${stack.fixtures.origin}/audio/gaps-episode.mp3`;
      // What an AudioWorklet/analyser on the playing element would see: peak |sample| over the first second of speech.
      const levels = await page.evaluate(
        async (urls) => {
          const measure = async (url: string) => {
            const el = new Audio();
            el.src = url;
            const ctx = new AudioContext();
            const analyser = ctx.createAnalyser();
            analyser.fftSize = 2048;
            ctx.createMediaElementSource(el).connect(analyser);
            await ctx.resume();
            await el.play();
            const buf = new Float32Array(2048);
            let peak = 0;
            await new Promise<void>((resolve) => {
              const tick = () => {
                analyser.getFloatTimeDomainData(buf);
                for (const v of buf) peak = Math.max(peak, Math.abs(v));
                if (el.currentTime >= 1.5 || el.ended) resolve();
                else requestAnimationFrame(tick);
              };
              tick();
            });
            el.pause();
            await ctx.close();
            return peak;
          };
          return { direct: await measure(urls.direct), proxied: await measure(urls.proxied) };
        },
        { direct, proxied: `/api/audio?url=${encodeURIComponent(direct)}` },
      );
      console.log(`Web Audio on the playing element: peak ${levels.direct} cross-origin without CORS, ${levels.proxied.toFixed(3)} through the proxy`);
      expect(levels.direct).toBe(0);
      expect(levels.proxied).toBeGreaterThan(0.1);
    } finally {
      await stack.close();
    }
  });
});

describe('casting with a device', () => {
  let stack: Stack | undefined;
  checkConsole(() => stack, FIRST_RUN_REFUSALS);
  test('a reported device shows Cast, which opens the picker', async () => {
    stack = await startStack();
    try {
      addListeningShow(stack);
      const context = await stack.newContext();
      // A stand-in for a browser that reports a cast device (none exists in headless tests).
      await context.addInitScript(() => {
        const w = window as unknown as { __prompts: number };
        w.__prompts = 0;
        Object.defineProperty(HTMLMediaElement.prototype, 'remote', {
          configurable: true,
          get() {
            return {
              state: 'disconnected',
              watchAvailability: (cb: (a: boolean) => void) => (setTimeout(() => cb(true), 0), Promise.resolve(1)),
              cancelWatchAvailability: () => Promise.resolve(),
              prompt: () => (w.__prompts++, Promise.reject(new DOMException('dismissed', 'AbortError'))),
              addEventListener: () => undefined,
            };
          },
        });
      });
      const page = await stack.newPage(context);
      await page.goto(stack.appUrl);
      await subscribe(page, `${stack.fixtures.origin}/feeds/${LISTEN_SHOW.file}`, LISTEN_SHOW.title);
      await openShow(page, LISTEN_SHOW.title);
      await page.getByRole('button', { name: `Play ${LISTEN_SHOW.longTitle}` }).click();
      await page.getByRole('button', { name: 'Open player' }).click();
      const cast = page.getByRole('dialog').getByRole('button', { name: 'Cast' });
      await cast.click();
      await expect.poll(() => page.evaluate(() => (window as unknown as { __prompts: number }).__prompts)).toBe(1);
      // Dismissing the picker is not an error: two frames later (the app has handled the refusal and rendered), no alert.
      await renderedFrames(page);
      expect(await page.getByRole('dialog').getByRole('alert').count()).toBe(0);
    } finally {
      await stack.close();
    }
  });
});
