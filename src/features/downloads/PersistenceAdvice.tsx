import { useState } from 'preact/hooks';
import { persistence, requestPersistence } from '../../state/downloads';

/**
 * Whether the browser promised to keep Hopcast's storage, and what the listener can do when it
 * did not: browsers grant persistence to installed or bookmarked, often-used apps (Chromium
 * decides silently; Firefox and Safari may ask).
 */
export function PersistenceAdvice() {
  const [answer, setAnswer] = useState<string | null>(null);
  if (persistence.value !== 'best-effort')
    return answer ? (
      <p class="muted storage-note" role="status">
        {answer}
      </p>
    ) : null;
  const ask = async () => {
    const outcome = await requestPersistence();
    setAnswer(outcome === 'persisted' ? 'Done: the browser will keep your downloads.' : 'The browser said not yet. Install Hopcast or bookmark it, use it for a few days, and ask again.');
  };
  return (
    <div class="persistence-advice">
      <p class="muted storage-note">
        To keep downloads safe: install Hopcast (Install app in Settings, or Add to Home Screen), or bookmark it, then press Keep downloads. If the browser clears something anyway, Hopcast notices and
        offers to download it again.
      </p>
      <button type="button" class="button button-small" onClick={() => void ask()}>
        Keep downloads
      </button>
      {answer && (
        <p class="muted storage-note" role="status">
          {answer}
        </p>
      )}
    </div>
  );
}
