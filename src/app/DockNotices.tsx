import { useEffect, useRef } from 'preact/hooks';
import { OfflineBanner } from './OfflineBanner';
import { UpdatePrompt } from './UpdatePrompt';
import { ToastHost } from './ToastHost';
import { InstallBanner } from '../features/install/InstallBanner';

/**
 * Banners and toasts float above the dock rather than sit in the page: one arriving (the browser
 * offers install, the network drops, an update waits) never pushes the content down under the
 * reader's finger. The page's bottom padding grows by the banners' height instead, so its last
 * line can still be scrolled clear of them.
 */
export function DockNotices() {
  const banners = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = banners.current;
    if (!element) return;
    const root = document.documentElement.style;
    const observer = new ResizeObserver(() => root.setProperty('--dock-banners', `${element.offsetHeight}px`));
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.removeProperty('--dock-banners');
    };
  }, []);
  return (
    <div class="dock-notices">
      <div class="dock-banners" ref={banners}>
        <OfflineBanner />
        <UpdatePrompt />
        <InstallBanner />
      </div>
      <ToastHost />
    </div>
  );
}
