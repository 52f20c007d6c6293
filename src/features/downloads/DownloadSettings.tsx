import { useEffect } from 'preact/hooks';
import './downloads.css';
import { backgroundDownloads } from '../../state/downloads';
import { deleteAfterPlayed, keepNext, MAX_KEEP_NEXT, setDeleteAfterPlayed, setKeepNext, startAutoDownloads } from '../../state/downloads-auto';

/** Settings → Downloads: automatic downloads from the queue, cleanup after playing, and where to manage storage. */
export function DownloadSettings() {
  useEffect(() => startAutoDownloads(), []);
  return (
    <section class="settings-section" aria-labelledby="settings-downloads">
      <h2 id="settings-downloads">Downloads</h2>
      <label class="download-setting">
        <span>Auto-download from the queue</span>
        <select value={String(keepNext.value)} onChange={(e) => void setKeepNext(Number(e.currentTarget.value))}>
          <option value="0">Off</option>
          {[1, 2, 3, 5, 10, MAX_KEEP_NEXT].map((n) => (
            <option key={n} value={String(n)}>
              Next {n} {n === 1 ? 'episode' : 'episodes'}
            </option>
          ))}
        </select>
      </label>
      <label class="download-setting download-setting-check">
        <input type="checkbox" checked={deleteAfterPlayed.value} onChange={(e) => void setDeleteAfterPlayed(e.currentTarget.checked)} />
        <span>Delete downloads once played</span>
      </label>
      <p class="muted">
        {backgroundDownloads
          ? 'Downloads keep going in the background, even after you close Hopcast.'
          : 'Keep Hopcast open while episodes download: this browser pauses downloads when the app is closed, and they continue when you come back.'}{' '}
        <a href="/downloads">Manage downloads and storage</a>
      </p>
    </section>
  );
}
