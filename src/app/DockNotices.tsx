import { useCallback, useEffect } from 'preact/hooks';
import { OfflineBanner } from './OfflineBanner';
import { UpdatePrompt } from './UpdatePrompt';
import { ToastHost } from './ToastHost';
import { InstallBanner } from '../features/install/InstallBanner';
import { updateAvailable } from '../sw-bridge';
import { online } from '../state/online';
import { installBannerWanted } from '../state/install';

function setBannerHeight(px: number): void {
  document.documentElement.style.setProperty('--dock-banners', `${px}px`);
}

/**
 * Banners and toasts float above the dock rather than sit in the page, so one arriving (the browser
 * offers install, the network drops, an update waits) never pushes the content under the reader's
 * finger. One banner at a time, the most pressing, each in a box of its own anchored at the bottom:
 * a banner replacing another moves nothing either. The page's bottom padding grows by the banner's
 * height, so the page's last line can still be scrolled clear of it.
 */
export function DockNotices() {
  const kind = updateAvailable.value ? 'update' : !online.value ? 'offline' : installBannerWanted.value ? 'install' : null;
  const measure = useCallback((element: HTMLDivElement | null) => {
    if (!element) return;
    const observer = new ResizeObserver(() => {
      // With the gap above it, where a toast may sit.
      if (element.isConnected) setBannerHeight(element.offsetHeight + 8);
      else observer.disconnect();
    });
    observer.observe(element);
  }, []);
  useEffect(() => {
    if (!kind) setBannerHeight(0);
  }, [kind]);
  return (
    <div class="dock-notices">
      {kind && (
        <div class="dock-banner" key={kind} ref={measure}>
          {kind === 'update' ? <UpdatePrompt /> : kind === 'offline' ? <OfflineBanner /> : <InstallBanner />}
        </div>
      )}
      <ToastHost />
    </div>
  );
}
