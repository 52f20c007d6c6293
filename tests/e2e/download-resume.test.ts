/**
 * A 20 MiB episode whose connection fails part-way: the download resumes from what is stored, in
 * the Background Fetch path (ranged segments) as in the page, and stores a file that hashes the
 * same as the source. Measured in Chromium: a Background Fetch record cut part-way has no body, so
 * that path may fetch again at most the one segment the cut fell in; the page path not one byte.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SeenRequest } from '../fixtures/fixture-server';
import { SEGMENT_BYTES } from '../../src/core/download-segments';
import { fixtureFailure, noCors, checkConsole, FIRST_RUN_REFUSALS, startStack, type Stack } from './harness';
import { bigHash, download, downloaded, hideBackgroundFetch, idOf, servedHash, stored, subscribeAndOpenShow } from './download-helpers';

const FEED = 'flaky-connection-show.xml';
const SHOW = 'Flaky Connection Show';

/** [first, last] byte of what a logged request asked for (a request without Range asks for all). */
function asked(request: SeenRequest, size: number): [number, number] {
  const m = /^bytes=(\d+)-(\d*)$/.exec(request.headers.range ?? '');
  if (!m) return [0, size - 1];
  return [Number(m[1]), m[2] ? Math.min(Number(m[2]), size - 1) : size - 1];
}

/** How many bytes before `cut` were asked for more than once. */
function refetchedBefore(requests: SeenRequest[], size: number, cut: number): number {
  const seen = new Map<number, number>();
  let twice = 0;
  for (const r of requests) {
    const [from, to] = asked(r, size);
    // Counted per 64 KiB block: exact enough, and cheap for 20 MiB.
    for (let block = Math.floor(from / 65536); block * 65536 <= Math.min(to, cut - 1); block++) {
      const n = (seen.get(block) ?? 0) + 1;
      seen.set(block, n);
      if (n === 2) twice += Math.min(65536, cut - block * 65536);
    }
  }
  return twice;
}

describe('a download whose connection fails part-way resumes from the stored bytes', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });
  checkConsole(() => stack, FIRST_RUN_REFUSALS);

  test('Background Fetch: ranged segments with If-Range; only the segment the cut fell in is fetched again', async () => {
    stack.expectConsoleErrors(...noCors('/o/cutat=7000000/big/20971520.mp3'));
    const size = 20 * 1024 * 1024;
    const cut = 7_000_000;
    const path = `/o/cutat=${cut}/big/${size}.mp3`;
    const context = await stack.newContext();
    const page = await stack.newPage(context);
    await subscribeAndOpenShow(stack, page, FEED, SHOW);
    expect(await page.evaluate(() => 'BackgroundFetchManager' in window)).toBe(true);
    await download(page, 'Cut at seven megabytes');
    await downloaded(page, 'Cut at seven megabytes', 60_000);

    const id = idOf(stack, 'flaky-20mb', FEED);
    expect(await stored(page, id)).toMatchObject({ record: { status: 'complete', bytes: size, total: size }, chunkBytes: size });
    expect(await servedHash(page, id)).toMatchObject({ status: 200, hash: bigHash(size), length: size });

    const gets = stack.fixtures.log.filter((r) => r.url === path && r.method === 'GET');
    const ranges = JSON.stringify(gets.map((g) => g.headers.range ?? 'all'));
    // Segments, each pinned to the file by If-Range, and one of them was cut.
    expect(gets.filter((g) => g.headers.range && g.headers['if-range']).length, ranges).toBeGreaterThanOrEqual(size / SEGMENT_BYTES);
    expect(
      gets.some((g) => g.aborted),
      ranges,
    ).toBe(true);
    const cutSegmentStart = Math.floor(cut / SEGMENT_BYTES) * SEGMENT_BYTES;
    expect(refetchedBefore(gets, size, cut), ranges).toBeLessThanOrEqual(cut - cutSegmentStart);
    // Nothing before the cut segment was asked for twice: the segments that arrived were kept.
    expect(refetchedBefore(gets, size, cutSegmentStart), ranges).toBe(0);
  });

  test('in the page (no Background Fetch): Range from the stored byte, not one byte before the cut again', async () => {
    // The host cuts the connection part-way (Content-Length not met): the cut under test.
    stack.expectConsoleErrors(fixtureFailure('/o/cors,drop=6291456,noetag/big/20971519.mp3', 'net::ERR_CONTENT_LENGTH_MISMATCH'));
    const size = 20 * 1024 * 1024 - 1;
    const cut = 6 * 1024 * 1024;
    const path = `/o/cors,drop=${cut},noetag/big/${size}.mp3`;
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
    expect(refetchedBefore(gets, size, cut)).toBe(0);
    // Direct to a CORS host: If-Range would force a preflight, so the downloader checks Last-Modified itself.
    expect(gets.at(-1)!.headers['if-range']).toBeUndefined();
  });
});
