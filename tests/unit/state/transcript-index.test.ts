import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { SegmentInput } from '../../../src/core/transcript-index/segment';
import { freshDb, TranscriptWorkerStandIn } from './helpers';

/**
 * The transcript index as the page uses it: the worker is the in-thread stand-in (a real index
 * behind the worker's protocol), the segments store is real (fake-indexeddb). A "reload" is a
 * fresh copy of the modules over the same database, with a new, empty worker.
 */
const bridge = vi.hoisted(() => ({ worker: null as null | { start: (onCrash?: () => void) => unknown } }));
vi.mock('../../../src/workers/transcript-bridge', () => ({ workerTranscriptBackend: (onCrash?: () => void) => bridge.worker!.start(onCrash) }));

const SHOW = 'https://feeds.example/show.xml';
const OTHER = 'https://feeds.example/other.xml';
const ALL = { podcastId: null, onlyIds: null };

const airships: SegmentInput = {
  episodeId: `${SHOW}\u0000a`,
  podcastId: SHOW,
  published: 1,
  lines: [
    { start: 0, text: 'Welcome back to the show.' },
    { start: 42, text: 'The zeppelin crossed the channel at dawn.' },
  ],
  chapters: [{ start: 300, title: 'Lighthouses' }],
};
const gardens: SegmentInput = {
  episodeId: `${OTHER}\u0000b`,
  podcastId: OTHER,
  published: 2,
  lines: [{ start: 15, text: 'Periwinkle grows by the zeppelin hangar.' }],
  chapters: [],
};

let worker: TranscriptWorkerStandIn;
type Module = typeof import('../../../src/state/transcript-index');

async function reload(): Promise<Module> {
  worker = new TranscriptWorkerStandIn();
  bridge.worker = worker;
  vi.resetModules();
  return import('../../../src/state/transcript-index');
}
const storedIds = async () => (await import('../../../src/db/transcript-index')).listSegmentIds();
const found = async (m: Module, query: string, filters: { podcastId: string | null; onlyIds: string[] | null } = ALL) =>
  (await m.searchTranscriptIndex(query, filters, 10)).hits.map((h) => h.episodeId);

let m: Module;
beforeEach(async () => {
  vi.resetModules();
  await freshDb();
  m = await reload();
});
afterEach(() => {
  bridge.worker = null;
});

describe('transcript index', () => {
  test('indexed episodes are found by what was said and by chapter title, at the moment it was said', async () => {
    await m.indexEpisodeText(airships);
    await m.indexEpisodeText(gardens);
    expect(m.transcriptIndexSize.value).toBe(2);
    expect(await found(m, 'zeppelin')).toEqual(expect.arrayContaining([airships.episodeId, gardens.episodeId]));
    expect(await found(m, 'zeppelin', { podcastId: OTHER, onlyIds: null })).toEqual([gardens.episodeId]);
    const [hit] = (await m.searchTranscriptIndex('lighthouses', ALL, 10)).hits;
    expect(hit).toMatchObject({ episodeId: airships.episodeId, moments: [{ start: 300, chapter: true }] });
    expect((await m.searchTranscriptIndex('channel', ALL, 10)).hits[0].moments).toEqual([expect.objectContaining({ start: 42, chapter: false })]);
    expect(await found(m, 'submarine')).toEqual([]);
    expect(await m.indexedEpisodeIds()).toEqual(new Set([airships.episodeId, gardens.episodeId]));
  });

  test('after a reload the stored segments are handed to the new worker, not tokenized again', async () => {
    await m.indexEpisodeText(airships);
    await m.indexEpisodeText(gardens);
    m = await reload();
    expect(m.transcriptIndexSize.value).toBe(0);
    expect(await found(m, 'periwinkle')).toEqual([gardens.episodeId]);
    expect(worker.requests).toEqual(['load', 'search']);
    expect(m.transcriptIndexSize.value).toBe(2);
  });

  test('stored segments of an older layout are dropped, so the watcher indexes those episodes again', async () => {
    await m.indexEpisodeText(airships);
    const { db } = await import('../../../src/db/open');
    await (await db()).put('transcriptIndex', { version: 0, episodeId: gardens.episodeId, terms: ['periwinkle'] } as never);
    m = await reload();
    await m.ensureTranscriptIndex();
    expect(m.transcriptIndexSize.value).toBe(1);
    expect(await storedIds()).toEqual([airships.episodeId]);
    expect(await m.indexedEpisodeIds()).toEqual(new Set([airships.episodeId]));
  });

  test('dropped episodes are no longer found, in this session or the next', async () => {
    await m.indexEpisodeText(airships);
    await m.indexEpisodeText(gardens);
    await m.dropFromTranscriptIndex([airships.episodeId]);
    expect(m.transcriptIndexSize.value).toBe(1);
    expect(await found(m, 'zeppelin')).toEqual([gardens.episodeId]);
    expect(await storedIds()).toEqual([gardens.episodeId]);
    m = await reload();
    expect(await found(m, 'zeppelin')).toEqual([gardens.episodeId]);
  });

  test('dropping nothing does not start the worker', async () => {
    await m.dropFromTranscriptIndex([]);
    expect(worker.started).toBe(0);
  });

  test('the stored segments are loaded once, however many calls wait for them', async () => {
    await m.indexEpisodeText(airships);
    m = await reload();
    await Promise.all([m.ensureTranscriptIndex(), found(m, 'zeppelin'), m.indexedEpisodeIds()]);
    expect(worker.requests.filter((op) => op === 'load')).toEqual(['load']);
    expect(worker.started).toBe(1);
  });

  test('when the worker dies, the next search starts a new one and reloads the stored segments', async () => {
    await m.indexEpisodeText(airships);
    worker.crash();
    expect(await found(m, 'zeppelin')).toEqual([airships.episodeId]);
    expect(worker.started).toBe(2);
    expect(worker.requests.slice(-2)).toEqual(['load', 'search']);
  });

  test('a failed load is not remembered: the next call tries again', async () => {
    await m.indexEpisodeText(airships);
    m = await reload();
    worker.failNextLoad = true;
    await expect(m.ensureTranscriptIndex()).rejects.toThrow('boom');
    expect(await found(m, 'zeppelin')).toEqual([airships.episodeId]);
  });
});
