import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { db } from '../../../src/db/open';
import { loadSearchIndex } from '../../../src/db/search-index';
import { inThreadBackend, type SearchBackend } from '../../../src/core/search/index';
import type { SearchQuery } from '../../../src/state/search';
import type { DownloadRecord, Episode } from '../../../src/core/types';
import { episode, podcast } from '../library/fixtures';
import { NodeWebWorker, started } from '../feed/node-web-worker';

const SHOW = podcast('https://a.example/feed', { title: 'Heavy Networking' });
const OTHER = podcast('https://b.example/feed', { title: 'Packet Protector', order: 1 });

function withNotes(e: Episode, notesText: string, fingerprint = `${e.fingerprint}-v2`): Episode {
  return { ...e, notesText, fingerprint };
}

async function put(...episodes: Episode[]) {
  const tx = (await db()).transaction(['podcasts', 'episodes'], 'readwrite');
  await tx.objectStore('podcasts').put(SHOW);
  await tx.objectStore('podcasts').put(OTHER);
  for (const e of episodes) await tx.objectStore('episodes').put(e);
  await tx.done;
}

type SearchState = typeof import('../../../src/state/search');
type DownloadsState = typeof import('../../../src/state/downloads');

/** The backend the next fresh module graph gets; null = the real worker backend. */
let nextBackend: SearchBackend | null = null;
vi.mock('../../../src/workers/search-bridge', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/workers/search-bridge')>();
  return { ...real, workerSearchBackend: (onDeath?: () => void) => nextBackend ?? real.workerSearchBackend(onDeath) };
});

let search: SearchState;
let downloads: DownloadsState['downloads'];
/**
 * A "reload": fresh module state (index, signatures, status) over the same database, with `backend`
 * in place of the worker when given. The app holds one module instance, so tests start a new one.
 */
async function reload(backend: SearchBackend | null = null): Promise<void> {
  nextBackend = backend;
  vi.resetModules();
  search = await import('../../../src/state/search');
  downloads = (await import('../../../src/state/downloads')).downloads;
}
const { ensureSearchIndex, noteLibraryChanged, reconcileNow, saveNow, searchLibrary } = {
  ensureSearchIndex: () => search.ensureSearchIndex(),
  noteLibraryChanged: () => search.noteLibraryChanged(),
  reconcileNow: () => search.reconcileNow(),
  saveNow: () => search.saveNow(),
  searchLibrary: (q: SearchQuery) => search.searchLibrary(q),
};
const indexStatus = {
  get value() {
    return search.indexStatus.value;
  },
};

const query = (text: string, over: Partial<SearchQuery> = {}): SearchQuery => ({ text, podcastId: null, played: null, downloadedOnly: false, limit: 50, ...over });
const found = async (text: string, over: Partial<SearchQuery> = {}) => (await searchLibrary(query(text, over))).results.map((r) => r.episode.id);

/** The real backend, counting the documents it is sent, so a test can tell a load from a rebuild. */
function counting(inner: SearchBackend) {
  const counts = { upserts: 0 };
  const backend: SearchBackend = {
    ...inner,
    sync: (upserts, removals) => {
      counts.upserts += upserts.length;
      return inner.sync(upserts, removals);
    },
  };
  return { backend, counts };
}

const e1 = withNotes(episode(SHOW.id, 1), 'On call stories. The word quokkalantern lives only in these notes.');
const e2 = withNotes(episode(SHOW.id, 2, { played: 1 }), 'Small scripts, big wins with Ansible.');
const e3 = withNotes(episode(OTHER.id, 3), 'Ansible playbooks for firewalls.');

describe('search state against IndexedDB, through the real search worker', () => {
  const original = (globalThis as { Worker?: unknown }).Worker;
  beforeAll(async () => {
    (globalThis as { Worker?: unknown }).Worker = NodeWebWorker;
    await put(e1, e2, e3);
    await reload();
  });
  afterAll(() => {
    for (const w of started) w.terminate();
    (globalThis as { Worker?: unknown }).Worker = original;
  });
  beforeEach(() => {
    downloads.value = new Map();
  });

  test('builds from the stored episodes and finds one by a word only in its notes', async () => {
    await reload();
    await ensureSearchIndex();
    await reconcileNow();
    expect(indexStatus.value).toMatchObject({ phase: 'ready', documents: 3 });
    const answer = await searchLibrary(query('quokkalantern'));
    expect(answer.results.map((r) => [r.episode.id, r.showTitle, r.terms])).toEqual([[e1.id, 'Heavy Networking', ['quokkalantern']]]);
  }, 20_000);

  test('filters by show, played state and downloads', async () => {
    expect((await found('ansible')).sort()).toEqual([e2.id, e3.id].sort());
    expect(await found('ansible', { podcastId: OTHER.id })).toEqual([e3.id]);
    expect(await found('ansible', { played: 'played' })).toEqual([e2.id]);
    expect(await found('ansible', { played: 'unplayed' })).toEqual([e3.id]);
    const record = { episodeId: e2.id, status: 'complete' } as DownloadRecord;
    downloads.value = new Map([
      [e2.id, record],
      [e3.id, { ...record, episodeId: e3.id, status: 'downloading' }],
    ]);
    expect(await found('ansible', { downloadedOnly: true })).toEqual([e2.id]);
  });

  test('follows library changes: edited, new and removed episodes', { timeout: 30_000 }, async () => {
    const edited = withNotes(e1, 'Now the notes talk about wombats.');
    const added = withNotes(episode(OTHER.id, 4), 'A brand new numbat episode.');
    await put(edited, added);
    await (await db()).delete('episodes', e3.id);
    expect(await found('wombats')).toEqual([]);
    // The note alone brings the index up to date (after its debounce): no reconcile is asked for here.
    noteLibraryChanged();
    await expect.poll(() => found('wombats'), { timeout: 10_000 }).toEqual([e1.id]);
    await expect.poll(() => indexStatus.value.phase).toBe('ready');
    expect(await found('quokkalantern')).toEqual([]);
    expect(await found('wombats')).toEqual([e1.id]);
    expect(await found('numbat')).toEqual([added.id]);
    expect(await found('ansible')).toEqual([e2.id]);
    expect(indexStatus.value.documents).toBe(3);
  });

  test('the saved index is loaded after a reload instead of being rebuilt', async () => {
    await saveNow();
    const saved = await loadSearchIndex();
    expect(saved?.signatures).toHaveLength(3);
    // A "reload": a fresh backend and fresh module state, the database as it was.
    const { backend, counts } = counting(inThreadBackend());
    await reload(backend);
    await ensureSearchIndex();
    // Answers straight from the loaded index, before any reconcile work.
    expect((await backend.search('wombats', { podcastId: null, played: null, onlyIds: null }, 10)).hits.map((h) => h.id)).toEqual([e1.id]);
    await reconcileNow();
    expect(counts.upserts).toBe(0);
    expect(await found('numbat')).toHaveLength(1);
  });

  test('a played mark made while the index was saved is picked up by the reconcile', async () => {
    const { backend, counts } = counting(inThreadBackend());
    const playedNow = { ...e1, ...(await (await db()).get('episodes', e1.id))!, played: 1 as const };
    await put(playedNow);
    await reload(backend);
    await ensureSearchIndex();
    await reconcileNow();
    expect(counts.upserts).toBe(1);
    expect(await found('wombats', { played: 'played' })).toEqual([e1.id]);
  });

  test('an unreadable saved index means a rebuild, not a broken search', async () => {
    await (await db()).put('searchIndex', { format: 1, json: '{not json', signatures: [['x', 'y']], savedAt: 0 }, 'episodes');
    const { backend, counts } = counting(inThreadBackend());
    await reload(backend);
    await ensureSearchIndex();
    await reconcileNow();
    expect(counts.upserts).toBe(3);
    expect(await found('numbat')).toHaveLength(1);
  });

  test('typing faster than the index answers: a waiting query is replaced, not queued', async () => {
    const inner = inThreadBackend();
    const asked: string[] = [];
    // The first query is held until both later ones have been typed, whatever the machine's speed.
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    const slow: SearchBackend = {
      ...inner,
      search: async (query, filters, limit) => {
        asked.push(query);
        if (query === 'wom') await held;
        return inner.search(query, filters, limit);
      },
    };
    await reload(slow);
    await ensureSearchIndex();
    await reconcileNow();
    const typed = [searchLibrary(query('wom')), searchLibrary(query('womb')), searchLibrary(query('wombats'))];
    await expect.poll(() => asked).toEqual(['wom']);
    release();
    const outcomes = await Promise.allSettled(typed);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(search.SupersededSearch);
    expect(asked).toEqual(['wom', 'wombats']);
    expect((outcomes[2] as PromiseFulfilledResult<Awaited<ReturnType<typeof searchLibrary>>>).value.results.map((r) => r.episode.id)).toEqual([e1.id]);
  });
});
