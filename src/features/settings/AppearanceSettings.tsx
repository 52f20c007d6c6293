import { setTheme, theme, THEMES, type Theme } from '../../state/view-prefs';

const LABELS: Record<Theme, string> = { system: 'Same as device', light: 'Light', dark: 'Dark' };

/** Theme: follow the device, or always light, or always dark. */
export function AppearanceSettings() {
  return (
    <section class="settings-section" aria-labelledby="settings-appearance">
      <h2 id="settings-appearance">Appearance</h2>
      <fieldset class="theme-choice">
        <legend>Theme</legend>
        {THEMES.map((t) => (
          <label key={t} class="theme-option">
            <input type="radio" name="theme" value={t} checked={theme.value === t} onChange={() => setTheme(t)} />
            {LABELS[t]}
          </label>
        ))}
      </fieldset>
    </section>
  );
}
