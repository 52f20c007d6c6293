import { Icon } from '../ui/Icon';

/** Shown while the browser says it is offline (DockNotices decides). */
export function OfflineBanner() {
  return (
    <div class="banner banner-offline" role="status">
      <Icon name="offline" size={18} />
      <span>You're offline. Downloaded episodes still play; refresh and directory search need the network.</span>
    </div>
  );
}
