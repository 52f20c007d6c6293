import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { db } from '../../../src/db/open';
import { putStoredTranscript } from '../../../src/db/transcripts';
import { putStoredChapters } from '../../../src/db/chapters';
import type { StoredChapters, StoredTranscript } from '../../../src/db/episode-extras';
import type { CombinedQuery } from '../../../src/state/search-all';
import type { Episode } from '../../../src/core/types';
import { episode, podcast } from '../library/fixtures';
import { NodeWebWorker, started } from '../feed/node-web-worker';

/**
 * The state modules as one page load holds them. `freshModules()` is a reload: new module state (and a
 * new worker for each index) over the same database.
 */
let m: {
  searchEverything: typeof import('../../../src/state/search-all').searchEverything;
  indexStoredExtras: typeof import('../../../src/state/episode-extras').indexStoredExtras;
  removeEpisodeExtras: typeof import('../../../src/state/episode-extras').removeEpisodeExtras;
  ensureSearchIndex: typeof import('../../../src/state/search').ensureSearchIndex;
  reconcileNow: typeof import('../../../src/state/search').reconcileNow;
};
async function freshModules(): Promise<void> {
  vi.resetModules();
  const [all, extras, search] = await Promise.all([import('../../../src/state/search-all'), import('../../../src/state/episode-extras'), import('../../../src/state/search')]);
  m = {
    searchEverything: all.searchEverything,
    indexStoredExtras: extras.indexStoredExtras,
    removeEpisodeExtras: extras.removeEpisodeExtras,
    ensureSearchIndex: search.ensureSearchIndex,
    reconcileNow: search.reconcileNow,
  };
}

const SHOW = podcast('https://lab.example/feed', { title: 'Lab Notes' });
const OTHER = podcast('https://night.example/feed', { title: 'Night Shift', order: 1 });

const titled = episode(SHOW.id, 1, { title: 'Zeppelin season', notesText: 'All about airships.', fingerprint: 't1' });
const spoken = episode(SHOW.id, 2, { title: 'Gardens', notesText: 'Nothing here.', fingerprint: 't2' });
const both = episode(OTHER.id, 3, { title: 'The zeppelin hour', notesText: 'Night talk.', played: 1, fingerprint: 't3' });

function transcript(e: Episode, lines: Array<[number, string, string | null]>): StoredTranscript {
  return {
    episodeId: e.id,
    podcastId: e.podcastId,
    url: `https://t.example/${e.guid}.vtt`,
    format: 'vtt',
    error: null,
    fetchedAt: 1,
    doc: { kind: 'cues', cues: lines.map(([start, text, speaker]) => ({ start, end: start + 4, speaker, text })) },
  };
}

const q = (text: string, over: Partial<CombinedQuery> = {}): CombinedQuery => ({ text, podcastId: null, played: null, downloadedOnly: false, inTranscript: false, limit: 50, ...over });

describe('searching what was said, with the episode index, through the real workers', () => {
  const original = (globalThis as { Worker?: unknown }).Worker;
  beforeAll(async () => {
    (globalThis as { Worker?: unknown }).Worker = NodeWebWorker;
    await freshModules();
    const tx = (await db()).transaction(['podcasts', 'episodes'], 'readwrite');
    await tx.objectStore('podcasts').put(SHOW);
    await tx.objectStore('podcasts').put(OTHER);
    for (const e of [titled, spoken, both]) await tx.objectStore('episodes').put(e);
    await tx.done;
    const t2 = transcript(spoken, [
      [0, 'Welcome back.', 'Ada'],
      [15, 'The periwinkle zeppelin flies at dawn.', 'Zoe'],
    ]);
    const t3 = transcript(both, [[42, 'A zeppelin over the lighthouse.', null]]);
    const chapters: StoredChapters = {
      episodeId: spoken.id,
      podcastId: spoken.podcastId,
      url: 'https://c.example/c.json',
      fetchedAt: 1,
      error: null,
      images: {},
      chapters: [{ startTime: 60, endTime: null, title: 'Periwinkle gardens', img: null, url: null, hidden: false }],
    };
    await putStoredTranscript(t2);
    await putStoredTranscript(t3);
    await putStoredChapters(chapters);
    await m.indexStoredExtras(spoken, t2, chapters);
    await m.indexStoredExtras(both, t3, null);
    // The episode index answers at once from what it has; wait for it to take these episodes in.
    await m.ensureSearchIndex();
    await m.reconcileNow();
  });
  afterAll(() => {
    for (const w of started) w.terminate();
    (globalThis as { Worker?: unknown }).Worker = original;
  });

  test('one list grouped by episode: found by title and transcript first, then either; moments carry time, line and speaker', async () => {
    const answer = await m.searchEverything(q('zeppelin'));
    const ids = answer.results.map((r) => r.episode.id);
    expect(ids[0]).toBe(both.id);
    expect(new Set(ids)).toEqual(new Set([both.id, titled.id, spoken.id]));
    const fromSpoken = answer.results.find((r) => r.episode.id === spoken.id)!;
    expect(fromSpoken.metaHit).toBe(false);
    expect(fromSpoken.showTitle).toBe('Lab Notes');
    expect(fromSpoken.transcript!.moments).toEqual([{ start: 15, chapter: false, speaker: 'Zoe', text: 'The periwinkle zeppelin flies at dawn.' }]);
    expect(answer.results.find((r) => r.episode.id === titled.id)!.transcript).toBeNull();
  });

  test('"in transcript" keeps only what was said; chapter titles count, listed first', async () => {
    const answer = await m.searchEverything(q('zeppelin', { inTranscript: true }));
    expect(answer.results.map((r) => r.episode.id).sort()).toEqual([both.id, spoken.id].sort());
    const periwinkle = await m.searchEverything(q('periwinkle'));
    expect(periwinkle.results[0].transcript!.moments.map((m) => [m.chapter, m.start, m.text])).toEqual([
      [true, 60, 'Periwinkle gardens'],
      [false, 15, 'The periwinkle zeppelin flies at dawn.'],
    ]);
  });

  test('show and played filters apply to transcript hits too', async () => {
    expect((await m.searchEverything(q('zeppelin', { inTranscript: true, played: 'unplayed' }))).results.map((r) => r.episode.id)).toEqual([spoken.id]);
    expect((await m.searchEverything(q('zeppelin', { inTranscript: true, podcastId: OTHER.id }))).results.map((r) => r.episode.id)).toEqual([both.id]);
  });

  test('the index survives a new worker (loaded from IndexedDB, not rebuilt) and forgets removed episodes', async () => {
    await freshModules();
    expect((await m.searchEverything(q('lighthouse', { inTranscript: true }))).results.map((r) => r.episode.id)).toEqual([both.id]);
    await m.removeEpisodeExtras(both.id);
    expect((await m.searchEverything(q('lighthouse', { inTranscript: true }))).results).toEqual([]);
    await freshModules();
    expect((await m.searchEverything(q('lighthouse', { inTranscript: true }))).results).toEqual([]);
    expect((await m.searchEverything(q('periwinkle', { inTranscript: true }))).results).toHaveLength(1);
  });
});
