import { useState } from 'preact/hooks';
import { readPref, writePref } from '../../state/view-prefs';

/**
 * First run: what Hopcast is and the three things to do. Shown on the Library until dismissed
 * (the default shows load below it meanwhile). Issue 15 owns the first-run state; this is the text.
 */
export function Welcome({ onAdd }: { onAdd: () => void }) {
  const [hidden, setHidden] = useState(() => readPref('welcome', ['dismissed'], 'shown') === 'dismissed');
  if (hidden) return null;
  const dismiss = () => {
    writePref('welcome', 'dismissed');
    setHidden(true);
  };
  return (
    <section class="welcome" aria-labelledby="welcome-title">
      <h2 id="welcome-title">Welcome to Hopcast</h2>
      <p>Hopcast plays podcasts and keeps them for when you’re offline: a downloaded episode plays anywhere.</p>
      <ol class="welcome-steps">
        <li>
          <strong>Follow the network’s shows.</strong> They are being added below; each says so if it can’t be reached.
        </li>
        <li>
          <strong>Add your own.</strong> Type a show’s name or paste its address.{' '}
          <button type="button" class="button button-small button-primary" onClick={onAdd}>
            Add a podcast
          </button>
        </li>
        <li>
          {/* No Install button here: the browser offers install after the page has loaded, and a button
              appearing then would push the shows down. The install banner floats in with it instead. */}
          <strong>Install the app</strong> to open it from your home screen (the browser’s menu offers “Install” where it can).
        </li>
      </ol>
      <button type="button" class="button button-small" onClick={dismiss}>
        Got it
      </button>
    </section>
  );
}
