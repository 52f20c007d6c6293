import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { apiFailure, checkConsole, FIRST_RUN_REFUSALS, startStack, type Stack } from './harness';
import { LONG_SHOW, nav, openLibrary, seededPage, subscribe } from './everyday-helpers';

/** Issue 17 point 3: exact and whole-word matches first; fuzzy ones only when few, marked similar. */
describe('search relevance', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });
  checkConsole(() => stack, FIRST_RUN_REFUSALS);

  test('"ZaReason" lists the one episode that says it first; "reason" ones follow, marked similar', async () => {
    const page = await seededPage(stack, [['long-names.xml', LONG_SHOW]]);
    const results = () => page.getByRole('list', { name: 'Matching episodes' }).getByRole('article');
    await nav(page, 'Search');
    await page.getByRole('searchbox', { name: 'Search episodes' }).fill('ZaReason');
    await page
      .getByRole('status')
      .filter({ hasText: /^1 episode matches “ZaReason” · \d+ similar$/ })
      .waitFor();
    await expect(results().first().getAttribute('aria-label')).resolves.toBe('ZaReason laptops on the bench');
    await expect(results().first().getByText('Similar: not an exact match').count()).resolves.toBe(0);
    const rest = await results().count();
    expect(rest).toBeGreaterThan(1);
    for (let i = 1; i < rest; i++) await results().nth(i).getByText('Similar: not an exact match').waitFor();

    // A word with many real matches brings no similar ones, and the whole word comes first.
    await page.getByRole('searchbox', { name: 'Search episodes' }).fill('operations');
    await page
      .getByRole('status')
      .filter({ hasText: /^\d+ episodes match “operations”$/ })
      .waitFor();
    await expect(page.getByText('Similar: not an exact match').count()).resolves.toBe(0);
    await page.getByRole('searchbox', { name: 'Search episodes' }).fill('reason');
    await page
      .getByRole('status')
      .filter({ hasText: /^3 episodes match “reason”/ })
      .waitFor();
    await expect(results().first().getAttribute('aria-label')).resolves.toBe('The reason we automate');
  });
});

/** Issue 17 points 7 and 8: one Add box for addresses and words; a visible confirmation; a chosen Library order. */
describe('the Add box', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });
  checkConsole(() => stack, FIRST_RUN_REFUSALS);

  const dialog = (page: Page) => page.getByRole('dialog', { name: 'Add podcast' });
  const box = (page: Page) => dialog(page).getByRole('textbox', { name: 'Feed URL, web page or show name' });

  test('words find a show in the directory, subscribed in one tap; the toast opens it', async () => {
    const page = await stack.newPage(await stack.newContext());
    await openLibrary(stack, page);
    await page.getByRole('button', { name: 'Add podcast' }).first().click();
    await box(page).fill('fixture network');
    await dialog(page).getByRole('button', { name: 'Search', exact: true }).click();
    const found = dialog(page).getByRole('list', { name: 'Podcasts found for fixture network' });
    await found.getByRole('button', { name: 'Subscribe to Fixture Network Show', exact: true }).click();
    await dialog(page).waitFor({ state: 'hidden' });
    const toast = page.locator('.toast');
    await toast.getByText('Subscribed to Fixture Network Show.').waitFor();
    await toast.getByRole('button', { name: 'Open', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Fixture Network Show' }).waitFor();
  });

  test('an address without https:// works (https tried, then http); a bad one reads as a sentence with details folded', async () => {
    // https:// is tried first (the fixture host speaks only http), and the missing feed's 404 comes back as 502.
    stack.expectConsoleErrors(
      apiFailure('feed\\?url=https%3A%2F%2F127\\.0\\.0\\.1%3A\\d+%2Ffeeds%2Flong-names\\.xml&', 502),
      apiFailure('feed\\?url=https?%3A%2F%2F127\\.0\\.0\\.1%3A\\d+%2Fo%2Fstatus%3D404%2Ffeeds%2Fmissing\\.xml&', 502),
    );
    const page = await stack.newPage(await stack.newContext());
    await openLibrary(stack, page);
    await page.getByRole('button', { name: 'Add podcast' }).first().click();
    const host = stack.fixtures.origin.replace(/^http:\/\//, '');
    await box(page).fill(`${host}/feeds/long-names.xml`);
    await dialog(page).getByRole('button', { name: 'Subscribe', exact: true }).click();
    await dialog(page).waitFor({ state: 'hidden' });
    await page.locator('.toast').getByText(`Subscribed to ${LONG_SHOW}.`).waitFor();

    await page.getByRole('button', { name: 'Add podcast' }).first().click();
    await box(page).fill(`${host}/o/status=404/feeds/missing.xml`);
    await dialog(page).getByRole('button', { name: 'Subscribe', exact: true }).click();
    const alert = dialog(page).getByRole('alert');
    await alert.getByText('The show’s feed isn’t at that address any more.').waitFor();
    const details = alert.locator('details');
    await expect(details.evaluate((d: HTMLDetailsElement) => d.open)).resolves.toBe(false);
    await expect(details.textContent()).resolves.toMatch(/404/);
    await page.keyboard.press('Escape');
  });

  test('the Library puts the newest show first, and its order can be chosen and is kept', async () => {
    const page = await stack.newPage(await stack.newContext());
    await openLibrary(stack, page);
    await subscribe(stack, page, 'quokka-tales.xml', 'Quokka');
    await subscribe(stack, page, 'network-show.xml', 'Fixture Network Show');
    const titles = () => page.getByRole('list', { name: 'Shows' }).locator('.show-card-title').allTextContents();
    await expect.poll(async () => (await titles())[0]).toBe('Fixture Network Show');
    await page.getByRole('combobox', { name: 'Sort shows' }).selectOption('title');
    await expect.poll(async () => (await titles())[0]).toBe('Fixture Network Show');
    await page.getByRole('combobox', { name: 'Sort shows' }).selectOption('order');
    await expect.poll(async () => (await titles())[0]).toMatch(/Quokka/);
    await page.reload();
    await expect.poll(async () => (await titles())[0]).toMatch(/Quokka/);
  });
});
