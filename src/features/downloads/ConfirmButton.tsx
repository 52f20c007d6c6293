import { useState } from 'preact/hooks';

/** A destructive action that asks once more in place before it runs. */
export function ConfirmButton(props: { label: string; confirmLabel: string; question: string; disabled?: boolean; onConfirm: () => Promise<void> | void }) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" class="button button-small button-danger" disabled={props.disabled} onClick={() => setAsking(true)}>
        {props.label}
      </button>
    );
  }
  return (
    <span class="confirm-group" role="group" aria-label={props.question}>
      <button type="button" class="button button-small button-danger" onClick={() => void Promise.resolve(props.onConfirm()).finally(() => setAsking(false))}>
        {props.confirmLabel}
      </button>
      <button type="button" class="button button-small" onClick={() => setAsking(false)}>
        Keep
      </button>
    </span>
  );
}
