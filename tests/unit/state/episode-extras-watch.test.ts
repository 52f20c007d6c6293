import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { DownloadRecord, Episode } from '../../../src/core/types';
import { freshDb, requestUrl, storedEpisode, storedPodcast, storeShow, TranscriptWorkerStandIn } from './helpers';

/**
 * Transcripts and chapters kept in step with downloads and settings. The downloads, online and
 * library signals are set by the test as the download manager and the browser would; the hosts
 * (direct for chapters, the proxy for transcripts) are a fetch stub; the stores are real and the
 * transcript worker is the in-thread stand-in, so "stored" and "searchable" are both checked.
 */
const bridge = vi.hoisted(() => ({ worker: null as null | { start: (onCrash?: () => void) => unknown } }));
vi.mock('../../../src/workers/transcript-bridge', () => ({ workerTranscriptBackend: (onCrash?: () => void) => bridge.worker!.start(onCrash) }));

const SHOW = 'https://feeds.example/show.xml';
const OTHER = 'https://feeds.example/other.xml';
const vtt = (words: string) => `WEBVTT\n\n00:00:05.000 --> 00:00:09.000\n${words}\n`;
const chaptersJson = (title: string) => JSON.stringify({ version: '1.2.0', chapters: [{ startTime: 0, title }] });

function withExtras(podcastId: string, guid: string, over: Partial<Episode> = {}): Episode {
  return {
    ...storedEpisode(podcastId, guid, 1),
    transcripts: [{ url: `https://t.example/${guid}.vtt`, type: 'text/vtt' }],
    chapters: `https://c.example/${guid}.json`,
    ...over,
  };
}
const A = withExtras(SHOW, 'a');
const B = withExtras(SHOW, 'b');
const PLAIN = storedEpisode(SHOW, 'plain', 3);
const C = withExtras(OTHER, 'c');

function record(episodeId: string, status: DownloadRecord['status']): DownloadRecord {
  return { episodeId, sourceUrl: '', finalUrl: null, status, bytes: 0, total: null, type: null, etag: null, lastModified: null, error: null, updatedAt: 0 };
}

/** What the hosts answer, by upstream URL; `down` makes every request fail as offline does. */
const hosts = new Map<string, string>();
let fetched: string[];
let down = false;

async function load() {
  bridge.worker = new TranscriptWorkerStandIn();
  vi.resetModules();
  await freshDb();
  await storeShow(storedPodcast(SHOW), [A, B, PLAIN]);
  await storeShow(storedPodcast(OTHER, 'Other', 1), [C]);
  return {
    watch: await import('../../../src/state/episode-extras-watch'),
    downloads: (await import('../../../src/state/downloads')).downloads,
    online: (await import('../../../src/state/online')).online,
    library: await import('../../../src/state/library'),
    settings: await import('../../../src/state/transcript-settings'),
    index: await import('../../../src/state/transcript-index'),
    transcripts: await import('../../../src/db/transcripts'),
    chapters: await import('../../../src/db/chapters'),
    episodes: await import('../../../src/db/episodes'),
  };
}
let s: Awaited<ReturnType<typeof load>>;

beforeEach(async () => {
  fetched = [];
  down = false;
  hosts.clear();
  for (const e of [A, B, C]) {
    hosts.set(e.transcripts[0].url, vtt(`Episode ${e.guid} talks about zeppelins.`));
    hosts.set(e.chapters!, chaptersJson(`Chapter of ${e.guid}`));
  }
  vi.stubGlobal('fetch', async (input: string | URL | Request) => {
    const url = new URL(requestUrl(input), 'https://app.example/');
    const upstream = url.pathname === '/api/feed' ? (url.searchParams.get('url') ?? '') : url.href;
    fetched.push(upstream);
    if (down) throw new TypeError('fetch failed');
    const body = hosts.get(upstream);
    if (body === undefined) return new Response('gone', { status: 404 });
    const type = upstream.endsWith('.vtt') ? 'text/vtt' : 'application/json';
    return new Response(body, { headers: { 'content-type': type, 'x-upstream-content-type': type } });
  });
  s = await load();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const stored = async (e: Episode) => ({
  transcript: (await s.transcripts.getStoredTranscript(e.id))?.doc?.kind ?? null,
  chapters: (await s.chapters.getStoredChapters(e.id))?.chapters.map((c) => c.title) ?? null,
});
const searchable = async (word: string) => (await s.index.searchTranscriptIndex(word, { podcastId: null, onlyIds: null }, 10)).hits.map((h) => h.episodeId).sort();

/** Starts the watcher and waits until its first pass over the library is over. */
async function start(): Promise<void> {
  s.watch.startEpisodeExtras();
  await vi.waitFor(() => expect(s.settings.transcriptSettingsLoaded.value).toBe(true));
  await vi.waitFor(async () => expect(await s.index.indexedEpisodeIds()).toBeDefined());
}

describe('extras of downloaded episodes', () => {
  test('a finished download gets its transcript and chapters stored and searchable; a failed one gets nothing', async () => {
    await start();
    s.downloads.value = new Map([[A.id, record(A.id, 'downloading')]]);
    s.downloads.value = new Map([
      [A.id, record(A.id, 'complete')],
      [B.id, record(B.id, 'failed')],
    ]);
    await vi.waitFor(async () => expect(await stored(A)).toEqual({ transcript: 'cues', chapters: ['Chapter of a'] }));
    await vi.waitFor(async () => expect(await searchable('zeppelins')).toEqual([A.id]));
    expect(await searchable('chapter')).toEqual([A.id]);
    // One fetch at a time, in order: once C (finished later) is stored, B would have been fetched.
    s.downloads.value = new Map([...s.downloads.value, [C.id, record(C.id, 'complete')]]);
    await vi.waitFor(async () => expect((await stored(C)).transcript).toBe('cues'));
    expect(await stored(B)).toEqual({ transcript: null, chapters: null });
    expect(fetched.filter((u) => u.includes('/b.'))).toEqual([]);
  });

  test('downloads already stored at start are treated as just finished', async () => {
    s.downloads.value = new Map([[B.id, record(B.id, 'complete')]]);
    await start();
    await vi.waitFor(async () => expect(await stored(B)).toEqual({ transcript: 'cues', chapters: ['Chapter of b'] }));
  });

  test('removing the download removes its extras and takes it out of search', async () => {
    await start();
    s.downloads.value = new Map([[A.id, record(A.id, 'complete')]]);
    await vi.waitFor(async () => expect(await searchable('zeppelins')).toEqual([A.id]));
    s.downloads.value = new Map();
    await vi.waitFor(async () => expect(await stored(A)).toEqual({ transcript: null, chapters: null }));
    expect(await searchable('zeppelins')).toEqual([]);
  });

  test('with “keep transcripts” on, removing the download keeps them', async () => {
    await start();
    await s.settings.setKeepTranscripts(true);
    s.downloads.value = new Map([[A.id, record(A.id, 'complete')]]);
    await vi.waitFor(async () => expect(await searchable('zeppelins')).toEqual([A.id]));
    // The setting is read as the removal is seen; turning it off afterwards changes nothing.
    s.downloads.value = new Map();
    await s.settings.setKeepTranscripts(false);
    s.downloads.value = new Map([[C.id, record(C.id, 'complete')]]);
    await vi.waitFor(async () => expect(await searchable('zeppelins')).toEqual([A.id, C.id].sort()));
    s.downloads.value = new Map();
    await vi.waitFor(async () => expect(await searchable('zeppelins')).toEqual([A.id]));
    expect(await stored(A)).toEqual({ transcript: 'cues', chapters: ['Chapter of a'] });
  });

  test('a show chosen for transcripts keeps them when its download goes; other shows’ go', async () => {
    await start();
    await s.settings.setTranscriptShow(SHOW, true);
    s.downloads.value = new Map([
      [A.id, record(A.id, 'complete')],
      [C.id, record(C.id, 'complete')],
    ]);
    await vi.waitFor(async () => expect(await searchable('zeppelins')).toEqual([A.id, B.id, C.id].sort()));
    // Removed together, A is looked at before C: once C's are gone, A's were kept on purpose.
    s.downloads.value = new Map();
    await vi.waitFor(async () => expect(await stored(C)).toEqual({ transcript: null, chapters: null }));
    expect(await stored(A)).toEqual({ transcript: 'cues', chapters: ['Chapter of a'] });
    expect(await searchable('zeppelins')).toEqual([A.id, B.id].sort());
  });

  test('a failed download that goes away removes nothing', async () => {
    await start();
    await s.settings.setTranscriptShow(OTHER, true);
    await vi.waitFor(async () => expect((await stored(C)).transcript).toBe('cues'));
    await s.settings.setTranscriptShow(OTHER, false);
    s.downloads.value = new Map([
      [C.id, record(C.id, 'failed')],
      [B.id, record(B.id, 'complete')],
    ]);
    await vi.waitFor(async () => expect((await stored(B)).transcript).toBe('cues'));
    // Removed together, C would be looked at before B: once B's are gone, C's were left alone.
    s.downloads.value = new Map();
    await vi.waitFor(async () => expect(await stored(B)).toEqual({ transcript: null, chapters: null }));
    expect(await stored(C)).toEqual({ transcript: 'cues', chapters: ['Chapter of c'] });
  });
});

describe('offline and chosen shows', () => {
  test('offline, nothing is fetched; back online, what finished meanwhile is fetched', async () => {
    await start();
    await s.settings.setTranscriptShow(OTHER, true);
    await vi.waitFor(async () => expect((await stored(C)).transcript).toBe('cues'));
    s.online.value = false;
    down = true;
    // A new episode of the chosen show arrives while another leaves the library; the same pass
    // that queues the new one then tidies away the old one's extras, which is the sign it ran.
    const D = withExtras(OTHER, 'd');
    hosts.set(D.transcripts[0].url, vtt('Offline zeppelins.'));
    await storeShow(storedPodcast(OTHER, 'Other', 1), [D]);
    const { db } = await import('../../../src/db/open');
    await (await db()).delete('episodes', C.id);
    s.library.libraryVersion.value++;
    await vi.waitFor(async () => expect(await stored(C)).toEqual({ transcript: null, chapters: null }));
    expect(fetched.filter((u) => u.includes('/d.'))).toEqual([]);

    down = false;
    s.online.value = true;
    await vi.waitFor(async () => expect(await searchable('zeppelins')).toEqual([D.id]));
    expect(fetched.filter((u) => u.includes('/d.'))).toEqual([D.chapters, D.transcripts[0].url]);
  });

  test('a fetch that cannot reach the network is tried again when the network comes back, not stored as an error', async () => {
    await start();
    down = true;
    s.downloads.value = new Map([[A.id, record(A.id, 'complete')]]);
    await vi.waitFor(() => expect(fetched.length).toBeGreaterThan(0));
    down = false;
    // Had the failure been stored as the host's error, nothing would be fetched again.
    await vi.waitFor(async () => {
      s.online.value = false;
      s.online.value = true;
      expect(await stored(A)).toEqual({ transcript: 'cues', chapters: ['Chapter of a'] });
    });
  });

  test('a show chosen for transcripts gets every episode’s extras, downloaded or not, and new episodes as they arrive', async () => {
    await start();
    await s.settings.setTranscriptShow(SHOW, true);
    await vi.waitFor(async () => expect(await searchable('zeppelins')).toEqual([A.id, B.id].sort()));
    expect(await stored(C)).toEqual({ transcript: null, chapters: null });

    const D = withExtras(SHOW, 'd');
    hosts.set(D.transcripts[0].url, vtt('A new one about zeppelins.'));
    await storeShow(storedPodcast(SHOW), [D]);
    s.library.libraryVersion.value++;
    await vi.waitFor(async () => expect(await searchable('zeppelins')).toEqual([A.id, B.id, D.id].sort()));
    // Each was fetched once.
    expect(fetched.filter((u) => u === A.transcripts[0].url)).toHaveLength(1);
  });

  test('extras whose episode left the library are removed on the next library change', async () => {
    await start();
    await s.settings.setTranscriptShow(OTHER, true);
    await vi.waitFor(async () => expect(await searchable('zeppelins')).toEqual([C.id]));
    const { db } = await import('../../../src/db/open');
    await (await db()).delete('episodes', C.id);
    s.library.libraryVersion.value++;
    await vi.waitFor(async () => expect(await stored(C)).toEqual({ transcript: null, chapters: null }));
    expect(await searchable('zeppelins')).toEqual([]);
  });

  test('stored extras missing from the search index are indexed at start, without fetching', async () => {
    await start();
    s.downloads.value = new Map([[A.id, record(A.id, 'complete')]]);
    await vi.waitFor(async () => expect(await searchable('zeppelins')).toEqual([A.id]));
    // The index store lost the segment (an older layout was dropped): a new session repairs it.
    const { deleteSegment } = await import('../../../src/db/transcript-index');
    await deleteSegment(A.id);
    const stillStored = await stored(A);
    bridge.worker = new TranscriptWorkerStandIn();
    vi.resetModules();
    s = {
      ...s,
      watch: await import('../../../src/state/episode-extras-watch'),
      index: await import('../../../src/state/transcript-index'),
      settings: await import('../../../src/state/transcript-settings'),
    };
    const before = fetched.length;
    await start();
    await vi.waitFor(async () => expect(await searchable('zeppelins')).toEqual([A.id]));
    expect(await stored(A)).toEqual(stillStored);
    expect(fetched).toHaveLength(before);
  });
});
