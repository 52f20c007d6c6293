import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { Page } from '../../ui/Page';
import { Icon } from '../../ui/Icon';
import { htmlToText } from '../../core/library/notes-text';
import { libraryVersion, refreshing } from '../../state/library';
import { isNewEpisode, loadShow, loadShowHead, markShowSeen, type ShowData } from '../../state/show';
import { refreshPodcast } from '../../state/refresh';
import { unsubscribe } from '../../state/subscribe';
import { markShowPlayed } from '../../state/played';
import { online } from '../../state/online';
import { readPref, writePref } from '../../state/view-prefs';
import { fold } from '../../core/search/normalize';
import { EpisodeRow } from '../episode-row/EpisodeRow';
import { ShowHeader } from './ShowHeader';
import { UnsubscribeDialog } from './UnsubscribeDialog';
import { VirtualList } from './VirtualList';
import { ShowSettingsButton } from '../listening/ShowSettingsSheet';
import { EPISODE_ROW_HEIGHT } from '../episode-row/row-height';
import './show.css';

const ORDERS = ['newest', 'oldest'] as const;
const FILTERS = ['all', 'unplayed', 'played'] as const;
type Order = (typeof ORDERS)[number];
type Filter = (typeof FILTERS)[number];
/** Rows read for the first paint: more than a tall phone screen shows. */
const FIRST_ROWS = 24;

/** A malformed escape in the address finds no show (the raw text matches none), instead of throwing. */
function safeDecode(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export function ShowPage({ id }: { id: string }) {
  const podcastId = safeDecode(id);
  const { route } = useLocation();
  const [data, setData] = useState<ShowData | null | 'missing'>(null);
  // Sort and filter are remembered per show; the search inside the show is for this visit.
  const [order, setOrderState] = useState<Order>(() => readPref(`show.order.${podcastId}`, ORDERS, 'newest'));
  const [filter, setFilterState] = useState<Filter>(() => readPref(`show.filter.${podcastId}`, FILTERS, 'all'));
  const [query, setQuery] = useState('');
  useEffect(() => {
    setOrderState(readPref(`show.order.${podcastId}`, ORDERS, 'newest'));
    setFilterState(readPref(`show.filter.${podcastId}`, FILTERS, 'all'));
    setQuery('');
  }, [podcastId]);
  const setOrder = (v: Order) => {
    setOrderState(v);
    writePref(`show.order.${podcastId}`, v);
  };
  const setFilter = (v: Filter) => {
    setFilterState(v);
    writePref(`show.filter.${podcastId}`, v);
  };
  const [confirming, setConfirming] = useState(false);
  const [seenAt, setSeenAt] = useState<number | null>(null);
  const version = libraryVersion.value;

  const shownId = useRef<string | null>(null);
  useEffect(() => {
    let live = true;
    const accept = (loaded: ShowData | null) => {
      if (!live) return false;
      setData(loaded ?? 'missing');
      // Badges on this visit compare with the previous visit; the grid's count clears now.
      if (loaded) setSeenAt((prev) => prev ?? loaded.seenAt);
      return loaded !== null;
    };
    void (async () => {
      // First visit of this show: paint the newest few at once, then read the whole list.
      if (shownId.current !== podcastId) {
        shownId.current = podcastId;
        const head = await loadShowHead(podcastId, FIRST_ROWS);
        if (!accept(head) || head!.complete) return;
      }
      accept(await loadShow(podcastId, 'newest'));
    })();
    return () => {
      live = false;
    };
  }, [podcastId, version]);

  useEffect(() => {
    if (data && data !== 'missing' && data.podcast.newCount > 0) void markShowSeen(podcastId);
  }, [data, podcastId]);

  const shown = useMemo(() => {
    if (!data || data === 'missing') return [];
    // Until the whole list is read, only "all, newest first" can be shown correctly.
    if (!data.complete && (filter !== 'all' || order !== 'newest' || query.trim())) return null;
    const words = fold(query).split(/\s+/).filter(Boolean);
    const list = data.episodes.filter(
      (e) => (filter === 'all' || (filter === 'played' ? e.played === 1 : e.played === 0)) && (words.length === 0 || words.every((w) => fold(`${e.title} ${e.notesText}`).includes(w))),
    );
    return order === 'newest' ? list : [...list].reverse();
  }, [data, order, filter, query]);

  const description = useMemo(() => (data && data !== 'missing' ? htmlToText(data.podcast.description, 4000) : ''), [data]);

  if (data === 'missing') {
    return (
      <Page title="Show not found" back="/">
        <p>This show is not in your library. It may have been unsubscribed.</p>
      </Page>
    );
  }
  if (!data) {
    return (
      <Page title="Show" back="/">
        <p class="muted" aria-busy="true">
          Loading…
        </p>
      </Page>
    );
  }

  const { podcast } = data;
  const busy = refreshing.value.has(podcast.id);
  const badgeBase = { podcast, seenAt: seenAt ?? data.seenAt };
  return (
    <Page
      title={podcast.title}
      back="/"
      actions={
        <button
          type="button"
          class="icon-button"
          aria-label={busy ? 'Refreshing' : 'Refresh'}
          title={online.value ? 'Refresh this show' : 'Refreshing needs the network.'}
          disabled={busy || !online.value}
          onClick={() => void refreshPodcast(podcast.id)}
        >
          <Icon name="refresh" size={22} />
        </button>
      }
    >
      <ShowHeader podcast={podcast} descriptionText={description} count={data.total}>
        <button type="button" class="button button-small" onClick={() => void markShowPlayed(podcast.id, true)} disabled={data.total === 0}>
          Mark all played
        </button>
        <ShowSettingsButton podcastId={podcast.id} title={podcast.title} />
        <button type="button" class="button button-small button-danger" onClick={() => setConfirming(true)}>
          Unsubscribe
        </button>
      </ShowHeader>
      <div class="show-controls">
        <label>
          <span class="visually-hidden">Sort</span>
          <select value={order} onChange={(e) => setOrder(e.currentTarget.value as Order)} aria-label="Sort episodes">
            <option value="newest">Newest first</option>
            <option value="oldest">Oldest first</option>
          </select>
        </label>
        <label>
          <span class="visually-hidden">Show</span>
          <select value={filter} onChange={(e) => setFilter(e.currentTarget.value as Filter)} aria-label="Filter episodes">
            <option value="all">All episodes</option>
            <option value="unplayed">Unplayed</option>
            <option value="played">Played</option>
          </select>
        </label>
        <input type="search" class="show-search" placeholder="Search this show" aria-label="Search in this show" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
        <span class="muted show-count" aria-live="polite">
          {shown && data.complete ? `${shown.length} shown` : ''}
        </span>
      </div>
      {!shown ? (
        <p class="muted" aria-busy="true">
          Loading…
        </p>
      ) : shown.length === 0 ? (
        <p class="muted">{data.total === 0 ? 'This feed has no episodes yet.' : query.trim() ? `No episodes of this show match “${query.trim()}”.` : 'No episodes match this filter.'}</p>
      ) : (
        <VirtualList items={shown} rowHeight={EPISODE_ROW_HEIGHT} label="Episodes" getKey={(e) => e.id} renderRow={(e) => <EpisodeRow episode={e} isNew={isNewEpisode(e, badgeBase)} />} />
      )}
      <UnsubscribeDialog
        open={confirming}
        title={podcast.title}
        episodeCount={data.total}
        onCancel={() => setConfirming(false)}
        onConfirm={async () => {
          await unsubscribe(podcast.id);
          setConfirming(false);
          route('/');
        }}
      />
    </Page>
  );
}
