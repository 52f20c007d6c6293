import { useState } from 'preact/hooks';
import { downloadAll, downloads } from '../../state/downloads';
import { online } from '../../state/online';

/** "Download all" for a list of episodes (the queue): starts every one not stored or on its way. */
export function DownloadAllButton({ ids }: { ids: readonly string[] }) {
  const [note, setNote] = useState('');
  const missing = ids.filter((id) => {
    const status = downloads.value.get(id)?.status;
    return status === undefined || status === 'failed';
  });
  const start = async () => {
    const n = missing.length;
    await downloadAll(ids);
    setNote(`Downloading ${n} ${n === 1 ? 'episode' : 'episodes'}.`);
  };
  return (
    <>
      <button type="button" class="button button-small" disabled={missing.length === 0 || !online.value} onClick={() => void start()}>
        Download all
      </button>
      <span class="visually-hidden" role="status">
        {note}
      </span>
    </>
  );
}
