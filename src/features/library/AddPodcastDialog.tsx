import { useState } from 'preact/hooks';
import { useModalDialog } from '../../ui/use-modal-dialog';
import { subscribe } from '../../state/subscribe';
import { describeFeedError } from '../../state/errors';

/**
 * Subscribe by feed URL or by the address of a web page that links its feed.
 * A native <dialog>: focus is trapped and Escape closes it without extra code.
 */
export function AddPodcastDialog({ open, onClose, onSubscribed }: { open: boolean; onClose(): void; onSubscribed(title: string, existed: boolean): void }) {
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ref = useModalDialog(open, () => setError(null));

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const { podcast, existed } = await subscribe(url);
      setUrl('');
      onSubscribed(podcast.title, existed);
    } catch (err) {
      setError(describeFeedError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={ref} class="dialog" aria-labelledby="add-podcast-title" onClose={onClose}>
      <form class="dialog-form" noValidate onSubmit={(e) => void submit(e)}>
        <h2 id="add-podcast-title">Add podcast</h2>
        <label for="add-podcast-url">Feed URL</label>
        <input
          id="add-podcast-url"
          type="url"
          inputMode="url"
          autoComplete="url"
          placeholder="https://example.com/feed.xml"
          value={url}
          required
          aria-describedby="add-podcast-hint"
          aria-invalid={error ? true : undefined}
          onInput={(e) => setUrl(e.currentTarget.value)}
        />
        <p id="add-podcast-hint" class="muted dialog-hint">
          The show's RSS feed, or its web page if the page links the feed.
        </p>
        {error && (
          <p class="error-text" role="alert">
            {error}
          </p>
        )}
        <div class="dialog-actions">
          <button type="button" class="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" class="button button-primary" disabled={busy}>
            {busy ? 'Subscribing…' : 'Subscribe'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
