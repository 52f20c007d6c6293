import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { startStack, type Stack } from './harness';
import { LONG_SHOW, nav, openLibrary, subscribe } from './everyday-helpers';

/** Issue 17 point 3: exact and whole-word matches first; fuzzy ones only when few, marked similar. */
describe('search relevance', () => {
  let stack: Stack;
  let page: Page;
  beforeAll(async () => {
    stack = await startStack();
    page = await stack.newPage(await stack.newContext());
    await openLibrary(stack, page);
    await subscribe(stack, page, 'long-names.xml', LONG_SHOW);
  });
  afterAll(async () => {
    await stack?.close();
  });

  const results = () => page.getByRole('list', { name: 'Matching episodes' }).getByRole('article');

  test('"ZaReason" lists the one episode that says it first; "reason" ones follow, marked similar', async () => {
    await nav(page, 'Search');
    await page.getByRole('searchbox', { name: 'Search episodes' }).fill('ZaReason');
    await page.getByRole('status').filter({ hasText: /^1 episode matches “ZaReason” · \d+ similar$/ }).waitFor();
    await expect(results().first().getAttribute('aria-label')).resolves.toBe('ZaReason laptops on the bench');
    await expect(results().first().getByText('Similar: not an exact match').count()).resolves.toBe(0);
    const rest = await results().count();
    expect(rest).toBeGreaterThan(1);
    for (let i = 1; i < rest; i++) await results().nth(i).getByText('Similar: not an exact match').waitFor();

    // A word with many real matches brings no similar ones, and the whole word comes first.
    await page.getByRole('searchbox', { name: 'Search episodes' }).fill('operations');
    await page.getByRole('status').filter({ hasText: /^\d+ episodes match “operations”$/ }).waitFor();
    await expect(page.getByText('Similar: not an exact match').count()).resolves.toBe(0);
    await page.getByRole('searchbox', { name: 'Search episodes' }).fill('reason');
    await page.getByRole('status').filter({ hasText: /^3 episodes match “reason”/ }).waitFor();
    await expect(results().first().getAttribute('aria-label')).resolves.toBe('The reason we automate');
  });
});
