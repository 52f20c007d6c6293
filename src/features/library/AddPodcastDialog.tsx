import { useState } from 'preact/hooks';
import type { Podcast } from '../../core/types';
import { readAddInput } from '../../core/library/add-input';
import { useModalDialog } from '../../ui/use-modal-dialog';
import { HumanErrorText } from '../../ui/HumanErrorText';
import { addFromInput } from '../../state/add-podcast';
import type { DirectoryResult } from '../../state/directory-search';
import { humanizeError, type HumanError } from '../../state/errors';
import { DirectoryResultCard } from '../search/DirectoryResultCard';

type Found = { query: string; results: DirectoryResult[] };

/**
 * The one Add box: a feed or web page address (the scheme may be left out) subscribes; words
 * search the podcast directories and list the shows right here, each one tap from subscribed.
 * A native <dialog>: focus is trapped and Escape closes it without extra code.
 */
export function AddPodcastDialog({ open, onClose, onSubscribed }: { open: boolean; onClose: () => void; onSubscribed: (podcast: Podcast, existed: boolean) => void }) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<HumanError | null>(null);
  const [found, setFound] = useState<Found | null>(null);
  const ref = useModalDialog(open, () => {
    setError(null);
    setFound(null);
  });
  const words = readAddInput(text).kind === 'words';

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    setFound(null);
    try {
      const outcome = await addFromInput(text);
      if (outcome.kind === 'found') {
        setFound({ query: outcome.query, results: outcome.results });
      } else {
        setText('');
        onSubscribed(outcome.result.podcast, outcome.result.existed);
      }
    } catch (err) {
      setError(humanizeError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={ref} class="dialog add-dialog" aria-labelledby="add-podcast-title" onClose={onClose}>
      <form class="dialog-form" noValidate onSubmit={(e) => void submit(e)}>
        <h2 id="add-podcast-title">Add podcast</h2>
        <label for="add-podcast-url">Feed URL, web page or show name</label>
        <input
          id="add-podcast-url"
          type="text"
          autoComplete="off"
          autoCapitalize="off"
          spellcheck={false}
          enterKeyHint={words ? 'search' : 'go'}
          placeholder="the show’s name, or example.com/feed"
          value={text}
          required
          aria-describedby="add-podcast-hint"
          aria-invalid={error ? true : undefined}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        <p id="add-podcast-hint" class="muted dialog-hint">
          Paste a feed or web page address (https:// may be left out), or type a show’s name to search podcast directories.
        </p>
        {error && <HumanErrorText sentence={error.sentence} details={error.details} />}
        <div class="dialog-actions">
          <button type="button" class="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" class="button button-primary" disabled={busy}>
            {busy ? (words ? 'Searching…' : 'Subscribing…') : words ? 'Search' : 'Subscribe'}
          </button>
        </div>
      </form>
      {found && (
        <section class="add-results" aria-live="polite">
          {found.results.length === 0 ? (
            <p class="muted">No podcasts found for “{found.query}”. Try other words, or paste the show’s feed address.</p>
          ) : (
            <ul class="directory-results" aria-label={`Podcasts found for ${found.query}`}>
              {found.results.map((r) => (
                <DirectoryResultCard key={r.feedUrl} result={r} onSubscribed={onSubscribed} />
              ))}
            </ul>
          )}
        </section>
      )}
    </dialog>
  );
}
