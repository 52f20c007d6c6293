/**
 * `npx tsx scripts/screenshots-transcripts.ts`: the transcript screens at 390x844, light and dark,
 * into docs/screenshots/: search hits in transcripts, the player's follow-along transcript, a
 * person's page, the Episode page's people and stored chapters, Settings → Transcripts, and a
 * shared link opened by someone without the show.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import setup from '../tests/e2e/global-setup';
import { startStack } from '../tests/e2e/harness';
import { episodeId, exact, LAB, openShow, row, startWithBothShows } from '../tests/e2e/transcript-helpers';

const out = path.resolve(import.meta.dirname, '..', 'docs', 'screenshots');
mkdirSync(out, { recursive: true });
const teardown = setup();
const stack = await startStack();

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(out, `${name}.png`) });
  console.log(`docs/screenshots/${name}.png`);
}

try {
  for (const scheme of ['light', 'dark'] as const) {
    const context = await stack.newContext({ colorScheme: scheme });
    const page = await stack.newPage(context);
    await startWithBothShows(stack, page);
    await openShow(page, LAB.title);
    await row(page, 'Gardens in the air').getByRole('button', exact('Download Gardens in the air')).click();
    await row(page, 'Gardens in the air').getByRole('button', exact('Remove download Gardens in the air')).waitFor({ timeout: 30_000 });
    const id = episodeId(stack, LAB.file, 'lab-1');
    await page
      .getByRole('button', { name: 'Dismiss storage notice' })
      .click()
      .catch(() => undefined);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', exact('Search')).click();
    await page.getByRole('searchbox', { name: 'Search episodes' }).fill('zeppelin');
    // Appears once the downloaded episode's transcript is stored and indexed.
    await page.getByText('In transcript').first().waitFor({ timeout: 30_000 });
    await shot(page, `transcripts-search-${scheme}`);
    await page.getByRole('searchbox', { name: 'Search episodes' }).fill('zoe');
    await page.getByRole('list', { name: 'Matching people' }).waitFor();
    await shot(page, `transcripts-search-people-${scheme}`);

    await page.getByRole('searchbox', { name: 'Search episodes' }).fill('periwinkle');
    await page.getByRole('button', { name: /^Play Gardens in the air from 0:15/ }).click();
    await page.getByRole('button', { name: 'Open player' }).click();
    await page.locator('.follow-cue[aria-current="true"]').waitFor();
    await page.locator('.follow-box').scrollIntoViewIfNeeded();
    await shot(page, `transcripts-player-${scheme}`);
    await page.getByRole('button', { name: 'Close player' }).click();
    await page.locator('audio').evaluate((a: HTMLAudioElement) => a.pause());

    await openShow(page, LAB.title);
    await row(page, 'Gardens in the air').getByRole('link', { name: 'Gardens in the air' }).click();
    await page.getByRole('heading', { level: 2, name: 'Chapters' }).scrollIntoViewIfNeeded();
    await shot(page, `transcripts-episode-${scheme}`);
    await page.getByRole('region', { name: 'People' }).getByRole('link', exact('Zoë Quartermaine')).click();
    await page.getByRole('heading', { level: 1, name: 'Zoë Quartermaine' }).waitFor();
    await shot(page, `transcripts-person-${scheme}`);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', exact('Settings')).click();
    await page.getByRole('heading', { name: 'Transcripts' }).scrollIntoViewIfNeeded();
    await shot(page, `transcripts-settings-${scheme}`);

    const fresh = await stack.newContext({ colorScheme: scheme });
    const other = await stack.newPage(fresh);
    await other.goto(`${stack.appUrl}/episode/${encodeURIComponent(id)}#t=15`);
    await other.getByRole('button', exact('Subscribe and open')).waitFor();
    await shot(other, `transcripts-shared-${scheme}`);
    await fresh.close();
    await context.close();
  }
} finally {
  await stack.close();
  teardown();
}
