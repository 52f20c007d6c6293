import type { ImportPreview, SectionPreview } from '../../state/backup/backup';
import { useModalDialog } from '../../ui/use-modal-dialog';
import '../library/library.css';

function count(n: number, noun: string): string {
  return `${n.toLocaleString()} ${noun}`;
}

function describe(s: SectionPreview): string {
  if (!s.supported) return `${count(s.keep, s.noun)}: not supported by this version of Hopcast, skipped`;
  const parts = [
    s.add ? `${s.add.toLocaleString()} to add` : '',
    s.change ? `${s.change.toLocaleString()} newer than yours, to update` : '',
    s.remove ? `${s.remove.toLocaleString()} to remove` : '',
    s.keep ? `${s.keep.toLocaleString()} already up to date` : '',
  ].filter(Boolean);
  return `${s.noun[0].toUpperCase()}${s.noun.slice(1)}: ${parts.join(', ') || 'none in the backup'}`;
}

/** What an import will add, update and (only when asked) remove, before anything is written. */
export function ImportPreviewDialog(props: { preview: ImportPreview | null; busy: boolean; onReplaceChange: (replace: boolean) => void; onConfirm: () => void; onCancel: () => void }) {
  const { preview } = props;
  const ref = useModalDialog(preview !== null);
  const made = preview ? new Date(preview.backup.exportedAt).toLocaleString() : '';
  return (
    <dialog ref={ref} class="dialog" aria-labelledby="import-backup-title" onClose={props.onCancel}>
      {preview && (
        <div class="dialog-form">
          <h2 id="import-backup-title">Import this backup?</h2>
          <p class="dialog-hint">
            Made {made} by Hopcast {preview.backup.app}. Where both have an item, the newer change wins.
          </p>
          <ul class="backup-preview" aria-label="What the import changes">
            {preview.sections.map((s) => (
              <li key={s.section}>{describe(s)}</li>
            ))}
          </ul>
          <label class="download-setting-check backup-replace">
            <input type="checkbox" checked={preview.mode === 'replace'} disabled={props.busy} onChange={(e) => props.onReplaceChange(e.currentTarget.checked)} />
            <span>Also remove shows and queued episodes that are not in the backup</span>
          </label>
          <div class="dialog-actions">
            <button type="button" class="button" onClick={props.onCancel} disabled={props.busy}>
              Cancel
            </button>
            <button type="button" class="button button-primary" onClick={props.onConfirm} disabled={props.busy || preview.total === 0}>
              {props.busy ? 'Importing…' : preview.total === 0 ? 'Nothing to import' : 'Import'}
            </button>
          </div>
        </div>
      )}
    </dialog>
  );
}
