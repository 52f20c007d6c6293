import { useState } from 'preact/hooks';
import { ALL_SHOWS_FEED } from '../../core/default-shows';
import { podcasts } from '../../state/library';
import { importOpml, importProgress, type ImportReport } from '../../state/opml';
import { subscribe } from '../../state/subscribe';
import { describeFeedError } from '../../state/errors';
import { saveOpmlFile } from './save-opml';
import { RefreshIntervalSetting } from './RefreshIntervalSetting';
import { ImportReportView } from './ImportReportView';
import './library.css';

/** Files larger than this are refused before reading: no subscription list is anywhere near it. */
const MAX_FILE = 5 * 1024 * 1024;

/** Settings › Library: OPML import (file or paste) and export, and the optional all-shows feed. */
export function LibrarySettings() {
  const [pasted, setPasted] = useState('');
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [allShows, setAllShows] = useState<string | null>(null);
  const progress = importProgress.value;
  const followsAll = podcasts.value.some((p) => p.id === ALL_SHOWS_FEED.feedUrl || p.feedUrl === ALL_SHOWS_FEED.feedUrl);

  const runImport = async (text: string) => {
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      setReport(await importOpml(text));
    } catch (err) {
      setError(describeFeedError(err));
    } finally {
      setBusy(false);
    }
  };

  const onFile = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (file.size > MAX_FILE) {
      setError('That file is larger than 5 MB, too large to be a subscription list');
      return;
    }
    await runImport(await file.text());
  };

  const onExport = saveOpmlFile;

  const followAll = async () => {
    setAllShows('Subscribing…');
    try {
      const { podcast } = await subscribe(ALL_SHOWS_FEED.feedUrl);
      setAllShows(`Subscribed to ${podcast.title}`);
    } catch (err) {
      setAllShows(`Couldn't subscribe: ${describeFeedError(err)}`);
    }
  };

  return (
    <section class="settings-section library-settings" aria-labelledby="settings-library">
      <h2 id="settings-library">Library</h2>
      <RefreshIntervalSetting />
      <h3>Import subscriptions (OPML)</h3>
      <p class="muted">From another podcast app: pick its exported OPML file, or paste the file's text.</p>
      <input id="opml-file" class="visually-hidden file-input" type="file" accept=".opml,.xml,text/x-opml,text/xml,application/xml" disabled={busy} onChange={(e) => void onFile(e)} />
      <label class="button" for="opml-file">
        Choose OPML file
      </label>
      <label for="opml-text" class="library-settings-label">
        Paste OPML
      </label>
      <textarea id="opml-text" rows={4} value={pasted} onInput={(e) => setPasted(e.currentTarget.value)} spellcheck={false} />
      <button type="button" class="button" disabled={busy || !pasted.trim()} onClick={() => void runImport(pasted)}>
        Import pasted OPML
      </button>
      {progress && (
        <p role="status">
          Importing {progress.done} of {progress.total}…
        </p>
      )}
      {error && (
        <p class="error-text" role="alert">
          {error}
        </p>
      )}
      {report && <ImportReportView report={report} />}

      <h3>Export subscriptions</h3>
      <button type="button" class="button" onClick={onExport} disabled={podcasts.value.length === 0}>
        Export OPML
      </button>

      <h3>All Packet Pushers shows</h3>
      <p class="muted">One feed with every show the network publishes, on top of the ones you follow.</p>
      <button type="button" class="button" onClick={() => void followAll()} disabled={followsAll || allShows === 'Subscribing…'}>
        {followsAll ? 'Subscribed to all shows' : 'Subscribe to all shows'}
      </button>
      {allShows && (
        <p role="status" class={allShows.startsWith("Couldn't") ? 'error-text' : 'muted'}>
          {allShows}
        </p>
      )}
    </section>
  );
}
