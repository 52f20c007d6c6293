/** iOS Safari offers no install prompt, so say how: Share, then Add to Home Screen. */
export function IosInstallSteps() {
  return (
    <div class="ios-install">
      <p>
        <strong>Install Hopcast on your iPhone or iPad</strong>
      </p>
      <ol>
        <li>Tap the Share button in Safari's toolbar.</li>
        <li>Choose “Add to Home Screen”, then “Add”.</li>
      </ol>
      <p class="muted">Installed, Hopcast keeps your downloads safe from Safari's 7-day storage cleanup.</p>
    </div>
  );
}
