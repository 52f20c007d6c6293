import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixtureFailure, apiFailure, noCors, checkConsole, FIRST_RUN_REFUSALS, startStack, navigateOffline, type Stack } from './harness';
import { audioTime, episodeId, exact, LAB, NIGHT, openShow, playingTimes, recordPlaying, recordShares, row, shares, startWithBothShows, storedTranscript, subscribeTo } from './transcript-helpers';

/** The transcript lab's chapters file is on a host without CORS headers (read through the proxy). */
const LAB_CHAPTERS = noCors('/files/lab-chapters.json');

/** Cue times of lab-1.vtt (scripts/make-transcript-audio.sh places the words there). */
const PERIWINKLE_AT = 15;

describe('transcripts online', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });
  checkConsole(() => stack, [...FIRST_RUN_REFUSALS, ...LAB_CHAPTERS]);

  test('a guest of both shows has one People page listing episodes of both, and search finds them by name', async () => {
    const page = await stack.newPage();
    await startWithBothShows(stack, page);
    await openShow(page, LAB.title);
    await row(page, 'Gardens in the air').getByRole('link', { name: 'Gardens in the air' }).click();
    const people = page.getByRole('region', { name: 'People' });
    await people.getByRole('link', exact('Zoë Quartermaine')).click();
    await page.getByRole('heading', { level: 1, name: 'Zoë Quartermaine' }).waitFor();
    const list = page.getByRole('list', { name: 'Episodes with Zoë Quartermaine' });
    await list.getByRole('article', exact('Lighthouses at midnight')).waitFor();
    await list.getByRole('article', exact('Gardens in the air')).waitFor();
    // Newest first: Night Shift's episode is a day newer.
    expect(await list.getByRole('article').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))).toEqual(['Lighthouses at midnight', 'Gardens in the air']);
    await page.getByText('2 episodes in 2 shows').waitFor();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', exact('Search')).click();
    await page.getByRole('searchbox', { name: 'Search episodes' }).fill('quarterm');
    await page
      .getByRole('list', { name: 'Matching people' })
      .getByRole('link', { name: /Zoë Quartermaine/ })
      .waitFor();
  });

  test('a 50 MB transcript gets a clear message on the Episode page and the episode still plays', async () => {
    stack.expectConsoleErrors(apiFailure('feed\\?url=http%3A%2F%2F127\\.0\\.0\\.1%3A\\d+%2Ftranscripts%2Fhuge\\.vtt$', 413));
    const context = await stack.newContext();
    const page = await stack.newPage(context);
    await startWithBothShows(stack, page);
    await openShow(page, LAB.title);
    await row(page, 'A broken transcript').getByRole('link', { name: 'A broken transcript' }).click();
    await page.getByText('Transcript', { exact: true }).click();
    await page.getByText('The transcript is larger than 5 MB, so it was not kept.').waitFor({ timeout: 20_000 });
    await page.getByRole('button', exact('Play A broken transcript')).click();
    await expect.poll(() => audioTime(page), { timeout: 15_000 }).toBeGreaterThan(0.3);
  });

  test('hostile transcripts: each gets its own clear message, and downloading the episode is not held up', async () => {
    stack.expectConsoleErrors(...noCors('/audio/episode-1.mp3'), apiFailure('feed\\?url=http%3A%2F%2F127\\.0\\.0\\.1%3A\\d+%2Ftranscripts%2Fpage\\.vtt$', 502));
    const cases: Array<[string, string, string]> = [
      ['huge-chunked.vtt', 'text/vtt', 'The transcript is larger than 5 MB, so it was not kept.'],
      ['page.vtt', 'text/vtt', 'The transcript link returned a web page, not a transcript.'],
      ['binary.vtt', 'text/vtt', 'The transcript link returned audio/mpeg, not a WebVTT transcript.'],
      ['mislabelled.vtt', 'text/vtt', 'The transcript link returned a web page, not a WebVTT transcript.'],
    ];
    const items = cases
      .map(
        ([file, type], i) => `<item><title>Hostile ${i}</title><guid>hostile-${i}</guid><pubDate>Mon, 0${i + 1} Dec 2025 10:00:00 GMT</pubDate>
        <enclosure url="${stack.fixtures.origin}/audio/episode-1.mp3" type="audio/mpeg" length="48274"/>
        <podcast:transcript url="${stack.fixtures.origin}/transcripts/${file}" type="${type}"/></item>`,
      )
      .join('');
    stack.fixtures.setFeed(
      'hostile.xml',
      `<?xml version="1.0"?><rss version="2.0" xmlns:podcast="https://podcastindex.org/namespace/1.0"><channel><title>Hostile Transcripts</title>${items}
      <item><title>Broken cues</title><guid>broken</guid><enclosure url="${stack.fixtures.origin}/audio/episode-2.mp3" type="audio/mpeg" length="40000"/>
      <podcast:transcript url="${stack.fixtures.origin}/transcripts/broken.vtt" type="text/vtt"/></item></channel></rss>`,
    );
    const page = await stack.newPage();
    await page.goto(stack.appUrl);
    await subscribeTo(stack, page, { file: 'hostile.xml', title: 'Hostile Transcripts' });
    await openShow(page, 'Hostile Transcripts');
    // Downloading stores the transcript's failure with the episode; the audio arrives all the same.
    await row(page, 'Hostile 0').getByRole('button', exact('Download Hostile 0')).click();
    await row(page, 'Hostile 0').getByRole('button', exact('Remove download Hostile 0')).waitFor({ timeout: 30_000 });
    const id = `${stack.fixtures.origin}/feeds/hostile.xml\u0000hostile-0`;
    await expect.poll(() => storedTranscript(page, id), { timeout: 30_000 }).toMatchObject({ cues: 0, error: cases[0][2] });
    for (const [i, [, , message]] of cases.entries()) {
      await openShow(page, 'Hostile Transcripts');
      await row(page, `Hostile ${i}`)
        .getByRole('link', { name: `Hostile ${i}` })
        .click();
      await page.getByText('Transcript', { exact: true }).click();
      await page.getByText(message).waitFor({ timeout: 40_000 });
    }
    await openShow(page, 'Hostile Transcripts');
    await row(page, 'Broken cues').getByRole('link', { name: 'Broken cues' }).click();
    await page.getByText('Transcript', { exact: true }).click();
    // Markup in a cue is shown as text, never run; the cue with a broken start is gone.
    await page.getByRole('button', { name: /^Play from 0:02: alert\(1\)Recovered line & more/ }).waitFor();
    expect(await page.locator('.transcript-body i, .transcript-body script').count()).toBe(0);
  });

  test('transcripts go with a removed download unless kept; a show chosen in Settings gets them without downloading', async () => {
    const page = await stack.newPage();
    await startWithBothShows(stack, page);
    const lab1 = episodeId(stack, LAB.file, 'lab-1');
    const lab2 = episodeId(stack, LAB.file, 'lab-2');
    const night1 = episodeId(stack, NIGHT.file, 'night-1');
    await openShow(page, LAB.title);
    const download = async () => {
      await row(page, 'Gardens in the air').getByRole('button', exact('Download Gardens in the air')).click();
      await row(page, 'Gardens in the air').getByRole('button', exact('Remove download Gardens in the air')).waitFor({ timeout: 30_000 });
      await expect.poll(() => storedTranscript(page, lab1), { timeout: 20_000 }).toMatchObject({ cues: 6, segment: true });
    };
    await download();
    await row(page, 'Gardens in the air').getByRole('button', exact('Remove download Gardens in the air')).click();
    await expect.poll(() => storedTranscript(page, lab1), { timeout: 10_000 }).toBeNull();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', exact('Settings')).click();
    await page.getByRole('checkbox', { name: 'Keep transcripts when a download is removed' }).check();
    await page.getByRole('group', { name: 'Fetch transcripts as soon as episodes appear' }).getByRole('checkbox', { name: NIGHT.title }).check();
    // Not downloaded, yet stored and searchable: the chosen show's transcript arrives on its own.
    await expect.poll(() => storedTranscript(page, night1), { timeout: 20_000 }).toMatchObject({ cues: 4, segment: true });
    expect(await storedTranscript(page, lab2)).toBeNull();

    await openShow(page, LAB.title);
    await download();
    await row(page, 'Gardens in the air').getByRole('button', exact('Remove download Gardens in the air')).click();
    await row(page, 'Gardens in the air').getByRole('button', exact('Download Gardens in the air')).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', exact('Search')).click();
    await page.getByRole('searchbox', { name: 'Search episodes' }).fill('periwinkle');
    await page.getByRole('article', exact('Gardens in the air')).getByText('In transcript').waitFor();
    expect(await storedTranscript(page, lab1)).toMatchObject({ cues: 6, segment: true });
    // The SRT of the chosen show, its speaker names read from "Name: words".
    await page.getByRole('searchbox', { name: 'Search episodes' }).fill('tangerine');
    await page.getByRole('button', { name: /^Play Lighthouses at midnight from 0:12: Lighthouses hum a tangerine melody/ }).waitFor();
    await page.getByText('— Zoe Quartermaine').waitFor();
  });

  test('a hit queued from its moment plays from there; the player copies a passage; without Web Share a quote goes to the clipboard', async () => {
    const context = await stack.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.appUrl });
    await recordPlaying(context);
    const page = await stack.newPage(context);
    await startWithBothShows(stack, page);
    await openShow(page, NIGHT.title);
    await row(page, 'Lighthouses at midnight').getByRole('button', exact('Download Lighthouses at midnight')).click();
    const id = episodeId(stack, NIGHT.file, 'night-1');
    await expect.poll(() => storedTranscript(page, id), { timeout: 30_000 }).toMatchObject({ cues: 4, segment: true });

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', exact('Search')).click();
    await page.getByRole('searchbox', { name: 'Search episodes' }).fill('tangerine');
    await page.getByRole('button', exact('Queue Lighthouses at midnight from 0:12')).click();
    await page.getByRole('button', exact('Share quote from 0:12 of Lighthouses at midnight')).click();
    await page.getByText('Quote and link copied.').waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('“Lighthouses hum a tangerine melody.” (Zoe Quartermaine) — Lighthouses at midnight, Night Shift Radio at 0:12');
    expect(copied).toContain(`/episode/${encodeURIComponent(id)}#t=12`);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', exact('Queue')).click();
    await page.getByRole('heading', { level: 1, name: 'Queue' }).waitFor();
    const queued = page.getByRole('listitem', { name: 'Lighthouses at midnight' }).first();
    // It starts at the moment, so 12 of its 24 seconds are left.
    await queued.getByText('12 s left').waitFor();
    await queued.getByRole('button', exact('Play')).click();
    await expect.poll(() => playingTimes(page), { timeout: 15_000 }).not.toEqual([]);
    const [first] = await playingTimes(page);
    expect(first).toBeGreaterThanOrEqual(11.95);
    expect(first).toBeLessThan(13);

    await page.getByRole('button', { name: 'Open player' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.locator('.follow-cue[aria-current="true"]').textContent(), { timeout: 10_000 }).toContain('tangerine');
    await dialog.getByRole('button', exact('Copy passage')).click();
    await dialog.getByText('Passage copied.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('Lighthouses hum a tangerine melody.');
    // Tapping a line seeks there.
    await dialog.getByRole('button', { name: /^Play from 0:00: This is Night Shift Radio/ }).click();
    await expect.poll(() => audioTime(page), { timeout: 10_000 }).toBeLessThan(3);
  });

  test('Share quote from a search hit; the link opens, for someone without the show, at that second after they agree to subscribe', async () => {
    const context = await stack.newContext();
    await recordShares(context);
    const page = await stack.newPage(context);
    await startWithBothShows(stack, page);
    await openShow(page, LAB.title);
    await row(page, 'Gardens in the air').getByRole('button', exact('Download Gardens in the air')).click();
    await row(page, 'Gardens in the air').getByRole('button', exact('Remove download Gardens in the air')).waitFor({ timeout: 30_000 });
    const id = episodeId(stack, LAB.file, 'lab-1');
    await expect.poll(() => storedTranscript(page, id), { timeout: 20_000 }).toMatchObject({ cues: 6, error: null, segment: true });

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', exact('Search')).click();
    await page.getByRole('searchbox', { name: 'Search episodes' }).fill('periwinkle');
    await page.getByRole('button', exact('Share quote from 0:15 of Gardens in the air')).click();
    await expect.poll(() => shares(page).then((s) => s.length)).toBe(1);
    const [shared] = await shares(page);
    expect(shared.text).toContain('“The periwinkle zeppelin flies when the tide turns.”');
    expect(shared.url).toBe(`${stack.appUrl}/episode/${encodeURIComponent(id)}#t=${PERIWINKLE_AT}`);

    const fresh = await stack.newContext();
    const other = await stack.newPage(fresh);
    await other.goto(shared.url!);
    await other.getByText("an episode from a show you don't follow yet").waitFor();
    await other.getByRole('button', exact('Subscribe and open')).click();
    await other.getByRole('heading', { level: 2, name: 'Gardens in the air' }).waitFor({ timeout: 20_000 });
    await expect.poll(() => audioTime(other), { timeout: 15_000 }).toBeGreaterThanOrEqual(PERIWINKLE_AT);
    expect(await audioTime(other)).toBeLessThan(PERIWINKLE_AT + 1);
    expect(await other.locator('audio').evaluate((a: HTMLAudioElement) => a.paused)).toBe(true);
  });
});

describe('transcripts offline', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });
  checkConsole(() => stack, [...FIRST_RUN_REFUSALS, ...LAB_CHAPTERS]);

  test('download one episode, servers stopped: a word said only in its transcript is found, and its hit plays from the cue', async () => {
    // The artwork, asked for once both servers are down.
    stack.expectConsoleErrors(fixtureFailure('/files/artwork.png', 'net::ERR_FAILED'));
    const context = await stack.newContext();
    await recordPlaying(context);
    const page = await stack.newPage(context);
    await startWithBothShows(stack, page);
    await openShow(page, LAB.title);
    await row(page, 'Gardens in the air').getByRole('button', exact('Download Gardens in the air')).click();
    await row(page, 'Gardens in the air').getByRole('button', exact('Remove download Gardens in the air')).waitFor({ timeout: 30_000 });
    const id = episodeId(stack, LAB.file, 'lab-1');
    await expect.poll(() => storedTranscript(page, id), { timeout: 20_000 }).toMatchObject({ cues: 6, error: null, segment: true });

    await context.setOffline(true);
    await stack.stopApp();
    await stack.fixtures.close();
    await navigateOffline(page, (p) => p.reload());
    await page.getByRole('status').filter({ hasText: "You're offline" }).waitFor();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', exact('Search')).click();
    await page.getByRole('searchbox', { name: 'Search episodes' }).fill('periwinkle');
    const result = page.getByRole('article', exact('Gardens in the air'));
    await result.getByText('In transcript').waitFor({ timeout: 15_000 });
    // The hit names the show, the time and the line, with the word marked.
    await result.getByText('Lab Notes').waitFor();
    expect(await result.locator('mark').allTextContents()).toContain('periwinkle');
    // Only that episode said it.
    expect(await page.getByRole('list', { name: 'Matching episodes' }).getByRole('article').count()).toBe(1);

    await result.getByRole('button', { name: /^Play Gardens in the air from 0:15: / }).click();
    await expect.poll(() => playingTimes(page), { timeout: 15_000 }).not.toEqual([]);
    const [first] = await playingTimes(page);
    expect(first).toBeGreaterThanOrEqual(PERIWINKLE_AT - 0.05);
    expect(first).toBeLessThan(PERIWINKLE_AT + 1);
    expect(await page.locator('audio').evaluate((a: HTMLAudioElement) => a.currentSrc)).toContain('/offline-audio/');
    await expect.poll(() => audioTime(page), { timeout: 10_000 }).toBeGreaterThan(PERIWINKLE_AT + 0.5);

    // The follow-along transcript in the player marks the line being said.
    await page.getByRole('button', { name: 'Open player' }).click();
    const current = page.getByRole('dialog').locator('.follow-cue[aria-current="true"]');
    await expect.poll(() => current.textContent(), { timeout: 10_000 }).toContain('periwinkle');
    await page.getByRole('button', { name: 'Close player' }).click();

    // The chapters were stored with the episode, their images too.
    await result.getByRole('link', { name: 'Gardens in the air' }).click();
    const chapters = page.getByRole('region', { name: 'Chapters' });
    await chapters.getByText('Gardens and airships').waitFor();
    const images = () => chapters.locator('img').evaluateAll((imgs) => imgs.map((i) => `${(i as HTMLImageElement).src.slice(0, 5)}${(i as HTMLImageElement).naturalWidth > 0 ? 'ok' : 'broken'}`));
    await expect.poll(images).toEqual(['blob:ok', 'blob:ok']);
  });
});
