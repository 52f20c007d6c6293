import { createPortal } from 'preact';
import type { Episode } from '../../core/types';
import { formatBytes, formatSpeed, percentOf } from '../../core/format-bytes';
import { online } from '../../state/online';
import { cancelDownload, dismissPersistNotice, downloadProgress, downloads, persistNotice, removeDownload, startDownload } from '../../state/downloads';
import { Icon } from '../../ui/Icon';
import { DownloadProgressBar } from './DownloadProgressBar';
import { RemovedByBrowser } from './RemovedByBrowser';
import { REMOVED_BY_BROWSER } from '../../core/download-shared';
import './downloads.css';

/** The outcome of asking for persistent storage, shown once, by the download that asked. */
function PersistNotice({ episodeId }: { episodeId: string }) {
  const notice = persistNotice.value;
  if (!notice || notice.episodeId !== episodeId) return null;
  const text =
    notice.outcome === 'persisted'
      ? 'Storage is persistent: the browser will keep your downloads.'
      : notice.outcome === 'best-effort'
        ? 'The browser may clear downloads when space runs low. Installing Hopcast helps keep them.'
        : 'This browser cannot promise to keep downloads.';
  // A portal: rows sit in a transformed, contained virtual list that would clip a fixed element.
  return createPortal(
    <div class="download-toast" role="status">
      <span>{text}</span>
      <button type="button" class="download-cancel" aria-label="Dismiss storage notice" onClick={dismissPersistNotice}>
        <Icon name="close" size={16} />
      </button>
    </div>,
    document.body,
  );
}

/** The per-row download control: Download → progress + Cancel download → Remove download; failed → message + Retry. */
export function DownloadButton({ episode }: { episode: Episode }) {
  const record = downloads.value.get(episode.id);
  const title = episode.title || 'Untitled episode';
  if (!record) {
    // Offline, a download can't start; the row says so instead of offering a button that fails.
    if (!online.value) {
      return (
        <span class="download-unavailable" aria-label={`${title} is unavailable offline`}>
          Unavailable offline
        </span>
      );
    }
    return (
      <button type="button" class="button button-small" aria-label={`Download ${title}`} disabled={!episode.enclosure} onClick={() => void startDownload(episode.id)}>
        Download
      </button>
    );
  }
  if (record.status === 'complete') {
    return (
      <span class="download-state">
        <button type="button" class="button button-small" aria-label={`Remove download ${title}`} onClick={() => void removeDownload(episode.id)}>
          Remove download
        </button>
        <PersistNotice episodeId={episode.id} />
      </span>
    );
  }
  if (record.status === 'failed' && record.error === REMOVED_BY_BROWSER) return <RemovedByBrowser episodeId={episode.id} title={title} />;
  if (record.status === 'failed') {
    const message = record.error ?? 'The download failed.';
    // The row has room for a word: the reason is announced here and shown in full on the Downloads screen.
    return (
      <span class="download-state download-failed">
        <span class="visually-hidden" role="alert">
          Download of {title} failed: {message}
        </span>
        <a class="download-error" href="/downloads" title={message} aria-label={`Why the download of ${title} failed`}>
          Failed
        </a>
        <button type="button" class="button button-small" aria-label={`Retry download ${title}`} onClick={() => void startDownload(episode.id)}>
          Retry
        </button>
      </span>
    );
  }
  const live = downloadProgress.value.get(episode.id);
  const received = live?.received ?? record.bytes;
  const total = live?.total ?? record.total;
  const percent = percentOf(received, total);
  const paused = record.status === 'paused';
  const detail = [
    total ? `${formatBytes(received)} of ${formatBytes(total)}` : received ? formatBytes(received) : null,
    paused ? (record.error ?? 'Paused') : live?.bytesPerSecond ? formatSpeed(live.bytesPerSecond) : null,
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <span class="download-state">
      <DownloadProgressBar label={`Downloading ${title}`} percent={percent} detail={detail} queued={record.status === 'queued'} />
      <button type="button" class="download-cancel" aria-label={`Cancel download ${title}`} title="Cancel download" onClick={() => void cancelDownload(episode.id)}>
        <Icon name="close" size={16} />
      </button>
      <PersistNotice episodeId={episode.id} />
    </span>
  );
}
