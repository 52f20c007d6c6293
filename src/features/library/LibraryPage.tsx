import { useCallback, useEffect, useState } from 'preact/hooks';
import { Page } from '../../ui/Page';
import { Icon } from '../../ui/Icon';
import { latestEpisodeAt, libraryLoaded, loadLibrary, podcasts, refreshing, refreshProgress, unplayedCounts } from '../../state/library';
import { librarySort, setLibrarySort, LIBRARY_SORTS, type LibrarySort } from '../../state/view-prefs';
import { sortShows } from '../../core/library/sort-shows';
import { refreshAll, startLibrary } from '../../state/library-actions';
import { defaultShowIssues, defaultShowsKnown } from '../../state/first-run-status';
import { online } from '../../state/online';
import { LazyAddPodcastDialog } from './LazyAddPodcastDialog';
import { Welcome } from './Welcome';
import { announceSubscribed } from './announce-subscribed';
import { useLocation } from 'preact-iso';
import { DefaultShowCard } from './DefaultShowCard';
import { ShowCard } from './ShowCard';
import { gridTiles } from './grid-tiles';
import { LatestLink } from '../latest/LatestLink';
import { PULL_THRESHOLD, usePullToRefresh } from './pull-to-refresh';
import { useNow } from './use-now';
import './library.css';

const OFFLINE_REFRESH = 'Refreshing needs the network.';
const SORT_LABELS: Record<LibrarySort, string> = { recent: 'Recently added', latest: 'Latest episode', title: 'Title', order: 'Oldest subscription' };

export function LibraryPage() {
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState('');
  const now = useNow();
  const { route } = useLocation();
  const progress = refreshProgress.value;

  useEffect(() => {
    void startLibrary();
    // Unplayed counts change when episodes are played elsewhere; re-read on every visit.
    void loadLibrary();
  }, []);

  const refresh = useCallback(() => {
    if (refreshProgress.value) return;
    if (!online.value) {
      setNotice(OFFLINE_REFRESH);
      return;
    }
    void refreshAll().then((outcomes) => {
      const failed = outcomes.filter((o) => o.status === 'failed').length;
      const added = outcomes.reduce((sum, o) => sum + (o.status === 'updated' ? o.added : 0), 0);
      setNotice(`Refreshed ${outcomes.length} ${outcomes.length === 1 ? 'show' : 'shows'}: ${added} new ${added === 1 ? 'episode' : 'episodes'}` + (failed ? `, ${failed} failed` : ''));
    });
  }, []);
  const pull = usePullToRefresh(refresh, podcasts.value.length > 0);

  const list = sortShows(podcasts.value, librarySort.value, latestEpisodeAt.value);
  const issues = defaultShowIssues.value;
  // The shows and the default shows' tiles appear together, in their places, or not yet at all.
  const ready = libraryLoaded.value && defaultShowsKnown.value;
  const empty = ready && list.length === 0 && issues.length === 0;
  const tiles = ready ? gridTiles(list, issues) : [];

  return (
    <Page
      title="Library"
      actions={
        <>
          <button
            type="button"
            class="icon-button"
            aria-label="Refresh"
            title={online.value ? 'Refresh all shows' : OFFLINE_REFRESH}
            onClick={refresh}
            disabled={!!progress || list.length === 0 || !online.value}
          >
            <Icon name="refresh" size={22} />
          </button>
          <button type="button" class="button button-primary" onClick={() => setAdding(true)}>
            <Icon name="plus" size={18} />
            Add podcast
          </button>
        </>
      }
    >
      {pull > 0 && (
        <div class="pull-indicator" style={{ height: `${pull}px` }} aria-hidden="true">
          {pull >= PULL_THRESHOLD ? 'Release to refresh' : 'Pull to refresh'}
        </div>
      )}
      {!online.value && list.length > 0 && <p class="muted offline-note">{OFFLINE_REFRESH} Everything below still opens, and downloaded episodes play.</p>}
      {progress && (
        <div class="refresh-progress">
          <label for="refresh-progress">
            Refreshing {progress.done} of {progress.total}
          </label>
          <progress id="refresh-progress" max={progress.total || 1} value={progress.done} />
        </div>
      )}
      <p class="visually-hidden" role="status">
        {notice}
      </p>
      <Welcome onAdd={() => setAdding(true)} />
      {empty && (
        <div class="library-empty">
          <p>You don't follow any shows yet.</p>
          <p class="muted">Add one by its feed URL or web page, or import an OPML file in Settings.</p>
        </div>
      )}
      {/* From the first run's start (four tiles), not from the second show found: it must not push the grid down then. */}
      {tiles.length > 1 && (
        <div class="library-controls">
          <label>
            <span class="muted">Sort </span>
            <select value={librarySort.value} aria-label="Sort shows" onChange={(e) => setLibrarySort(e.currentTarget.value as LibrarySort)}>
              {LIBRARY_SORTS.map((s) => (
                <option value={s}>{SORT_LABELS[s]}</option>
              ))}
            </select>
          </label>
        </div>
      )}
      {/* Kept while any default show has a tile, found or not: the grid below must not jump up when a lookup fails. */}
      {tiles.length > 0 && <LatestLink />}
      <ul class="show-grid" aria-label="Shows">
        {tiles.map((tile) =>
          tile.kind === 'show' ? (
            <ShowCard key={tile.podcast.id} podcast={tile.podcast} unplayed={unplayedCounts.value.get(tile.podcast.id)} busy={refreshing.value.has(tile.podcast.id)} now={now} />
          ) : (
            <DefaultShowCard key={tile.issue.key} issue={tile.issue} />
          ),
        )}
      </ul>
      <LazyAddPodcastDialog
        open={adding}
        onClose={() => setAdding(false)}
        onSubscribed={(podcast, existed) => {
          setAdding(false);
          announceSubscribed(podcast, existed, route);
        }}
      />
    </Page>
  );
}
