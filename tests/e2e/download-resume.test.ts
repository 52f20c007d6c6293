/**
 * A 20 MiB episode whose host cuts the first connection after 6 MiB: the download must resume from
 * what is stored, in the Background Fetch path (ranged segments) as in the page, fetching no byte
 * before the cut twice, and store a file that hashes the same as the source.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SeenRequest } from '../fixtures/fixture-server';
import { startStack, type Stack } from './harness';
import { bigHash, download, downloaded, hideBackgroundFetch, idOf, servedHash, stored, subscribeAndOpenShow } from './download-helpers';

const FEED = 'flaky-network-show.xml';
const SHOW = 'Flaky Network Show';
const CUT = 6 * 1024 * 1024;

/** [first, last] byte of what a logged request asked for (a request without Range asks for all). */
function asked(request: SeenRequest, size: number): [number, number] {
  const m = /^bytes=(\d+)-(\d*)$/.exec(String(request.headers.range ?? ''));
  if (!m) return [0, size - 1];
  return [Number(m[1]), m[2] ? Math.min(Number(m[2]), size - 1) : size - 1];
}

describe('a download cut part-way resumes from the stored bytes', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });

  test('Background Fetch: ranged segments, the cut one finished, no byte before the cut fetched twice', async () => {
    const size = 20 * 1024 * 1024;
    const path = `/o/drop=${CUT}/big/${size}.mp3`;
    const context = await stack.newContext();
    const page = await stack.newPage(context);
    await subscribeAndOpenShow(stack, page, FEED, SHOW);
    expect(await page.evaluate(() => 'BackgroundFetchManager' in window)).toBe(true);
    await download(page, 'Cut at six megabytes');
    await downloaded(page, 'Cut at six megabytes', 60_000);

    const id = idOf(stack, 'flaky-20mb', FEED);
    console.log('SWDEBUG', JSON.stringify(await context.serviceWorkers()[0]!.evaluate(() => (self as unknown as { __dbg: unknown }).__dbg)));
    expect(await stored(page, id)).toMatchObject({ record: { status: 'complete', bytes: size, total: size }, chunkBytes: size });
    expect(await servedHash(page, id)).toMatchObject({ status: 200, hash: bigHash(size), length: size });

    const gets = stack.fixtures.log.filter((r) => r.url === path && r.method === 'GET');
    // The first request was the one cut; it asked for a segment, not the whole file.
    expect(gets[0]).toMatchObject({ aborted: true });
    const [, firstLast] = asked(gets[0]!, size);
    expect(firstLast).toBeLessThan(size - 1);
    for (const later of gets.slice(1)) {
      const [from] = asked(later, size);
      expect(from, `a request after the cut asked again for bytes from ${from}: ${JSON.stringify(gets.map((g) => g.headers.range))}`).toBeGreaterThanOrEqual(CUT);
    }
    // Every ranged request carried a validator, so a changed file could not be stitched together.
    for (const g of gets) if (g.headers.range) expect(g.headers['if-range']).toBeTruthy();
  });

  test('in the page (no Background Fetch): Range from the stored byte, validator checked, hash intact', async () => {
    const size = 20 * 1024 * 1024 - 1;
    const path = `/o/cors,drop=${CUT},noetag/big/${size}.mp3`;
    const context = await stack.newContext();
    await hideBackgroundFetch(context);
    const page = await stack.newPage(context);
    await subscribeAndOpenShow(stack, page, FEED, SHOW);
    await download(page, 'Cut in the page');
    await downloaded(page, 'Cut in the page', 60_000);

    const id = idOf(stack, 'flaky-20mb-page', FEED);
    expect(await servedHash(page, id)).toMatchObject({ status: 200, hash: bigHash(size), length: size });
    const gets = stack.fixtures.log.filter((r) => r.url === path && r.method === 'GET');
    expect(gets[0]).toMatchObject({ aborted: true });
    expect(gets.length).toBeGreaterThan(1);
    for (const later of gets.slice(1)) expect(asked(later, size)[0]).toBeGreaterThanOrEqual(CUT);
    // Direct to a CORS host: If-Range would force a preflight, so the downloader checks Last-Modified itself.
    expect(gets.at(-1)!.headers['if-range']).toBeUndefined();
  });
});
