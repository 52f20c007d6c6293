import { useState } from 'preact/hooks';
import { useModalDialog } from '../../ui/use-modal-dialog';
import { podcasts } from '../../state/library';
import { resetAppData } from '../../state/reset';
import { saveOpmlFile } from '../library/save-opml';

/** "Reset app data", behind a confirmation that offers to export the subscriptions first. */
export function ResetAppData() {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [exported, setExported] = useState(false);
  const ref = useModalDialog(open, () => {
    setFailure(null);
    setExported(false);
  });
  const count = podcasts.value.length;
  const reset = async () => {
    setBusy(true);
    try {
      await resetAppData();
    } catch (err) {
      setFailure(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" class="button button-danger" onClick={() => setOpen(true)}>
        Reset app data…
      </button>
      <dialog ref={ref} class="dialog" aria-labelledby="reset-title" onClose={() => setOpen(false)}>
        <div class="dialog-form">
          <h2 id="reset-title">Reset app data?</h2>
          <p>
            This deletes everything Hopcast keeps on this device: {count === 1 ? '1 show' : `${count} shows`}, their episodes, your queue, what you played, downloads and settings. It cannot be undone.
          </p>
          {count > 0 && (
            <p>
              <button
                type="button"
                class="button"
                onClick={() => {
                  saveOpmlFile();
                  setExported(true);
                }}
              >
                Export subscriptions first
              </button>
              {exported && <span class="muted"> Saved as an OPML file.</span>}
            </p>
          )}
          {failure && (
            <p class="error-text" role="alert">
              The reset did not finish: {failure}
            </p>
          )}
          <div class="dialog-actions">
            <button type="button" class="button" onClick={() => setOpen(false)}>
              Cancel
            </button>
            <button type="button" class="button button-danger" disabled={busy} onClick={() => void reset()}>
              {busy ? 'Deleting…' : 'Delete everything'}
            </button>
          </div>
        </div>
      </dialog>
    </>
  );
}
