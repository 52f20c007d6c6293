import { useState } from 'preact/hooks';
import { useModalDialog } from '../../ui/use-modal-dialog';
import { DEFAULT_SHOW_SETTINGS, MAX_TRIM_SECONDS, type ShowSettings } from '../../core/show-settings';
import { STRENGTH_ORDER, STRENGTHS, type SilenceStrength } from '../../core/silence/strengths';
import { getShowSettings, saveShowSettings } from '../../state/show-settings';
import { rememberSpeed, SPEED_CHOICES, speedForShow } from '../../state/playback-settings';
import { currentEpisode, setSpeed } from '../../state/player';
import './listening.css';

const strengthLabel = (s: SilenceStrength) => (s === 'off' ? 'Off' : STRENGTHS[s].label);

/** Whole seconds 0–600 from a text field; null when it is not one (the field then says so). */
function parseSeconds(text: string): number | null {
  if (!/^\s*\d{1,3}\s*$/.test(text)) return null;
  const n = Number(text);
  return n <= MAX_TRIM_SECONDS ? n : null;
}

/** "Show settings" on the Show page and the sheet it opens: this show's trims, speed, skip silence, boost, auto-download. */
export function ShowSettingsButton({ podcastId, title }: { podcastId: string; title: string }) {
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState<ShowSettings>({ ...DEFAULT_SHOW_SETTINGS });
  const [intro, setIntro] = useState('0');
  const [outro, setOutro] = useState('0');
  const [speed, setSpeedValue] = useState(1);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ref = useModalDialog(open);

  const show = async () => {
    const [s, rate] = await Promise.all([getShowSettings(podcastId), speedForShow(podcastId)]);
    setForm(s);
    setIntro(String(s.introSkip));
    setOutro(String(s.outroSkip));
    setSpeedValue(rate);
    setError(null);
    setOpen(true);
  };

  const save = async (e: Event) => {
    e.preventDefault();
    const introSkip = parseSeconds(intro);
    const outroSkip = parseSeconds(outro);
    if (introSkip === null || outroSkip === null) {
      setError(`Skip lengths are whole seconds from 0 to ${MAX_TRIM_SECONDS}.`);
      return;
    }
    setBusy(true);
    try {
      await saveShowSettings(podcastId, { ...form, introSkip, outroSkip });
      // The player applies its show's speed at once; other shows get it when they next play.
      if (currentEpisode.value?.podcastId === podcastId) await setSpeed(speed);
      else await rememberSpeed(podcastId, speed);
      setOpen(false);
    } catch (err) {
      setError(err instanceof Error ? `Could not save: ${err.message}` : 'Could not save these settings.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" class="button button-small" onClick={() => void show()}>
        Show settings
      </button>
      <dialog ref={ref} class="dialog" aria-labelledby="show-settings-title" onClose={() => setOpen(false)}>
        <form class="dialog-form show-settings-form" onSubmit={(e) => void save(e)} noValidate>
          <h2 id="show-settings-title">Settings for {title}</h2>
          <label class="field">
            <span>Skip intro (seconds)</span>
            <input type="number" inputMode="numeric" min={0} max={MAX_TRIM_SECONDS} step={1} value={intro} onInput={(e) => setIntro(e.currentTarget.value)} />
            <span class="field-hint">Each episode starts this far in, unless you have already listened past it.</span>
          </label>
          <label class="field">
            <span>Skip outro (seconds)</span>
            <input type="number" inputMode="numeric" min={0} max={MAX_TRIM_SECONDS} step={1} value={outro} onInput={(e) => setOutro(e.currentTarget.value)} />
            <span class="field-hint">Each episode ends this long before its end.</span>
          </label>
          <label class="field">
            <span>Speed</span>
            <select value={speed.toFixed(1)} onChange={(e) => setSpeedValue(Number(e.currentTarget.value))}>
              {SPEED_CHOICES.map((r) => (
                <option key={r} value={r.toFixed(1)}>
                  {r.toFixed(1)}×
                </option>
              ))}
            </select>
          </label>
          <label class="field">
            <span>Skip silence</span>
            <select value={form.silence} onChange={(e) => setForm({ ...form, silence: e.currentTarget.value as SilenceStrength })}>
              {STRENGTH_ORDER.map((s) => (
                <option key={s} value={s}>
                  {strengthLabel(s)}
                </option>
              ))}
            </select>
            <span class="field-hint">Mild shortens long pauses; Strong also trims the pauses between sentences.</span>
          </label>
          <label class="check">
            <input type="checkbox" checked={form.volumeBoost} onChange={(e) => setForm({ ...form, volumeBoost: e.currentTarget.checked })} />
            <span>
              Volume boost
              <span class="field-hint" style="display:block">
                Louder, evened-out voices. Streams through this server so the browser may process the audio.
              </span>
            </span>
          </label>
          <label class="check">
            <input type="checkbox" checked={form.autoDownload} onChange={(e) => setForm({ ...form, autoDownload: e.currentTarget.checked })} />
            <span>Download new episodes automatically</span>
          </label>
          {error && (
            <p class="error-text" role="alert">
              {error}
            </p>
          )}
          <div class="dialog-actions">
            <button type="button" class="button" onClick={() => setOpen(false)}>
              Cancel
            </button>
            <button type="submit" class="button button-primary" disabled={busy}>
              Save
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
