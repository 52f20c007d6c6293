import { online } from '../state/online';
import { Icon } from '../ui/Icon';

export function OfflineBanner() {
  if (online.value) return null;
  return (
    <div class="banner banner-offline" role="status">
      <Icon name="offline" size={18} />
      <span>You're offline. Downloaded episodes still play; refresh and directory search need the network.</span>
    </div>
  );
}
