import { useEffect } from 'preact/hooks';
import { loadPlaybackSettings, setSkipLength, SKIP_CHOICES, skipBack, skipForward } from '../../state/playback-settings';

function SkipSelect({ which }: { which: 'back' | 'forward' }) {
  const value = which === 'back' ? skipBack.value : skipForward.value;
  const label = which === 'back' ? 'Skip back length' : 'Skip forward length';
  const choices = (SKIP_CHOICES as readonly number[]).includes(value) ? SKIP_CHOICES : [...SKIP_CHOICES, value].sort((a, b) => a - b);
  return (
    <label class="setting-row">
      <span>{label}</span>
      <select value={String(value)} onChange={(e) => void setSkipLength(which, Number(e.currentTarget.value))}>
        {choices.map((s) => (
          <option key={s} value={String(s)}>
            {s} seconds
          </option>
        ))}
      </select>
    </label>
  );
}

/** Settings → Playback: how far Skip back and Skip forward jump (speed is remembered per show in the player). */
export function PlaybackSettings() {
  useEffect(() => {
    void loadPlaybackSettings();
  }, []);
  return (
    <section class="settings-section" aria-labelledby="settings-playback">
      <h2 id="settings-playback">Playback</h2>
      <SkipSelect which="back" />
      <SkipSelect which="forward" />
      <p class="muted">Playback speed is set in the player and remembered for each show.</p>
    </section>
  );
}
