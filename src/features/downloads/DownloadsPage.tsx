import { useEffect, useState } from 'preact/hooks';
import { Page } from '../../ui/Page';
import { formatBytes } from '../../core/format-bytes';
import {
  backgroundDownloads,
  deleteAllDownloads,
  deletePlayedDownloads,
  describeDownloads,
  downloads,
  estimate,
  initDownloads,
  persistence,
  refreshEstimate,
  type DownloadEntry,
} from '../../state/downloads';
import { startAutoDownloads } from '../../state/downloads-auto';
import { DownloadListItem } from './DownloadListItem';
import { ConfirmButton } from './ConfirmButton';
import { PersistenceAdvice } from './PersistenceAdvice';
import './downloads.css';

function StorageSummary() {
  const used = [...downloads.value.values()].reduce((sum, r) => sum + r.bytes, 0);
  const est = estimate.value;
  const share = est && est.quota > 0 ? Math.min(100, (est.usage / est.quota) * 100) : null;
  const kept =
    persistence.value === 'persisted'
      ? 'Persistent storage: the browser will not clear downloads on its own.'
      : persistence.value === 'best-effort'
        ? 'Best-effort storage: the browser may clear downloads when the device runs low on space. Installing Hopcast makes this less likely.'
        : persistence.value === 'unsupported'
          ? 'This browser cannot promise to keep downloads.'
          : null;
  return (
    <section class="storage-summary" aria-labelledby="storage-heading">
      <h2 id="storage-heading" class="visually-hidden">
        Storage
      </h2>
      <p class="storage-figures">
        <strong>{formatBytes(used)}</strong> in downloads
        {est && (
          <>
            {' · '}
            {formatBytes(est.usage)} used of {formatBytes(est.quota)} available to Hopcast
          </>
        )}
      </p>
      {share !== null && (
        <meter class="storage-meter" min={0} max={100} value={share} aria-label="Storage used">
          {share.toFixed(0)}%
        </meter>
      )}
      {kept && <p class="muted storage-note">{kept}</p>}
      <PersistenceAdvice />
      <p class="muted storage-note">
        {backgroundDownloads
          ? 'Downloads continue in the background, even after you close Hopcast.'
          : 'Keep Hopcast open while episodes download; closed, this browser pauses them until you come back.'}
      </p>
    </section>
  );
}

/** The Downloads screen: every download with its state and size, storage used and quota, and cleanup. */
export function DownloadsPage() {
  const [entries, setEntries] = useState<DownloadEntry[]>([]);
  const [notice, setNotice] = useState('');
  const ids = [...downloads.value.keys()];
  const idsKey = ids.join('\n');
  useEffect(() => {
    startAutoDownloads();
    void initDownloads().then(refreshEstimate);
  }, []);
  useEffect(() => {
    let live = true;
    void describeDownloads(ids).then((list) => live && setEntries(list));
    return () => {
      live = false;
    };
  }, [idsKey]);

  const records = downloads.value;
  const sorted = entries.filter((e) => records.has(e.episodeId)).sort((a, b) => records.get(b.episodeId)!.updatedAt - records.get(a.episodeId)!.updatedAt);
  const deletePlayed = async () => {
    const n = await deletePlayedDownloads();
    setNotice(n === 0 ? 'No played episodes were downloaded.' : `Deleted ${n} played ${n === 1 ? 'episode' : 'episodes'}.`);
    await refreshEstimate();
  };
  const deleteAll = async () => {
    await deleteAllDownloads();
    setNotice('Deleted every download.');
    await refreshEstimate();
  };
  return (
    <Page title="Downloads">
      <StorageSummary />
      <div class="downloads-actions">
        <button type="button" class="button button-small" disabled={records.size === 0} onClick={() => void deletePlayed()}>
          Delete all played
        </button>
        <ConfirmButton label="Delete all" confirmLabel="Yes, delete all" question="Delete every download?" disabled={records.size === 0} onConfirm={deleteAll} />
      </div>
      <p class="visually-hidden" role="status">
        {notice}
      </p>
      {records.size === 0 ? (
        <p class="muted downloads-empty">No downloads yet. Use Download on an episode to keep it for listening offline.</p>
      ) : (
        <ul class="downloads-list" aria-label="Downloaded episodes">
          {sorted.map((entry) => (
            <DownloadListItem key={entry.episodeId} entry={entry} record={records.get(entry.episodeId)!} />
          ))}
        </ul>
      )}
    </Page>
  );
}
