import { applyUpdate } from '../sw-bridge';
import { playerNeeded } from '../state/player-presence';

/**
 * Shown when a new version waits. The app never reloads itself (that would cut off playback);
 * on Reload the position is saved first and a playing episode carries on after the reload.
 */
export function UpdatePrompt() {
  const reload = async () => {
    // The player's code is only loaded when something is (or was) in it; then it saves the position.
    if (playerNeeded.value) await import('../state/player-persist').then((m) => m.prepareForReload()).catch(() => undefined);
    applyUpdate();
  };
  return (
    <div class="banner banner-update" role="status">
      <span>Update available</span>
      <button type="button" class="button button-primary" onClick={() => void reload()}>
        Reload
      </button>
    </div>
  );
}
