import type { Episode } from '../../core/types';
import { downloads, startDownload, cancelDownload, removeDownload } from '../../state/downloads';

function percentOf(bytes: number, total: number | null): number | null {
  return total ? Math.min(100, Math.floor((bytes / total) * 100)) : null;
}

/** The per-row download control: Download → progress + Cancel download → Remove download; failed → message + retry. */
export function DownloadButton({ episode }: { episode: Episode }) {
  const record = downloads.value.get(episode.id);
  const title = episode.title;
  if (!record) {
    return (
      <button type="button" class="button button-small" aria-label={`Download ${title}`} onClick={() => void startDownload(episode.id)} disabled={!episode.enclosure}>
        Download
      </button>
    );
  }
  if (record.status === 'complete') {
    return (
      <button type="button" class="button button-small" aria-label={`Remove download ${title}`} onClick={() => void removeDownload(episode.id)}>
        Remove download
      </button>
    );
  }
  if (record.status === 'failed') {
    return (
      <span class="download-failed">
        <span role="alert">Download failed: {record.error ?? 'unknown error'}</span>
        <button type="button" class="button button-small" aria-label={`Retry download ${title}`} onClick={() => void startDownload(episode.id)}>
          Retry
        </button>
      </span>
    );
  }
  const percent = percentOf(record.bytes, record.total);
  return (
    <span class="download-progress">
      <progress aria-label={`Downloading ${title}`} max={100} value={percent ?? undefined} />
      <button type="button" class="button button-small" aria-label={`Cancel download ${title}`} onClick={() => void cancelDownload(episode.id)}>
        Cancel download
      </button>
    </span>
  );
}
