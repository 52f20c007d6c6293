import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FeedError } from '../../../src/core/feed/errors';
import { parseFeed } from '../../../src/core/feed/index';
import { parseFeedOffThread } from '../../../src/workers/feed-bridge';
import { rss } from './helpers';
import { NodeWebWorker, started } from './node-web-worker';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures/feeds');
const bytesOf = (name: string): Uint8Array => new Uint8Array(readFileSync(path.join(fixtures, name)));

describe('parseFeedOffThread (real feed worker in a thread)', () => {
  const original = (globalThis as { Worker?: unknown }).Worker;
  beforeAll(() => {
    (globalThis as { Worker?: unknown }).Worker = NodeWebWorker;
  });
  afterAll(() => {
    for (const w of started) w.terminate();
    (globalThis as { Worker?: unknown }).Worker = original;
  });

  it('gives the same feed as parsing in-thread, and transfers the bytes', async () => {
    const bytes = bytesOf('podcast20.xml');
    const expected = parseFeed(bytesOf('podcast20.xml'), 'https://example.com/feed.xml');
    const result = await parseFeedOffThread(bytes, 'https://example.com/feed.xml');
    expect(result).toEqual(expected);
    expect(bytes.byteLength).toBe(0); // detached: handed to the worker, not copied
  }, 20_000);

  it('keeps the calling thread free while an 800-item feed is parsed', async () => {
    const notes = '<p>Notes &amp; links: <a href="https://example.com/x">x</a></p>'.repeat(30);
    let items = '';
    for (let i = 800; i > 0; i--) {
      items +=
        `<item><title>Episode ${i}</title><guid>g-${i}</guid><pubDate>Mon, 01 Mar 2021 10:00:00 GMT</pubDate>` +
        `<enclosure url="https://example.com/${i}.mp3" type="audio/mpeg" length="1"/><description><![CDATA[${notes}]]></description></item>`;
    }
    const xml = new TextEncoder().encode(rss(items));
    // Event-loop active time: what the page's main thread would spend, unlike wall time, which
    // other work on the machine inflates. Best of three, for the same reason.
    const busy = async (run: () => unknown): Promise<number> => {
      let best = Infinity;
      for (let k = 0; k < 3; k++) {
        const before = performance.eventLoopUtilization();
        await run();
        best = Math.min(best, performance.eventLoopUtilization(before).active);
      }
      return best;
    };
    const inThread = await busy(() => parseFeed(xml.slice()));
    const offThread = await busy(async () => expect((await parseFeedOffThread(xml.slice())).episodes).toHaveLength(800));
    // Parsing on this thread would cost about as much as inThread again; what is left off-thread is
    // receiving the result (a structured clone, ~a quarter of a parse here). Half keeps a clear margin
    // on both sides on a loaded machine.
    expect(offThread).toBeLessThan(inThread / 2);
  }, 30_000);

  it('runs requests one at a time in a single worker and keeps their order', async () => {
    const before = started.length;
    const known = new Set(parseFeed(bytesOf('podcast20.xml')).episodes.map((e) => e.fingerprint));
    const results = await Promise.all([
      parseFeedOffThread(bytesOf('podcast20.xml')),
      parseFeedOffThread(bytesOf('podcast20.xml'), undefined, { known }),
      parseFeedOffThread('<rss><channel><title>Text input</title></channel></rss>'),
    ]);
    expect(results.map((r) => r.episodes.length)).toEqual([2, 0, 0]);
    expect(results[1]?.unchanged).toHaveLength(2);
    expect(results[2]?.title).toBe('Text input');
    expect(started.length - before).toBeLessThanOrEqual(1);
  }, 20_000);

  it('rejects with a FeedError carrying the kind and message', async () => {
    const err = await parseFeedOffThread('<!DOCTYPE html><html><body>Not found</body></html>').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FeedError);
    expect((err as FeedError).kind).toBe('html-page');
    expect((err as FeedError).message).toBe('This address returned a web page, not a podcast feed');
  }, 20_000);

  it('terminates the worker after it has been idle, and starts a new one on demand', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      await parseFeedOffThread('<rss><channel><title>A</title></channel></rss>');
      const worker = started[started.length - 1];
      expect(worker.terminated).toBe(false);
      vi.advanceTimersByTime(31_000);
      expect(worker.terminated).toBe(true);
    } finally {
      vi.useRealTimers();
    }
    const again = await parseFeedOffThread('<rss><channel><title>B</title></channel></rss>');
    expect(again.title).toBe('B');
    expect(started[started.length - 1].terminated).toBe(false);
  }, 20_000);
});
