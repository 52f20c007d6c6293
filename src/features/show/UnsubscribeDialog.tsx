import { useState } from 'preact/hooks';
import { useModalDialog } from '../../ui/use-modal-dialog';

/** Asks before unsubscribing, saying what goes with the show. */
export function UnsubscribeDialog({ open, title, episodeCount, onCancel, onConfirm }: { open: boolean; title: string; episodeCount: number; onCancel: () => void; onConfirm: () => Promise<void> }) {
  const ref = useModalDialog(open);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Could not unsubscribe');
      setBusy(false);
    }
  };
  return (
    <dialog ref={ref} class="dialog" aria-labelledby="unsubscribe-title" aria-describedby="unsubscribe-body" onClose={onCancel}>
      <div class="dialog-form">
        <h2 id="unsubscribe-title">Unsubscribe from {title}?</h2>
        <p id="unsubscribe-body">
          Its {episodeCount} {episodeCount === 1 ? 'episode' : 'episodes'}, where you left off in them, queued entries and downloaded audio will be removed from this device.
        </p>
        {error && (
          <p class="error-text" role="alert">
            {error}
          </p>
        )}
        <div class="dialog-actions">
          {/* eslint-disable-next-line jsx-a11y/no-autofocus -- a destructive confirm opens on its safe choice, as the dialog pattern asks */}
          <button type="button" class="button" onClick={onCancel} autoFocus>
            Cancel
          </button>
          <button type="button" class="button button-danger" disabled={busy} onClick={() => void confirm()}>
            Unsubscribe
          </button>
        </div>
      </div>
    </dialog>
  );
}
