import { startDownload } from '../../state/downloads';

/** A download whose stored audio the browser cleared: said plainly, with the one useful action. */
export function RemovedByBrowser({ episodeId, title }: { episodeId: string; title: string }) {
  return (
    <span class="download-state download-removed">
      <a class="download-error" href="/downloads" title="The browser cleared this download to free space">
        {/* The row has room for a word; the rest is read out and shown on the Downloads screen. */}
        Removed<span class="visually-hidden"> by the browser</span>
      </a>
      <button type="button" class="button button-small" aria-label={`Download again ${title}`} onClick={() => void startDownload(episodeId)}>
        Download again
      </button>
    </span>
  );
}
