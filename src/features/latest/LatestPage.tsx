import { useEffect, useState } from 'preact/hooks';
import { Page } from '../../ui/Page';
import { libraryLoaded, libraryVersion, podcasts } from '../../state/library';
import { startLibrary } from '../../state/library-start';
import { LATEST_PAGE, loadLatest, type LatestData } from '../../state/latest';
import { LatestRow } from './LatestRow';
import './latest.css';

/**
 * The network's timeline: the newest episodes of every followed show in one list, newest first,
 * filterable by show, the way a listener catches up on a network.
 */
export function LatestPage() {
  const [show, setShow] = useState<string | null>(null);
  const [limit, setLimit] = useState(LATEST_PAGE);
  const [data, setData] = useState<LatestData | null>(null);
  const version = libraryVersion.value;
  const shows = podcasts.value;

  useEffect(() => {
    void startLibrary();
  }, []);

  useEffect(() => {
    let live = true;
    void loadLatest(limit, show).then((loaded) => {
      if (live) setData(loaded);
    });
    return () => {
      live = false;
    };
  }, [limit, show, version]);

  const byId = new Map(shows.map((p) => [p.id, p]));
  const choose = (id: string | null) => {
    setShow(id);
    setLimit(LATEST_PAGE);
  };
  // The list is named after the show its rows are of: until the chosen show's episodes are read, the
  // rows on screen are still the previous filter's, and a name from `show` would misdescribe them.
  const shown = data?.podcastId ?? null;
  const chosen = shown ? byId.get(shown) : undefined;

  return (
    <Page title="Latest" back="/">
      {shows.length > 1 && (
        <div class="latest-filter" role="group" aria-label="Filter by show">
          <button type="button" class="chip" aria-pressed={show === null} onClick={() => choose(null)}>
            All shows
          </button>
          {shows.map((p) => (
            <button key={p.id} type="button" class="chip" aria-pressed={show === p.id} onClick={() => choose(p.id)}>
              {p.title}
            </button>
          ))}
        </div>
      )}
      {data && data.episodes.length === 0 && libraryLoaded.value && (
        <div class="library-empty">
          <p>{shows.length === 0 ? "You don't follow any shows yet." : 'No episodes yet.'}</p>
          <p class="muted">{shows.length === 0 ? 'Shows you follow appear here, newest episodes first.' : 'New episodes appear here as your shows publish them.'}</p>
        </div>
      )}
      <ul class="latest-list" aria-label={chosen ? `Latest episodes of ${chosen.title}` : 'Latest episodes'}>
        {data?.episodes.map((e) => (
          <LatestRow key={e.id} episode={e} podcast={byId.get(e.podcastId)} named={!chosen} />
        ))}
      </ul>
      {data && !data.complete && (
        <button type="button" class="button latest-more" onClick={() => setLimit(limit + LATEST_PAGE)}>
          Show more
        </button>
      )}
    </Page>
  );
}
