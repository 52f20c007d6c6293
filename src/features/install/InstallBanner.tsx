import { dismissInstallBanner } from '../../state/install';
import { Icon } from '../../ui/Icon';
import { InstallButton } from './InstallButton';

/** Offered once (installBannerWanted); dismissing it is remembered. Settings keeps the button for later. */
export function InstallBanner() {
  return (
    <aside class="banner banner-install" aria-label="Install Hopcast">
      <div class="banner-body">
        <p>Install Hopcast to listen offline, from your home screen.</p>
        <InstallButton />
      </div>
      <button type="button" class="icon-button" aria-label="Dismiss install banner" onClick={dismissInstallBanner}>
        <Icon name="close" size={20} />
      </button>
    </aside>
  );
}
