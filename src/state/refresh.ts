/**
 * Refreshing shows: conditional GET so an unchanged feed costs a 304, a bounded number of feeds
 * at once, each failure kept on its own show's card without stopping the others.
 */
import { eachLimited } from '../core/library/concurrency';
import { fetchFeed } from '../api/feed-client';
import { getPodcast, updatePodcast } from '../db/podcasts';
import { setSetting } from '../db/settings';
import { describeFeedError } from './errors';
import { ingestFeed } from './ingest';
import { noteFeedMoved, recheckGoneDefaultShow } from './default-show-recheck';
import { autoDownloadNew } from './show-auto-download';
import { libraryChanged, podcasts, refreshProgress, setRefreshing } from './library';
import { isDue } from '../core/library/stale';
import { refreshInterval } from './view-prefs';

/** Feeds fetched at once: enough to hide latency, few enough not to trip the server's rate limit. */
export const REFRESH_CONCURRENCY = 4;
const LAST_REFRESH_ALL = 'library.lastRefreshAllAt';

export type RefreshOutcome = { id: string; status: 'updated'; added: number } | { id: string; status: 'unchanged' } | { id: string; status: 'failed'; error: string };

const inFlight = new Map<string, Promise<RefreshOutcome>>();

/** Refreshes one show; a second call while one runs gets the same promise. */
export function refreshPodcast(id: string): Promise<RefreshOutcome> {
  let running = inFlight.get(id);
  if (!running) {
    running = runRefresh(id).finally(() => inFlight.delete(id));
    inFlight.set(id, running);
  }
  return running;
}

async function runRefresh(id: string): Promise<RefreshOutcome> {
  const previous = await getPodcast(id);
  if (!previous) return { id, status: 'failed', error: 'This show is no longer in your library' };
  setRefreshing(id, true);
  try {
    const response = await fetchFeed(previous.feedUrl, { etag: previous.etag, lastModified: previous.lastModified });
    if (response.status === 304) {
      await updatePodcast(id, { lastRefreshAt: Date.now(), lastError: null, etag: response.etag, lastModified: response.lastModified });
      return { id, status: 'unchanged' };
    }
    const result = await ingestFeed(id, previous.feedUrl, previous, response);
    await noteFeedMoved(previous.feedUrl, result.podcast.feedUrl);
    void autoDownloadNew(id, result.added).catch((err: unknown) => console.warn('Auto-download failed', err));
    return { id, status: 'updated', added: result.added };
  } catch (err) {
    // A default show whose feed is gone is looked for again before the failure is shown.
    const added = await recheckGoneDefaultShow(id, err).catch(() => null);
    if (added !== null) return { id, status: 'updated', added };
    const error = describeFeedError(err);
    await updatePodcast(id, { lastError: error });
    return { id, status: 'failed', error };
  } finally {
    setRefreshing(id, false);
    await libraryChanged();
  }
}

let refreshingAll: Promise<RefreshOutcome[]> | null = null;

/** Refreshes every show (or only those due by the chosen interval), showing progress. */
export function refreshAll(options: { staleOnly?: boolean } = {}): Promise<RefreshOutcome[]> {
  refreshingAll ??= (async () => {
    const now = Date.now();
    // Automatic refreshes follow the interval chosen in Settings; the Refresh button does them all.
    const ids = podcasts.value.filter((p) => !options.staleOnly || isDue(p.lastRefreshAt, now, refreshInterval.value)).map((p) => p.id);
    refreshProgress.value = { done: 0, total: ids.length };
    try {
      const outcomes = await eachLimited(ids, REFRESH_CONCURRENCY, refreshPodcast, (done) => {
        refreshProgress.value = { done, total: ids.length };
      });
      await setSetting(LAST_REFRESH_ALL, Date.now());
      return outcomes;
    } finally {
      refreshProgress.value = null;
      refreshingAll = null;
    }
  })();
  return refreshingAll;
}
