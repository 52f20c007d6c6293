import type { DownloadRecord } from '../../core/types';
import { formatBytes, formatSpeed, percentOf } from '../../core/format-bytes';
import { cancelDownload, downloadProgress, removeDownload, startDownload, type DownloadEntry } from '../../state/downloads';
import { DownloadProgressBar } from './DownloadProgressBar';
import { REMOVED_BY_BROWSER } from '../../core/download-shared';

const STATUS: Record<DownloadRecord['status'], string> = {
  queued: 'Waiting',
  downloading: 'Downloading',
  paused: 'Paused',
  complete: 'Downloaded',
  failed: 'Failed',
};

/** One row of the Downloads screen: title, show, state and size, and what can be done with it. */
export function DownloadListItem({ entry, record }: { entry: DownloadEntry; record: DownloadRecord }) {
  const title = entry.episode?.title || 'Episode no longer in the library';
  const live = downloadProgress.value.get(record.episodeId);
  const received = live?.received ?? record.bytes;
  const total = live?.total ?? record.total;
  const size = record.status === 'complete' ? formatBytes(record.bytes) : total ? `${formatBytes(received)} of ${formatBytes(total)}` : formatBytes(received);
  const active = record.status === 'queued' || record.status === 'downloading' || record.status === 'paused';
  const played = entry.episode?.played === 1;
  const removed = record.status === 'failed' && record.error === REMOVED_BY_BROWSER;
  return (
    <li class="download-item">
      <div class="download-item-text">
        {entry.episode ? (
          <a class="download-item-title" href={`/episode/${encodeURIComponent(record.episodeId)}`}>
            {title}
          </a>
        ) : (
          <span class="download-item-title">{title}</span>
        )}
        <p class="download-item-meta">
          {entry.showTitle && <span class="download-item-show">{entry.showTitle}</span>}
          <span class={`download-status status-${record.status}`}>{removed ? 'Removed' : STATUS[record.status]}</span>
          {record.status !== 'failed' && <span>{size}</span>}
          {active && live?.bytesPerSecond ? <span>{formatSpeed(live.bytesPerSecond)}</span> : null}
          {played && <span>Played</span>}
        </p>
        {record.status === 'failed' && <p class="download-error-line">{record.error}</p>}
        {record.status === 'paused' && record.error && <p class="muted download-item-note">{record.error}</p>}
        {active && (
          <DownloadProgressBar
            label={`Downloading ${title}`}
            percent={percentOf(received, total)}
            detail={[size, live?.bytesPerSecond ? formatSpeed(live.bytesPerSecond) : null].filter(Boolean).join(', ')}
            queued={record.status === 'queued'}
          />
        )}
      </div>
      <div class="download-item-actions">
        {active && (
          <button type="button" class="button button-small" aria-label={`Cancel download ${title}`} onClick={() => void cancelDownload(record.episodeId)}>
            Cancel
          </button>
        )}
        {record.status === 'failed' && entry.episode && (
          <button type="button" class="button button-small" aria-label={`${removed ? 'Download again' : 'Retry download'} ${title}`} onClick={() => void startDownload(record.episodeId)}>
            {removed ? 'Download again' : 'Retry'}
          </button>
        )}
        {!active && (
          <button type="button" class="button button-small" aria-label={`Delete download ${title}`} onClick={() => void removeDownload(record.episodeId)}>
            Delete
          </button>
        )}
      </div>
    </li>
  );
}
