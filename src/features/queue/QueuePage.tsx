import { useEffect, useState } from 'preact/hooks';
import { Page } from '../../ui/Page';
import { formatDuration } from '../../core/time';
import { clearQueue, loadQueue, queue } from '../../state/queue';
import { currentTimeLeft, queueItems, queueTimeLeft, startQueueView } from '../../state/queue-view';
import { refreshHistory } from '../../state/history';
import { QueueList } from './QueueList';
import { HistorySection } from './HistorySection';
import { DownloadAllButton } from '../downloads/DownloadAllButton';
import { ListeningLinks } from '../playlists/ListeningLinks';
import './queue.css';

function ClearQueue() {
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button type="button" class="button button-small" onClick={() => setConfirming(true)}>
        Clear queue
      </button>
    );
  }
  return (
    <span class="clear-confirm" role="group" aria-label="Clear the whole queue?">
      <button type="button" class="button button-small button-danger" onClick={() => void clearQueue().finally(() => setConfirming(false))}>
        Yes, clear
      </button>
      <button type="button" class="button button-small" onClick={() => setConfirming(false)}>
        Cancel
      </button>
    </span>
  );
}

/** Up next: the queue with its total time left, reordering, removing, clearing; then recently played. */
export function QueuePage() {
  useEffect(() => {
    startQueueView();
    void loadQueue();
    void refreshHistory();
  }, []);
  const items = queueItems.value;
  const left = queueTimeLeft.value;
  const now = currentTimeLeft.value;
  const count = queue.value.length;
  return (
    <Page
      title="Queue"
      actions={
        count > 0 ? (
          <>
            <DownloadAllButton ids={queue.value.map((e) => e.episodeId)} />
            <ClearQueue />
          </>
        ) : undefined
      }
    >
      <ListeningLinks />
      <p class="queue-summary" aria-live="polite">
        {count === 0 ? (
          'Nothing queued. Use “Add to queue” on any episode.'
        ) : (
          <>
            {count === 1 ? '1 episode' : `${count} episodes`} · <strong>{formatDuration(left.seconds)} left</strong>
            {left.unknown > 0 && ` (+ ${left.unknown} of unknown length)`}
            {now !== null && now >= 1 && <span class="muted"> · plus {formatDuration(now)} of the episode playing now</span>}
          </>
        )}
      </p>
      {items.length > 0 && <QueueList items={items} />}
      <HistorySection />
    </Page>
  );
}
