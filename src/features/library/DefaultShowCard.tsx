import { useState } from 'preact/hooks';
import { dismissDefaultShow, retryDefaultShow, followDefaultShowAt } from '../../state/library-actions';
import type { DefaultShowIssue } from '../../state/first-run-status';
import { describeFeedError, humanizeMessage } from '../../state/errors';
import { HumanErrorText } from '../../ui/HumanErrorText';
import { Artwork } from '../../ui/Artwork';
import { ShowPlaceholder } from './ShowPlaceholder';
import { TriedList } from './TriedList';

/** A default show that could not be followed: the reason, what was tried, Retry, or paste its feed URL. */
export function DefaultShowCard({ issue }: { issue: DefaultShowIssue }) {
  const [pasting, setPasting] = useState(false);
  const [url, setUrl] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const working = busy;
  const inputId = `default-url-${issue.key}`;
  if (issue.status === 'working') return <ShowPlaceholder title={issue.title} />;

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
          <button type="button" class="button button-small" disabled={working} onClick={() => void retryDefaultShow(issue.key)} aria-label={`Retry ${issue.title}`}>
            Retry
          </button>
          <button type="button" class="button button-small" aria-expanded={pasting} onClick={() => setPasting(!pasting)} aria-label={`Paste address for ${issue.title}`}>
            Paste address
          </button>
          <button type="button" class="button button-small" onClick={() => void dismissDefaultShow(issue.key)} aria-label={`Dismiss ${issue.title}`}>
            Dismiss
          </button>
        </div>
        {pasting && (
          <form class="default-show-form" noValidate onSubmit={(e) => void submit(e)}>
            <label for={inputId} class="visually-hidden">
              Feed address for {issue.title}
            </label>
            <input id={inputId} type="url" inputMode="url" placeholder="https://…" value={url} onInput={(e) => setUrl(e.currentTarget.value)} />
            <button type="submit" class="button button-small button-primary" disabled={working}>
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
