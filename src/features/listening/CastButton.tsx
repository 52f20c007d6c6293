import { castAvailable, castError, castState, promptCast } from '../../state/cast';
import './listening.css';

/** Cast to a remote device; rendered only while the browser reports one for this audio. */
export function CastButton() {
  const error = castError.value;
  if (!castAvailable.value && castState.value === 'disconnected') return null;
  const state = castState.value;
  return (
    <div class="player-extras">
      <button type="button" class="toggle-chip" aria-pressed={state === 'connected'} onClick={() => void promptCast()}>
        <span class="dot" aria-hidden="true" />
        {state === 'connected' ? 'Casting' : state === 'connecting' ? 'Connecting…' : 'Cast'}
      </button>
      {error && (
        <p class="player-extras-note" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
