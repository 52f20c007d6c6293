/** Settings → Listening: the way to the Stats screen. */
export function StatsLink() {
  return (
    <section class="settings-section" aria-labelledby="settings-listening">
      <h2 id="settings-listening">Listening</h2>
      <p class="muted">Time listened, and time saved by speed and skip silence. Skip silence, intro and outro trims and volume boost are set per show (Show settings on each show's page).</p>
      <a class="button" href="/stats">
        Listening stats
      </a>
    </section>
  );
}
