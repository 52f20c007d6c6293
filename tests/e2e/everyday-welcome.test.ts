import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkConsole, FIRST_RUN_REFUSALS, startStack, type Stack } from './harness';
import { openLibrary } from './everyday-helpers';

/** Issue 17 point 11: the first run says what Hopcast is and what to do; errors read as sentences. */
describe('first-run welcome', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });
  checkConsole(() => stack, FIRST_RUN_REFUSALS);

  test('what Hopcast is, three things to do, human error sentences with details folded; Got it is remembered', async () => {
    const page = await stack.newPage(await stack.newContext());
    await openLibrary(stack, page);
    const welcome = page.getByRole('region', { name: 'Welcome to Hopcast' });
    await welcome.getByText(/Hopcast plays podcasts/).waitFor();
    await expect(welcome.getByRole('listitem').allTextContents()).resolves.toEqual([
      expect.stringMatching(/^Follow the network’s shows\./),
      expect.stringMatching(/^Add your own\./),
      expect.stringMatching(/^Install the app/),
    ]);
    await welcome.getByRole('button', { name: 'Add a podcast' }).click();
    await page.getByRole('dialog', { name: 'Add podcast' }).waitFor();
    await page.keyboard.press('Escape');

    // The sealed proxy refuses the real default feeds: said as a sentence, the proxy's words folded.
    const card = page.getByRole('list', { name: 'Shows' }).getByRole('listitem', { name: 'Heavy Networking' });
    const alert = card.getByRole('alert');
    await alert.getByText('This Hopcast server is set up to fetch only from certain sites, and this show isn’t on one of them.').waitFor();
    // The tile keeps to its two lines; its Details opens the full card, the proxy's words still folded there.
    await card.getByRole('button', { name: 'Details for Heavy Networking' }).click();
    await expect(alert.locator('details').evaluate((d: HTMLDetailsElement) => d.open)).resolves.toBe(false);
    await alert.getByText('Details').click();
    await alert.getByText(/only reaches its configured hosts/).waitFor();

    await welcome.getByRole('button', { name: 'Got it' }).click();
    await welcome.waitFor({ state: 'detached' });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
    await card.waitFor();
    await expect(welcome.count()).resolves.toBe(0);
  });
});
