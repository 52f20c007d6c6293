import { updateAvailable, applyUpdate } from '../sw-bridge';

/** Shown when a new version waits; the app never reloads itself (a reload would cut off playback). */
export function UpdatePrompt() {
  if (!updateAvailable.value) return null;
  return (
    <div class="banner banner-update" role="status">
      <span>Update available</span>
      <button type="button" class="button button-primary" onClick={applyUpdate}>
        Reload
      </button>
    </div>
  );
}
