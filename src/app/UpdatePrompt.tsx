import { updateAvailable, applyUpdate } from '../sw-bridge';
import { prepareForReload } from '../state/player-persist';

/**
 * Shown when a new version waits. The app never reloads itself (that would cut off playback);
 * on Reload the position is saved first and a playing episode carries on after the reload.
 */
export function UpdatePrompt() {
  if (!updateAvailable.value) return null;
  const reload = async () => {
    await prepareForReload().catch(() => undefined);
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
