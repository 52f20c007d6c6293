import { useEffect, useRef, useState } from 'preact/hooks';
import { dismissDefaultShow, retryDefaultShow, followDefaultShowAt } from '../../state/library-actions';
import type { DefaultShowIssue } from '../../state/first-run-status';
import { describeFeedError, humanizeMessage } from '../../state/errors';
import { HumanErrorText } from '../../ui/HumanErrorText';
import { Artwork } from '../../ui/Artwork';
import { TriedList } from './TriedList';

/** The opened card of a default show not found: the reason, what was tried, Retry, paste its feed URL, or dismiss it. */
export function DefaultShowDetails({ issue, onClose }: { issue: DefaultShowIssue; onClose: () => void }) {
  const [pasting, setPasting] = useState(false);
  const [url, setUrl] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const closeButton = useRef<HTMLButtonElement>(null);
  const inputId = `default-url-${issue.key}`;
  // Opened from the tile's Details button, which is gone now: keep keyboard users in the card.
  useEffect(() => closeButton.current?.focus(), []);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await followDefaultShowAt(issue.key, url);
    } catch (err) {
      setError(describeFeedError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li class="default-show-card" aria-label={issue.title}>
      <Artwork src={null} title={issue.title} size={56} class="default-show-artwork" />
      <div class="default-show-body">
        <span class="show-card-title">{issue.title}</span>
        <HumanErrorText class="show-card-status error-text" {...humanizeMessage(issue.message)} />
        {issue.attempts && issue.attempts.length > 1 && <TriedList attempts={issue.attempts} />}
        <div class="default-show-actions">
          <button type="button" class="button button-small" disabled={busy} onClick={() => void retryDefaultShow(issue.key)} aria-label={`Retry ${issue.title}`}>
            Retry
          </button>
          <button type="button" class="button button-small" aria-expanded={pasting} onClick={() => setPasting(!pasting)} aria-label={`Paste address for ${issue.title}`}>
            Paste address
          </button>
          <button type="button" class="button button-small" onClick={() => void dismissDefaultShow(issue.key)} aria-label={`Dismiss ${issue.title}`}>
            Dismiss
          </button>
          <button ref={closeButton} type="button" class="button button-small" aria-expanded="true" onClick={onClose} aria-label={`Hide details for ${issue.title}`}>
            Close
          </button>
        </div>
        {pasting && (
          <form class="default-show-form" noValidate onSubmit={(e) => void submit(e)}>
            <label for={inputId} class="visually-hidden">
              Feed address for {issue.title}
            </label>
            <input id={inputId} type="url" inputMode="url" placeholder="https://…" value={url} onInput={(e) => setUrl(e.currentTarget.value)} />
            <button type="submit" class="button button-small button-primary" disabled={busy}>
              Use
            </button>
            {error && (
              <p class="error-text" role="alert">
                {error}
              </p>
            )}
          </form>
        )}
      </div>
    </li>
  );
}
