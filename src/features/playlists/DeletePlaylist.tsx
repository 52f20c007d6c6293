import { useLayoutEffect, useRef, useState } from 'preact/hooks';

/**
 * "Delete playlist", then "Yes, delete" / "Cancel" in its place. The button a keyboard user pressed
 * disappears, so focus is moved on purpose: to Cancel when the question appears (the safe choice
 * for a second Enter), and back to "Delete playlist" when it is cancelled; otherwise it would fall
 * to the page's start.
 */
export function DeletePlaylist({ name, onDelete }: { name: string; onDelete: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  // Layout effect: focus moves in the same frame the buttons swap, so no key press lands on the page between.
  useLayoutEffect(() => {
    if (confirming) cancel.current?.focus();
    else if (asked.current) opener.current?.focus();
    asked.current ||= confirming;
  }, [confirming]);
  if (!confirming) {
    return (
      <button ref={opener} type="button" class="button button-small" onClick={() => setConfirming(true)}>
        Delete playlist
      </button>
    );
  }
  return (
    <span class="clear-confirm" role="group" aria-label={`Delete ${name}?`}>
      <button type="button" class="button button-small button-danger" onClick={onDelete}>
        Yes, delete
      </button>
      <button ref={cancel} type="button" class="button button-small" onClick={() => setConfirming(false)}>
        Cancel
      </button>
    </span>
  );
}
