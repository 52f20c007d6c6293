import { useState } from 'preact/hooks';
import { useModalDialog } from '../../ui/use-modal-dialog';

/** Asks for a playlist name (new playlist, rename); the save action's error is shown in place. */
export function PlaylistNameDialog({
  open,
  heading,
  initial,
  submitLabel,
  onCancel,
  onSave,
}: {
  open: boolean;
  heading: string;
  initial: string;
  submitLabel: string;
  onCancel: () => void;
  onSave: (name: string) => Promise<void>;
}) {
  const [name, setName] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ref = useModalDialog(open, () => {
    setName(initial);
    setError(null);
    setBusy(false);
  });
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSave(name);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <dialog ref={ref} class="dialog" aria-labelledby="playlist-name-title" onClose={onCancel}>
      <form class="dialog-form" onSubmit={(e) => void submit(e)}>
        <h2 id="playlist-name-title">{heading}</h2>
        <label for="playlist-name">Name</label>
        <input id="playlist-name" type="text" value={name} maxLength={80} autoComplete="off" required onInput={(e) => setName(e.currentTarget.value)} />
        {error && (
          <p class="error-text" role="alert">
            {error}
          </p>
        )}
        <div class="dialog-actions">
          <button type="button" class="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" class="button button-primary" disabled={busy}>
            {submitLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
