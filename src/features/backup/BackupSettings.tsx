import { useState } from 'preact/hooks';
import { formatBytes } from '../../core/format-bytes';
import { applyImport, exportBackup, previewImport, readBackupFile, type ImportPreview } from '../../state/backup/backup';
import { ImportPreviewDialog } from './ImportPreviewDialog';
import './backup.css';

function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Settings › Backup: the whole library (not audio) to one file and back, merged, previewed first. */
export function BackupSettings() {
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [busy, setBusy] = useState(false);

  const onExport = async () => {
    setError(null);
    setBusy(true);
    try {
      const { blob, name, bytes } = await exportBackup();
      saveFile(blob, name);
      setStatus(`Backup saved as ${name} (${formatBytes(bytes)}).`);
    } catch (err) {
      setError(`Could not make the backup: ${message(err)}`);
    } finally {
      setBusy(false);
    }
  };

  const onFile = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setError(null);
    setStatus(null);
    setBusy(true);
    try {
      setPreview(await previewImport(await readBackupFile(file), 'merge'));
    } catch (err) {
      setError(`Nothing was imported. ${message(err)}`);
    } finally {
      setBusy(false);
    }
  };

  const onReplaceChange = async (replace: boolean) => {
    if (!preview) return;
    setPreview(await previewImport(preview.backup, replace ? 'replace' : 'merge'));
  };

  const onConfirm = async () => {
    if (!preview) return;
    setBusy(true);
    try {
      // Recomputed now: the library may have changed while the preview was open.
      const fresh = await previewImport(preview.backup, preview.mode);
      await applyImport(fresh);
      setStatus(`Backup imported: ${fresh.total.toLocaleString()} ${fresh.total === 1 ? 'change' : 'changes'}.`);
      setPreview(null);
    } catch (err) {
      setError(`The import stopped: ${message(err)}`);
      setPreview(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="settings-section" aria-labelledby="settings-backup">
      <h2 id="settings-backup">Backup</h2>
      <p class="muted">One file with your shows, positions, played marks, history, queue and settings (not the audio). Keep it somewhere safe, or use it to move to another browser.</p>
      <div class="backup-actions">
        <button type="button" class="button" disabled={busy} onClick={() => void onExport()}>
          Export backup
        </button>
        <input id="backup-file" class="visually-hidden file-input" type="file" accept=".json,application/json" disabled={busy} onChange={(e) => void onFile(e)} />
        <label class="button" for="backup-file" aria-disabled={busy}>
          Import backup
        </label>
      </div>
      {status && (
        <p class="muted" role="status">
          {status}
        </p>
      )}
      {error && (
        <p class="error-text" role="alert">
          {error}
        </p>
      )}
      <ImportPreviewDialog preview={preview} busy={busy} onReplaceChange={(r) => void onReplaceChange(r)} onConfirm={() => void onConfirm()} onCancel={() => !busy && setPreview(null)} />
    </section>
  );
}
