import { useState } from 'preact/hooks';
import { installMode, isStandalone, promptInstall } from '../../state/install';
import { Icon } from '../../ui/Icon';
import { IosInstallSteps } from './IosInstallSteps';

/** "Install app" where the browser can install; the iOS how-to on iOS Safari; nothing when installed. */
export function InstallButton({ explainWhenUnavailable = false }: { explainWhenUnavailable?: boolean }) {
  const [outcome, setOutcome] = useState<string | null>(null);
  const mode = installMode.value;
  if (mode === 'none') {
    if (outcome) return <p class="muted">{outcome}</p>;
    if (!explainWhenUnavailable) return null;
    return (
      <p class="muted">
        {isStandalone.value ? 'Hopcast is running as an installed app.' : 'This browser does not offer to install Hopcast right now. In Chrome or Edge, use the browser menu’s “Install Hopcast”.'}
      </p>
    );
  }
  if (mode === 'ios') return <IosInstallSteps />;
  return (
    <div class="install-button">
      <button
        type="button"
        class="button button-primary"
        onClick={() => {
          void promptInstall().then((result) => {
            setOutcome(result === 'accepted' ? 'Hopcast is installed.' : result === 'dismissed' ? 'Install cancelled.' : null);
          });
        }}
      >
        <Icon name="install" size={18} /> Install app
      </button>
      {outcome && <p class="muted">{outcome}</p>}
    </div>
  );
}
