/**
 * The episode search index, kept in step with IndexedDB. It loads the persisted index first (so
 * search works at once after a reload), then reconciles it with the stored episodes by signature:
 * only new, changed and removed episodes touch the index. Library writes call for another
 * reconcile; the index is saved again a little after it changes.
 */
import { effect, signal } from '@preact/signals';
import type { SearchBackend } from '../core/search/backend';
import type { SearchOutcome } from '../core/search/query';
import { docSignature, toSearchDoc, type SearchDoc } from '../core/search/docs';
import type { Episode } from '../core/types';
import { getEpisodes, listAllEpisodes } from '../db/episodes';
import { listPodcasts } from '../db/podcasts';
import { loadSearchIndex, saveSearchIndex } from '../db/search-index';
import { workerSearchBackend } from '../workers/search-bridge';
import { downloads } from './downloads';
import { libraryVersion } from './library';

export type IndexPhase = 'idle' | 'loading' | 'indexing' | 'ready' | 'error';

export interface IndexStatus {
  phase: IndexPhase;
  /** Episodes in the index. */
  documents: number;
  message: string | null;
}

export const indexStatus = signal<IndexStatus>({ phase: 'idle', documents: 0, message: null });
/** The followed shows, for the show filter. */
export const searchShows = signal<Array<{ id: string; title: string }>>([]);

/** Documents per message to the worker during a build, so searches can run in between. */
const SYNC_BATCH = 2000;
/** Saving serializes the whole index; wait for a burst of library writes to settle first. */
const SAVE_DELAY_MS = 2000;
const RECONCILE_DELAY_MS = 300;

let backend: SearchBackend | null = null;
let signatures = new Map<string, string>();
let loading: Promise<void> | null = null;
let reconciling: Promise<void> | null = null;
let reconcileAgain = false;
let reconcileTimer: ReturnType<typeof setTimeout> | null = null;
let saveTimer: ReturnType<typeof setTimeout> | null = null;

function status(patch: Partial<IndexStatus>): void {
  indexStatus.value = { ...indexStatus.value, ...patch };
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function currentBackend(): SearchBackend {
  if (!backend) {
    backend = workerSearchBackend(() => {
      // The worker died with the index: start over from the saved copy on next use.
      backend = null;
      loading = null;
      signatures = new Map();
      status({ phase: 'idle', documents: 0 });
    });
  }
  return backend;
}

async function loadSaved(): Promise<void> {
  status({ phase: 'loading', message: null });
  const saved = await loadSearchIndex().catch(() => undefined);
  const engine = currentBackend();
  if (saved && (await engine.load(saved))) {
    signatures = new Map(saved.signatures);
    status({ documents: signatures.size });
  } else {
    await engine.reset();
    signatures = new Map();
  }
}

/**
 * Loads the saved index (once) and starts a reconcile with the database. Resolves when search
 * can answer; the reconcile may still be adding episodes then (see `indexStatus`).
 */
export function ensureSearchIndex(): Promise<void> {
  if (!loading) {
    loading = loadSaved().then(
      () => void reconcileNow(),
      (err: unknown) => {
        loading = null;
        status({ phase: 'error', message: `Search is unavailable: ${messageOf(err)}` });
      },
    );
  }
  return loading;
}

/** The library changed (a refresh, a subscription, a played mark): bring the index up to date soon. */
export function noteLibraryChanged(): void {
  if (!loading) return;
  if (reconcileTimer) clearTimeout(reconcileTimer);
  reconcileTimer = setTimeout(() => {
    reconcileTimer = null;
    void reconcileNow();
  }, RECONCILE_DELAY_MS);
}

// Every library write bumps libraryVersion; reading it subscribes this effect to those bumps.
effect(() => {
  if (libraryVersion.value > 0) noteLibraryChanged();
});

/** Runs a reconcile, or, when one is running, one more right after it. Resolves when all are done. */
export function reconcileNow(): Promise<void> {
  if (reconciling) {
    reconcileAgain = true;
    return reconciling;
  }
  reconciling = (async () => {
    do {
      reconcileAgain = false;
      await reconcile();
    } while (reconcileAgain);
  })().finally(() => (reconciling = null));
  return reconciling;
}

async function reconcile(): Promise<void> {
  try {
    const [episodes, podcasts] = await Promise.all([listAllEpisodes(), listPodcasts()]);
    const titles = new Map(podcasts.map((p) => [p.id, p.title]));
    searchShows.value = podcasts.map((p) => ({ id: p.id, title: p.title }));
    const next = new Map<string, string>();
    const upserts: SearchDoc[] = [];
    for (const episode of episodes) {
      const show = titles.get(episode.podcastId) ?? '';
      const sig = docSignature(episode, show);
      next.set(episode.id, sig);
      if (signatures.get(episode.id) !== sig) upserts.push(toSearchDoc(episode, show));
    }
    const removals = [...signatures.keys()].filter((id) => !next.has(id));
    if (upserts.length === 0 && removals.length === 0) {
      status({ phase: 'ready', documents: next.size, message: null });
      return;
    }
    status({ phase: 'indexing' });
    const engine = currentBackend();
    let documents = await engine.sync([], removals);
    for (let i = 0; i < upserts.length; i += SYNC_BATCH) {
      documents = await engine.sync(upserts.slice(i, i + SYNC_BATCH), []);
      status({ documents });
    }
    // A first build is saved at once: the app may be closed or reloaded any moment now.
    const firstBuild = signatures.size === 0;
    signatures = next;
    status({ phase: 'ready', documents, message: null });
    scheduleSave(firstBuild ? 0 : SAVE_DELAY_MS);
  } catch (err) {
    status({ phase: 'error', message: `The search index could not be updated: ${messageOf(err)}` });
  }
}

function scheduleSave(delay: number): void {
  if (saveTimer) clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    saveTimer = null;
    void saveNow();
  }, delay);
}

/** Persists the index with the signatures it was built from. */
export async function saveNow(): Promise<void> {
  if (!backend) return;
  const snapshot = [...signatures];
  const serialized = await backend.serialize();
  // Saving is an optimisation: a failure (quota) only means a rebuild on the next start.
  await saveSearchIndex({ ...serialized, signatures: snapshot, savedAt: Date.now() }).catch(() => undefined);
}

export interface SearchQuery {
  text: string;
  podcastId: string | null;
  played: 'played' | 'unplayed' | null;
  downloadedOnly: boolean;
  limit: number;
}

export interface FoundEpisode {
  episode: Episode;
  showTitle: string;
  /** Index terms to highlight. */
  terms: string[];
  /** Found only by forgiving a typo. */
  similar: boolean;
}

export interface SearchAnswer {
  results: FoundEpisode[];
  total: number;
  /** How many of `total` are similar (typo-forgiving) matches, listed after the real ones. */
  similar: number;
  ms: number;
}

/** Thrown to a search that a newer one replaced before it reached the worker. */
export class SupersededSearch extends Error {
  override name = 'SupersededSearch';
}

let inFlight: Promise<unknown> | null = null;
let waiting: { run: () => Promise<SearchOutcome>; resolve: (o: SearchOutcome) => void; reject: (e: unknown) => void } | null = null;

/**
 * At most one search in the worker and one waiting: typing faster than the worker answers
 * replaces the waiting query instead of queueing every keystroke behind a slow one.
 */
function latestSearch(run: () => Promise<SearchOutcome>): Promise<SearchOutcome> {
  return new Promise<SearchOutcome>((resolve, reject) => {
    waiting?.reject(new SupersededSearch('A newer search replaced this one'));
    waiting = { run, resolve, reject };
    if (!inFlight) void drain();
  });
}

async function drain(): Promise<void> {
  while (waiting) {
    const next = waiting;
    waiting = null;
    const running = next.run();
    inFlight = running;
    await running.then(next.resolve, next.reject);
  }
  inFlight = null;
}

export async function searchLibrary(query: SearchQuery): Promise<SearchAnswer> {
  const started = performance.now();
  await ensureSearchIndex();
  const onlyIds = query.downloadedOnly ? [...downloads.value.values()].filter((d) => d.status === 'complete').map((d) => d.episodeId) : null;
  const outcome = await latestSearch(() => currentBackend().search(query.text, { podcastId: query.podcastId, played: query.played, onlyIds }, query.limit));
  const episodes = await getEpisodes(outcome.hits.map((h) => h.id));
  const byId = new Map(episodes.map((e) => [e.id, e]));
  const titles = new Map(searchShows.value.map((s) => [s.id, s.title]));
  const results: FoundEpisode[] = [];
  for (const hit of outcome.hits) {
    const episode = byId.get(hit.id);
    // Deleted since it was indexed (an unsubscribe mid-reconcile): skip, the reconcile removes it.
    if (episode) results.push({ episode, showTitle: titles.get(episode.podcastId) ?? '', terms: hit.terms, similar: hit.similar });
  }
  return { results, total: outcome.total, similar: outcome.similar, ms: performance.now() - started };
}
